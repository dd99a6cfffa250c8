using LambdaAnalyzers.Rules;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.TmpFileNotDeletedAnalyzer,
    LambdaAnalyzers.Rules.TmpFileNotDeletedFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class TmpFileNotDeletedFixerTests
{
    [Fact]
    public void HasNoFixAll() => Assert.Null(new TmpFileNotDeletedFixer().GetFixAllProvider());

    [Fact]
    public Task WriteOfALocalPath_WrapsTheRestOfTheBlockInTryFinally() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
                context.Logger.LogInformation("writing");
                // Write the rows.
                await [|File.WriteAllTextAsync(path, input)|];
                var length = new FileInfo(path).Length;
                return (int)length;
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
                context.Logger.LogInformation("writing");
                try
                {
                    // Write the rows.
                    await File.WriteAllTextAsync(path, input);
                    var length = new FileInfo(path).Length;
                    return (int)length;
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }
        """);

    [Fact]
    public Task WriteInAHelperTheHandlerCalls_IsFixedInTheHelper()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using Amazon.Lambda.Core;

                public static class Scratch
                {
                    public static long Measure(string input)
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
                        {|#0:File.WriteAllText(path, input)|};
                        return new FileInfo(path).Length;
                    }
                }

                public class Function
                {
                    public long Handle(string input, ILambdaContext context) => {|#1:Scratch.Measure(input)|};
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using Amazon.Lambda.Core;

                public static class Scratch
                {
                    public static long Measure(string input)
                    {
                        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
                        try
                        {
                            File.WriteAllText(path, input);
                            return new FileInfo(path).Length;
                        }
                        finally
                        {
                            File.Delete(path);
                        }
                    }
                }

                public class Function
                {
                    public long Handle(string input, ILambdaContext context) => Scratch.Measure(input);
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Reached.TwinOf(TmpFileNotDeletedAnalyzer.Rule))
            .WithLocation(0).WithArguments("WriteAllText", "Function.Handle", "'Scratch.Measure'")
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task GetTempFileName_WrapsTheStatementsAfterTheDeclaration() => Verify.VerifyCodeFixAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var scratch = [|System.IO.Path.GetTempFileName()|];
                System.IO.File.WriteAllText(scratch, input);
                return input;
            }
        }
        """, """
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var scratch = System.IO.Path.GetTempFileName();
                try
                {
                    System.IO.File.WriteAllText(scratch, input);
                    return input;
                }
                finally
                {
                    System.IO.File.Delete(scratch);
                }
            }
        }
        """);

    [Fact]
    public Task InsideALoopBody_WrapsWithinTheLoop() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string[] input, ILambdaContext context)
            {
                foreach (var item in input)
                {
                    var path = $"/tmp/{Guid.NewGuid()}";
                    using var stream = [|File.Create(path)|];
                    stream.WriteByte(1);
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string[] input, ILambdaContext context)
            {
                foreach (var item in input)
                {
                    var path = $"/tmp/{Guid.NewGuid()}";
                    try
                    {
                        using var stream = File.Create(path);
                        stream.WriteByte(1);
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task InlinePath_NoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                [|File.WriteAllText("/tmp/" + Guid.NewGuid(), input)|];
            }
        }
        """);

    [Fact]
    public Task LocalDeclaredInAnOuterBlock_NoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var path = "/tmp/" + Guid.NewGuid();
                if (input.Length > 0)
                {
                    [|File.WriteAllText(path, input)|];
                }
            }
        }
        """);

    [Fact]
    public Task IteratorBlock_NoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public IEnumerable<string> Handle(string input, ILambdaContext context)
            {
                var path = "/tmp/" + Guid.NewGuid();
                [|File.WriteAllText(path, input)|];
                yield return path;
            }
        }
        """);

    [Fact]
    public Task LocalFunctionAfterTheWrite_NoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var path = "/tmp/" + Guid.NewGuid();
                [|File.WriteAllText(path, input)|];
                return Describe();

                string Describe() => input;
            }
        }
        """);
}
