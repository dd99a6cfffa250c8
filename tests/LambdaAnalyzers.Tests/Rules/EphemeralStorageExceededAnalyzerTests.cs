using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.EphemeralStorageExceededAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class EphemeralStorageExceededAnalyzerTests
{
    private static DiagnosticResult Exceeds(int markup, long megabytes, int limit = 512) =>
        Verify.Diagnostic(EphemeralStorageExceededAnalyzer.Rule).WithLocation(markup).WithArguments(megabytes.ToString(), limit.ToString());

    private static string Handler(string body) => $$"""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const int MB = 1024 * 1024;

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                {{body}}
                await Task.Yield();
                return input;
            }
        }
        """;

    // ---- Reported ------------------------------------------------------------------------------------------------------

    [Fact]
    public Task WriteAllBytesOfAConstantArray_ReportsBothFigures() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "big.bin"), new byte[600 * MB])|};
        """), Exceeds(0, 600));

    [Fact]
    public Task ArrayInALocalAndSizeInALocal_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var size = 700 * MB;
        var data = new byte[size];
        await {|#0:File.WriteAllBytesAsync("/tmp/data.bin", data)|};
        """), Exceeds(0, 700));

    [Fact]
    public Task SetLengthOnATmpStream_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        using var stream = File.Create(Path.GetTempFileName());
        {|#0:stream.SetLength(2048L * MB)|};
        """), Exceeds(0, 2048));

    [Fact]
    public Task WriteInACountedLoop_ReportsTheTotal() => Verify.VerifyAnalyzerAsync(Handler("""
        var buffer = new byte[MB];
        using var stream = new FileStream($"/tmp/{input}.bin", FileMode.Create, FileAccess.Write);
        for (int i = 0; i < 600; i++)
        {
            {|#0:stream.Write(buffer, 0, buffer.Length)|};
        }

        using var other = File.OpenWrite("/tmp/other.bin");
        for (var i = 1; i <= 1000; i++)
            await {|#1:other.WriteAsync(buffer)|};
        """), Exceeds(0, 600), Exceeds(1, 1000));

    [Fact]
    public Task JustOverTheLimit_RoundsUp() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:File.WriteAllBytes("/tmp/x.bin", new byte[512 * MB + 1])|};
        """), Exceeds(0, 513));

    [Fact]
    public Task InitCode_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Function()
            {
                {|#0:File.WriteAllBytes("/tmp/warm.bin", new byte[1024 * 1024 * 1024])|};
            }

            public string Handle(string input, ILambdaContext context) => input;
        }
        """, Exceeds(0, 1024));

    // ---- The option ---------------------------------------------------------------------------------------------------

    [Fact]
    public Task ConfiguredStorage_RaisesTheLimit() => new Verify.Test
    {
        TestCode = Handler("""
            File.WriteAllBytes("/tmp/a.bin", new byte[600 * MB]);
            {|#0:File.WriteAllBytes("/tmp/b.bin", new byte[1100 * MB])|};
            """),
        EditorConfig = "lambda_analyzers.ephemeral_storage_mb = 1024",
        ExpectedDiagnostics = { Exceeds(0, 1100, 1024) },
    }.RunAsync();

    [Theory]
    [InlineData("100")]
    [InlineData("20000")]
    [InlineData("lots")]
    [InlineData("1024.5")]
    public Task InvalidConfiguredStorage_IsIgnored(string value) => new Verify.Test
    {
        TestCode = Handler("""
            {|#0:File.WriteAllBytes("/tmp/a.bin", new byte[600 * MB])|};
            """),
        EditorConfig = "lambda_analyzers.ephemeral_storage_mb = " + value,
        ExpectedDiagnostics = { Exceeds(0, 600) },
    }.RunAsync();

    // ---- The function's ephemeral storage from its deployment file ---------------------------------------------------------

    private static DiagnosticResult ExceedsFunction(int markup, long megabytes, string function, int limit) =>
        Verify.Diagnostic(EphemeralStorageExceededAnalyzer.FunctionRule).WithLocation(markup)
            .WithArguments(megabytes.ToString(), function, limit.ToString());

    private static Verify.Test WithTemplate(string source, string template, string? editorConfig = null)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", template));
        if (editorConfig is not null)
        {
            test.EditorConfig = editorConfig;
        }

        return test;
    }

    private const string TwoFunctionTemplate = """
        Globals:
          Function:
            EphemeralStorage:
              Size: 2048
        Resources:
          ImportFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
              EphemeralStorage:
                Size: 1024
          ImportLargeFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
        """;

    [Fact]
    public Task FunctionsStorage_FromTheTemplate_TheSmallestOfTheFunctionsThatRunTheWrite_Named()
    {
        var test = WithTemplate(Handler("""
            File.WriteAllBytes("/tmp/a.bin", new byte[1000 * MB]);
            {|#0:File.WriteAllBytes("/tmp/b.bin", new byte[1500 * MB])|};
            """), TwoFunctionTemplate, "lambda_analyzers.ephemeral_storage_mb = 4096");
        test.ExpectedDiagnostics.Add(ExceedsFunction(0, 1500, "ImportFn", 1024));
        return test.RunAsync();
    }

    [Fact]
    public Task FunctionsStorage_InALambdaInTheHandler_IsTheHandlersFunctions()
    {
        var test = WithTemplate(Handler("""
            Action write = () => {|#0:File.WriteAllBytes("/tmp/b.bin", new byte[1500 * MB])|};
            write();
            """), TwoFunctionTemplate);
        test.ExpectedDiagnostics.Add(ExceedsFunction(0, 1500, "ImportFn", 1024));
        return test.RunAsync();
    }

    [Fact]
    public Task FunctionsStorage_InAHelperTheHandlerCalls_IsTheHandlersFunctions()
    {
        // The option allows 4 GB: only the function the helper runs in (1 GB) makes the write too large.
        var test = WithTemplate("""
            using System.IO;
            using Amazon.Lambda.Core;

            public static class Staging
            {
                public static void Stage() => {|#0:File.WriteAllBytes("/tmp/b.bin", new byte[1500 * 1024 * 1024])|};
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    Staging.Stage();
                    return input;
                }
            }
            """, TwoFunctionTemplate, "lambda_analyzers.ephemeral_storage_mb = 4096");
        test.ExpectedDiagnostics.Add(ExceedsFunction(0, 1500, "ImportFn", 1024));
        return test.RunAsync();
    }

    [Fact]
    public Task FunctionsStorageUnknown_FallsBackToTheOption()
    {
        var test = WithTemplate(Handler("""
            File.WriteAllBytes("/tmp/a.bin", new byte[1000 * MB]);
            {|#0:File.WriteAllBytes("/tmp/b.bin", new byte[1500 * MB])|};
            """), """
            Resources:
              ImportFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Function::Handle
                  EphemeralStorage:
                    Size: !Ref Storage
            """, "lambda_analyzers.ephemeral_storage_mb = 1024");
        test.ExpectedDiagnostics.Add(Exceeds(0, 1500, 1024));
        return test.RunAsync();
    }

    [Fact]
    public Task InitCodeAndHelpers_UseTheOption_EvenWithATemplate()
    {
        var test = WithTemplate("""
            using System.IO;
            using Amazon.Lambda.Core;

            public class Function
            {
                public Function()
                {
                    {|#0:File.WriteAllBytes("/tmp/warm.bin", new byte[600 * 1024 * 1024])|};
                }

                public string Handle(string input, ILambdaContext context) => input;

                public static void Helper() => {|#1:File.WriteAllBytes("/tmp/cold.bin", new byte[600 * 1024 * 1024])|};
            }
            """, TwoFunctionTemplate);
        test.ExpectedDiagnostics.Add(Exceeds(0, 600));
        test.ExpectedDiagnostics.Add(Exceeds(1, 600));
        return test.RunAsync();
    }

    [Fact]
    public Task FunctionsStorage_LargerThanTheWrite_DoesNotReport() => WithTemplate(Handler("""
        File.WriteAllBytes("/tmp/a.bin", new byte[1000 * MB]);
        """), TwoFunctionTemplate).RunAsync();

    // ---- Not reported ----------------------------------------------------------------------------------------------------

    [Fact]
    public Task SizesUnderOrAtTheLimit_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        File.WriteAllBytes("/tmp/a.bin", new byte[512 * MB]);
        File.WriteAllBytes("/tmp/b.bin", new byte[100 * MB]);
        using var stream = File.Create("/tmp/c.bin");
        stream.SetLength(400L * MB);
        var buffer = new byte[MB];
        for (int i = 0; i < 512; i++)
        {
            stream.Write(buffer);
        }
        """));

    [Fact]
    public Task UnknownSizes_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var data = new byte[input.Length * MB];
        File.WriteAllBytes("/tmp/a.bin", data);
        var reassigned = new byte[600 * MB];
        reassigned = new byte[1];
        File.WriteAllBytes("/tmp/b.bin", reassigned);
        using var stream = File.Create("/tmp/c.bin");
        stream.SetLength(input.Length * 1024L * MB);
        var buffer = new byte[MB];
        for (int i = 0; i < input.Length * 1000; i++)
        {
            stream.Write(buffer);
        }
        """));

    [Fact]
    public Task LoopsThatMayStopEarlyOrWriteConditionally_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var stream = File.Create("/tmp/c.bin");
        var buffer = new byte[MB];
        for (int i = 0; i < 1000; i++)
        {
            if (i == input.Length) break;
            stream.Write(buffer);
        }

        for (int i = 0; i < 1000; i++)
        {
            stream.Write(buffer);
            if (i > input.Length) return input;
        }

        for (int i = 0; i < 1000; i++)
        {
            if (i % 2 == 0)
            {
                stream.Write(buffer);
            }
        }

        for (int i = 0; i < 1000; i++)
        {
            stream.Write(buffer);
            i += 10;
        }

        for (int i = 0; i < 1000; i += 2)
        {
            stream.Write(buffer);
        }

        for (int i = 0; i < 1000; i++)
        {
            stream.Write(buffer);
            if (i == 3) throw new InvalidOperationException();
        }
        """));

    [Fact]
    public Task OutsideTmp_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        File.WriteAllBytes("/mnt/efs/big.bin", new byte[600 * MB]);
        File.WriteAllBytes(input, new byte[600 * MB]);
        using var memory = new MemoryStream();
        memory.SetLength(600L * MB);
        using var efs = File.Create("/mnt/efs/c.bin");
        efs.SetLength(600L * MB);
        """));

    [Fact]
    public Task OverflowingArithmetic_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var stream = File.Create("/tmp/c.bin");
        var buffer = new byte[1024 * MB];
        for (long i = long.MinValue; i < long.MaxValue; i++)
        {
            stream.Write(buffer);
        }
        """));

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.IO;

            public class Tool
            {
                public void Run() => File.WriteAllBytes("/tmp/big.bin", new byte[600 * 1024 * 1024]);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Function.g.cs", """
                    // <auto-generated/>
                    using System.IO;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public void Handle(string input, ILambdaContext context) => File.WriteAllBytes("/tmp/big.bin", new byte[600 * 1024 * 1024]);
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("File.WriteAllBytes(\"/tmp/a\", new byte[")]
    [InlineData("File.WriteAllBytes(\"/tmp/a\", new byte[missing]);")]
    [InlineData("using var s = File.Create(\"/tmp/a\"); s.SetLength(")]
    [InlineData("using var s = File.Create(\"/tmp/a\"); for (int i = 0; i < ; i++) s.Write(new byte[MB]);")]
    [InlineData("using var s = File.Create(\"/tmp/a\"); for (int i = 0; i < 1000; i++) s.Write(missing, 0, missing.Length);")]
    [InlineData("using var s = File.Create(\"/tmp/a\"); for (;;) s.Write(new byte[MB]);")]
    [InlineData("var b = new byte[MB, 2]; File.WriteAllBytes(\"/tmp/a\", b);")]
    [InlineData("missing.Write(new byte[600 * MB]);")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", Handler(statement))]);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new EphemeralStorageExceededAnalyzer()));
        Assert.Empty(result.Crashes);
    }
}
