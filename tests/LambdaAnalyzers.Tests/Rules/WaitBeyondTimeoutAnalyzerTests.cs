using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.WaitBeyondTimeoutAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class WaitBeyondTimeoutAnalyzerTests
{
    /// <summary>A SAM template: <c>ImportFn</c> (30 s) and <c>ImportQuickFn</c> (10 s) both run <c>Function.Handle</c>.</summary>
    private const string Template = """
        Globals:
          Function:
            Timeout: 30
        Resources:
          ImportFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
          ImportQuickFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
              Timeout: 10
        """;

    /// <summary>A SAM template with one function, <c>ImportFn</c>, of the given timeout, running <c>Function.Handle</c>.</summary>
    private static string OneFunction(string timeout) =>
        $"Resources:\n  ImportFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::Handle\n      Timeout: {timeout}\n";

    private static DiagnosticResult Waits(int markup, string member, string duration, string function = "ImportQuickFn", int timeout = 10) =>
        Verify.Diagnostic(WaitBeyondTimeoutAnalyzer.WaitRule).WithLocation(markup).WithArguments(member, duration, function, timeout.ToString());

    private static DiagnosticResult TimesOut(int markup, string member, string duration, string function = "ImportQuickFn", int timeout = 10) =>
        Verify.Diagnostic(WaitBeyondTimeoutAnalyzer.TimeoutRule).WithLocation(markup).WithArguments(member, duration, function, timeout.ToString());

    /// <summary>An async handler with helpers that take tokens.</summary>
    private static string Handler(string body) => $$"""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private const int OneMinute = 60_000;

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                {{body}}
                await Task.Yield();
                return input;
            }

            private static Task<string> GetStatusAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(id);
        }
        """;

    private static Task VerifyAsync(string source, string? deploymentFile, params DiagnosticResult[] expected) =>
        VerifyAsync(source, "/0/template.yaml", deploymentFile, expected);

    private static Task VerifyAsync(string source, string path, string? deploymentFile, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        if (deploymentFile is not null)
        {
            test.TestState.AdditionalFiles.Add((path, deploymentFile));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- Reported ------------------------------------------------------------------------------------------------

    [Fact]
    public Task DelayAsLongAsTheShortestTimeout_ReportsOnTheDuration() => VerifyAsync(Handler("""
        await Task.Delay({|#0:TimeSpan.FromSeconds(10)|});
        await Task.Delay(TimeSpan.FromSeconds(9.5));
        """), Template, Waits(0, "Task.Delay", "10 s"));

    [Fact]
    public Task SleepOfAConstant_Reports() => VerifyAsync(Handler("""
        Thread.Sleep({|#0:OneMinute|});
        var pause = TimeSpan.FromMinutes(2);
        Thread.Sleep({|#1:pause|});
        await Task.Delay({|#2:12_500|}, CancellationToken.None);
        """), Template, Waits(0, "Thread.Sleep", "60 s"), Waits(1, "Thread.Sleep", "120 s"), Waits(2, "Task.Delay", "12.5 s"));

    [Fact]
    public Task TokenSourceWithALongDelay_Reports() => VerifyAsync(Handler("""
        using var cts = new CancellationTokenSource({|#0:TimeSpan.FromMinutes(5)|});
        await GetStatusAsync(input, cts.Token);
        await GetStatusAsync(input, new CancellationTokenSource({|#1:OneMinute|}).Token);
        """), Template, TimesOut(0, "CancellationTokenSource", "300 s"), TimesOut(1, "CancellationTokenSource", "60 s"));

    [Fact]
    public Task CancelAfterOnASourceOfTheHandler_Reports() => VerifyAsync(Handler("""
        using var cts = new CancellationTokenSource();
        cts.CancelAfter({|#0:TimeSpan.FromSeconds(45)|});
        using var unlinked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None, default);
        unlinked.CancelAfter({|#1:OneMinute|});
        await GetStatusAsync(input, cts.Token);
        """), Template, TimesOut(0, "CancelAfter", "45 s"), TimesOut(1, "CancelAfter", "60 s"));

    [Fact]
    public Task HttpClientAndSdkConfigTimeouts_Report() => VerifyAsync(Handler("""
        using var http = new HttpClient { Timeout = {|#0:TimeSpan.FromSeconds(100)|} };
        http.Timeout = {|#1:TimeSpan.FromMinutes(1)|};
        var config = new AmazonS3Config { Timeout = {|#2:TimeSpan.FromSeconds(30)|} };
        using var s3 = new AmazonS3Client(config);
        """), Template, TimesOut(0, "HttpClient.Timeout", "100 s"), TimesOut(1, "HttpClient.Timeout", "60 s"), TimesOut(2, "AmazonS3Config.Timeout", "30 s"));

    [Fact]
    public Task DelayInAPollingLoop_Reports_BesideTheLoopsOwnReport() => VerifyAsync(Handler("""
        while (await GetStatusAsync(input) != "DONE")
        {
            await Task.Delay({|#0:TimeSpan.FromSeconds(15)|});
        }
        """), Template, Waits(0, "Task.Delay", "15 s"));

    [Fact]
    public Task DelayInALambdaOfTheHandler_Reports() => VerifyAsync(Handler("""
        Func<Task> pause = () => Task.Delay({|#0:TimeSpan.FromSeconds(20)|});
        await pause();
        """), Template, Waits(0, "Task.Delay", "20 s"));

    [Fact]
    public Task TimeoutOfTheLambdaFunctionAttribute_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public class Functions
        {
            [LambdaFunction(Timeout = 5)]
            public async Task Wait(ILambdaContext context) => await Task.Delay({|#0:TimeSpan.FromSeconds(5)|});

            [LambdaFunction(ResourceName = "Slow", Timeout = 900)]
            public async Task WaitLonger(ILambdaContext context) => await Task.Delay(TimeSpan.FromSeconds(5));
        }
        """, Waits(0, "Task.Delay", "5 s", "FunctionsWait", 5));

    [Fact]
    public Task TemplateWithoutTimeout_IsTheDefaultThreeSeconds() => VerifyAsync(
        Handler("await Task.Delay({|#0:3000|});"),
        "Resources:\n  ImportFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::Handle\n",
        Waits(0, "Task.Delay", "3 s", "ImportFn", 3));

    [Fact]
    public Task ServerlessFramework_DefaultIsSixSeconds() => VerifyAsync(
        Handler("""
            await Task.Delay(5000);
            await Task.Delay({|#0:6000|});
            """),
        "/0/serverless.yml",
        "service: import\nprovider:\n  name: aws\n  runtime: dotnet8\nfunctions:\n  import:\n    handler: TestProject::Function::Handle\n",
        Waits(0, "Task.Delay", "6 s", "import", 6));

    [Fact]
    public Task ToolsDefaultsTimeout_Reports() => VerifyAsync(
        Handler("await Task.Delay({|#0:TimeSpan.FromSeconds(20)|});"),
        "/0/aws-lambda-tools-defaults.json",
        """{ "function-name": "importer", "function-handler": "TestProject::Function::Handle", "function-timeout": 15 }""",
        Waits(0, "Task.Delay", "20 s", "importer", 15));

    [Fact]
    public Task WaitInAHelperTwoHandlersReach_ReportsWithTheChain_AgainstTheShortestTimeoutOfTheirFunctions() => VerifyAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Backoff
        {
            public static Task WaitAsync() => Task.Delay({|#0:TimeSpan.FromSeconds(20)|});
        }

        public static class Steps
        {
            public static Task RunAsync() => Backoff.WaitAsync();
        }

        public class Function
        {
            public Task Handle(string input, ILambdaContext context) => {|#1:Backoff.WaitAsync()|};

            public Task Other(string input, ILambdaContext context) => Steps.RunAsync();
        }
        """,
        """
        Resources:
          HandleFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
              Timeout: 30
          OtherFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Other
              Timeout: 15
        """,
        new DiagnosticResult(Reached.TwinOf(WaitBeyondTimeoutAnalyzer.WaitRule)).WithLocation(0).WithLocation(1)
            .WithArguments("Task.Delay", "20 s", "OtherFn", "15", "Function.Handle", "'Backoff.WaitAsync'"));

    [Fact]
    public Task WaitInAHelperWithTheReachOptionOff_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public static class Backoff
                {
                    public static Task WaitAsync() => Task.Delay(TimeSpan.FromSeconds(20));
                }

                public class Function
                {
                    public Task Handle(string input, ILambdaContext context) => Backoff.WaitAsync();
                }
                """,
            EditorConfig = "lambda_analyzers.LMB0013.reach = false",
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", OneFunction("10")));
        return test.RunAsync();
    }

    // ---- Not reported --------------------------------------------------------------------------------------------

    [Fact]
    public Task ShorterThanTheTimeout_DoesNotReport() => VerifyAsync(Handler("""
        await Task.Delay(TimeSpan.FromSeconds(9));
        Thread.Sleep(9999);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        await GetStatusAsync(input, cts.Token);
        """), Template);

    [Fact]
    public Task WithoutADeploymentFile_DoesNotReport() => VerifyAsync(Handler("""
        await Task.Delay(TimeSpan.FromHours(1));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        """), deploymentFile: null);

    [Theory]
    [InlineData("!Ref Timeout")]
    [InlineData("${self:custom.timeout}")]
    [InlineData("0")]
    [InlineData("thirty")]
    public Task UnknownTimeout_DoesNotReport(string timeout) => VerifyAsync(Handler("""
        await Task.Delay(TimeSpan.FromHours(1));
        """), OneFunction(timeout));

    [Fact]
    public Task ToolsDefaultsWithoutATimeout_DoNotReport() => VerifyAsync(
        Handler("await Task.Delay(TimeSpan.FromHours(1));"),
        "/0/aws-lambda-tools-defaults.json",
        """{ "function-handler": "TestProject::Function::Handle", "function-memory-size": 512 }""");

    [Fact]
    public Task LambdaFunctionWithoutATimeout_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public class Functions
        {
            [LambdaFunction(MemorySize = 512)]
            public async Task Wait(ILambdaContext context) => await Task.Delay(TimeSpan.FromHours(1));
        }
        """);

    [Fact]
    public Task InfiniteDurations_DoNotReport() => VerifyAsync(Handler("""
        var never = new TaskCompletionSource();
        await Task.WhenAny(never.Task, Task.Delay(Timeout.Infinite));
        await Task.WhenAny(never.Task, Task.Delay(Timeout.InfiniteTimeSpan));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var cts = new CancellationTokenSource(-1);
        await GetStatusAsync(input, cts.Token);
        """), Template);

    [Fact]
    public Task UnknownDurations_DoNotReport() => VerifyAsync(Handler("""
        await Task.Delay(context.RemainingTime);
        await Task.Delay(input.Length * 1000);
        using var cts = new CancellationTokenSource(context.RemainingTime - TimeSpan.FromSeconds(1));
        await GetStatusAsync(input, cts.Token);
        """), Template);

    [Fact]
    public Task DelayGivenAToken_DoesNotReport() => VerifyAsync(Handler("""
        using var deadline = new CancellationTokenSource(context.RemainingTime);
        await Task.Delay(TimeSpan.FromMinutes(5), deadline.Token);
        await Task.Delay(OneMinute, cancellationToken: deadline.Token);
        """), Template);

    [Fact]
    public Task SourceLinkedWithAnotherToken_DoesNotReport() => VerifyAsync(Handler("""
        using var deadline = new CancellationTokenSource(context.RemainingTime);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        linked.CancelAfter(TimeSpan.FromMinutes(5));
        using var own = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var both = CancellationTokenSource.CreateLinkedTokenSource(own.Token, deadline.Token);
        using var alongside = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Task.WhenAll(GetStatusAsync(input, alongside.Token), GetStatusAsync(input, deadline.Token));
        Combine(alongside.Token, deadline.Token);
        await GetStatusAsync(input, both.Token);

        static void Combine(CancellationToken first, CancellationToken second)
        {
        }
        """), Template);

    [Fact]
    public Task SourceKeptOutsideALocal_DoesNotReport() => VerifyAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private CancellationTokenSource? _cts;

            public Task Handle(string input, ILambdaContext context)
            {
                _cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                _cts.CancelAfter(TimeSpan.FromMinutes(10));
                return Task.CompletedTask;
            }
        }
        """, Template);

    [Fact]
    public Task InitCode_DoesNotReport() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromMinutes(5) };

            public Function()
            {
                Thread.Sleep(TimeSpan.FromMinutes(1));
            }

            public string Handle(string input, ILambdaContext context) => input;

            public static void Helper() => Thread.Sleep(TimeSpan.FromMinutes(1));
        }
        """, Template);

    [Fact]
    public Task FunctionOfAnotherAssemblyOrMethod_DoesNotReport() => VerifyAsync(
        Handler("await Task.Delay(TimeSpan.FromMinutes(1));"),
        "Resources:\n  A:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Billing::Function::Handle\n      Timeout: 10\n"
            + "  B:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::GetStatusAsync\n      Timeout: 10\n");

    [Fact]
    public Task OtherTimeoutProperties_DoNotReport() => VerifyAsync(Handler("""
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromMinutes(5), PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var options = new Options { Timeout = TimeSpan.FromMinutes(5) };
        """).Replace("public class Function", "public sealed class Options { public TimeSpan Timeout { get; set; } }\n\npublic class Function"), Template);

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport()
    {
        var test = new Verify.Test
        {
            WithoutLambda = true,
            TestCode = """
                using System;
                using System.Threading;

                public class Tool
                {
                    public void Handle() => Thread.Sleep(TimeSpan.FromMinutes(1));
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Tool::Handle\n      Timeout: 3\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task GeneratedCode_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Function.g.cs", """
                        // <auto-generated/>
                        using System;
                        using System.Threading;
                        using Amazon.Lambda.Core;

                        public class Function
                        {
                            public void Handle(string input, ILambdaContext context) => Thread.Sleep(TimeSpan.FromMinutes(1));
                        }
                        """),
                },
            },
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", Template));
        return test.RunAsync();
    }

    // ---- Half-typed code -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("await Task.Delay(")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(missing));")]
    [InlineData("Thread.Sleep(TimeSpan.FromMinutes(1), missing);")]
    [InlineData("using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(; cts.CancelAfter(")]
    [InlineData("missing.CancelAfter(TimeSpan.FromMinutes(1));")]
    [InlineData("var c = new CancellationTokenSource(); c.CancelAfter(TimeSpan.FromMinutes(1), 2);")]
    [InlineData("using var http = new HttpClient { Timeout = };")]
    [InlineData("using var http = new HttpClient { Timeout = missing };")]
    [InlineData("var x = new Missing { Timeout = TimeSpan.FromMinutes(1) };")]
    [InlineData("using var linked = CancellationTokenSource.CreateLinkedTokenSource(missing.Token); linked.CancelAfter(OneMinute);")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", Handler(statement))]);
        var options = new AnalyzerOptions([new InMemoryAdditionalText("/0/template.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(Template.Replace("TestProject", "Test")))]);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new WaitBeyondTimeoutAnalyzer()), options);
        Assert.Empty(result.Crashes);
    }
}
