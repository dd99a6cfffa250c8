using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.WriteOutsideTmpAnalyzer,
    LambdaAnalyzers.Rules.WriteOutsideTmpFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class WriteOutsideTmpFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        FunctionProject.WithoutTestUtilities(test.TestState);
        FunctionProject.WithoutTestUtilities(test.FixedState);
        return test.RunAsync();
    }

    /// <summary>The diagnostics stay and no fix is offered.</summary>
    private static Task VerifyNoFixAsync(string source)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        FunctionProject.WithoutTestUtilities(test.TestState);
        FunctionProject.WithoutTestUtilities(test.FixedState);
        return test.RunAsync();
    }

    [Fact]
    public Task RelativeLiteral_CombinesWithTheTempPath() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText([|"output.json"|], input);
            }
        }
        """, """
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "output.json"), input);
            }
        }
        """);

    [Fact]
    public Task VarTaskAndOptLiterals_KeepTheRelativePart() => VerifyAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                System.IO.File.WriteAllText([|"/var/task/cache/state.json"|], input);
                System.IO.Directory.CreateDirectory({|LMB0007:"/opt/work"|});
                System.IO.File.WriteAllText([|"./logs/today.log"|], input);
            }
        }
        """, """
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cache/state.json"), input);
                System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "work"));
                System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "logs/today.log"), input);
            }
        }
        """);

    [Fact]
    public Task ConstantUsedOnlyByWrites_LosesItsFolderAndIsCombined() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const string StatePath = "/var/task/state.json";

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText([|StatePath|], input);
                File.AppendAllText([|StatePath|], "\n");
            }
        }
        """, """
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const string StatePath = "state.json";

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), StatePath), input);
                File.AppendAllText(Path.Combine(Path.GetTempPath(), StatePath), "\n");
            }
        }
        """);

    [Fact]
    public Task LocalConstant_IsCombined() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                const string name = "report.txt";
                File.WriteAllText([|name|], input);
            }
        }
        """, """
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                const string name = "report.txt";
                File.WriteAllText(Path.Combine(Path.GetTempPath(), name), input);
            }
        }
        """);

    [Fact]
    public Task FixAll_FixesEveryLiteralOfTheDocument() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Function() => Directory.CreateDirectory([|"cache"|]);

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText([|"a.json"|], input);
                File.WriteAllText([|"b.json"|], input);
            }
        }
        """, """
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Function() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cache"));

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "a.json"), input);
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "b.json"), input);
            }
        }
        """);

    [Fact]
    public Task ConstantAlsoRead_NoFix() => VerifyNoFixAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const string StatePath = "state.json";

            public void Handle(string input, ILambdaContext context)
            {
                var previous = File.ReadAllText(StatePath);
                File.WriteAllText([|StatePath|], input);
            }
        }
        """);

    [Fact]
    public Task PublicConstant_NoFix() => VerifyNoFixAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public const string StatePath = "state.json";

            public void Handle(string input, ILambdaContext context) => File.WriteAllText([|StatePath|], input);
        }
        """);

    [Fact]
    public Task BaseDirectoryAssemblyAndInterpolation_NoFix() => VerifyNoFixAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText([|Path.Combine(AppContext.BaseDirectory, "a.json")|], input);
                File.WriteAllText([|Path.Combine(Path.GetDirectoryName(typeof(Function).Assembly.Location)!, "b.json")|], input);
                File.WriteAllText([|$"c-{input}.json"|], input);
                var local = "d.json";
                File.WriteAllText([|local|], input);
            }
        }
        """);
}
