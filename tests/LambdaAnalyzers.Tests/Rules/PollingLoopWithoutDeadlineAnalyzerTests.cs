using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.PollingLoopWithoutDeadlineAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class PollingLoopWithoutDeadlineAnalyzerTests
{
    /// <summary>A report on a loop keyword; the delays it carries are checked by <see cref="PollsWaitingAt"/>.</summary>
    private static DiagnosticResult Polls(int markup) =>
        Verify.Diagnostic(PollingLoopWithoutDeadlineAnalyzer.Rule).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>
    /// A report on a loop keyword that carries exactly these delays, by method name, as additional locations, then the
    /// handler (<c>{|#8:...|}</c>) and its context (<c>{|#9:...|}</c>) that <see cref="MarkedHandler"/> marks.
    /// </summary>
    private static DiagnosticResult PollsWaitingAt(int markup, params int[] delays)
    {
        var result = Verify.Diagnostic(PollingLoopWithoutDeadlineAnalyzer.Rule).WithLocation(markup);
        foreach (var delay in delays)
        {
            result = result.WithLocation(delay);
        }

        return result.WithLocation(8).WithLocation(9);
    }

    /// <summary>An async handler with a status check to poll.</summary>
    private static string Handler(string body) => Handler(body, "", "", "context");

    /// <summary><see cref="Handler(string)"/> with the handler marked <c>#8</c> and its context <c>#9</c>.</summary>
    private static string MarkedHandler(string body) => Handler(body, "{|#8:", "|}", "{|#9:context|}");

    private static string Handler(string body, string open, string close, string context) => $$"""
        using System;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            {{open}}public async Task<string> Handle(string input, ILambdaContext {{context}})
            {
                {{body}}
                return input;
            }{{close}}

            private static Task<string> GetStatusAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(id);

            private static string GetStatus(string id) => id;
        }
        """;

    // ---- Reported ------------------------------------------------------------------------------------------------

    [Fact]
    public Task WhileTrueWithTaskDelay_ReportsOnTheKeyword() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:while|} (true)
        {
            if (await GetStatusAsync(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """), Polls(0));

    [Fact]
    public Task WhileOnStatusWithThreadSleep_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var status = GetStatus(input);
        {|#0:while|} (status != "DONE")
        {
            Thread.Sleep(500);
            status = GetStatus(input);
        }
        """), Polls(0));

    [Fact]
    public Task DoWhileWithDelay_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        string status;
        {|#0:do|}
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            status = await GetStatusAsync(input);
        }
        while (status == "PENDING");
        """), Polls(0));

    [Fact]
    public Task ForWithoutCondition_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:for|} (;;)
        {
            if (GetStatus(input) == "DONE") break;
            SpinWait.SpinUntil(() => false, 100);
        }
        """), Polls(0));

    [Fact]
    public Task WaitOneWithTimeout_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        using var signal = new ManualResetEvent(false);
        var done = false;
        {|#0:while|} (!done)
        {
            done = signal.WaitOne(1000);
        }
        """), Polls(0));

    [Fact]
    public Task DelayWithDefaultOrNoneToken_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:while|} (GetStatus(input) != "DONE")
        {
            await Task.Delay(1000, CancellationToken.None);
            await GetStatusAsync(input, default);
        }
        """), Polls(0));

    [Fact]
    public Task CounterIncrementedButNotInCondition_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var attempts = 0;
        {|#0:while|} (GetStatus(input) != "DONE")
        {
            attempts++;
            await Task.Delay(1000);
        }
        """), Polls(0));

    [Fact]
    public Task LoopInNestedHandlerLambda_Reports() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var handler = async (string input, ILambdaContext context) =>
        {
            {|#0:while|} (true)
            {
                await Task.Delay(1000);
                if (input.Length > 3) return input;
            }
        };
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, Polls(0));

    [Fact]
    public Task Report_CarriesEachDelayOfTheLoopInSourceOrder() => Verify.VerifyAnalyzerAsync(MarkedHandler("""
        {|#0:while|} (GetStatus(input) != "DONE")
        {
            await Task.{|#1:Delay|}(1000);
            Thread.{|#2:Sleep|}(TimeSpan.FromSeconds(1));
            input = await GetStatusAsync(input);
            await Task.{|#3:Delay|}(100, CancellationToken.None);
        }
        """), PollsWaitingAt(0, 1, 2, 3));

    [Fact]
    public Task NestedPollingLoops_EachCarriesTheDelaysInItsOwnCode() => Verify.VerifyAnalyzerAsync(MarkedHandler("""
        {|#0:while|} (true)
        {
            {|#1:while|} (GetStatus(input) == "PENDING")
            {
                await Task.{|#2:Delay|}(500);
            }

            Func<Task> later = () => Task.Delay(1000);
            if (GetStatus(input) == "DONE") break;
            await Task.{|#3:Delay|}(5000);
        }
        """), PollsWaitingAt(0, 2, 3), PollsWaitingAt(1, 2));

    // ---- The function's timeout from its deployment file -----------------------------------------------------------

    private static Verify.Test WithDeploymentFile(string source, string path, string text, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add((path, text));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult PollsUntilTimeout(int markup, string function, int seconds) =>
        Verify.Diagnostic(PollingLoopWithoutDeadlineAnalyzer.TimeoutRule).WithLocation(markup).WithArguments(function, seconds.ToString())
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private const string Loop = """
        {|#0:while|} (true)
        {
            if (await GetStatusAsync(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """;

    [Fact]
    public Task TimeoutFromTheTemplate_NamesTheShortestOfTheFunctionsThatRunTheLoop() => WithDeploymentFile(
        Handler(Loop),
        "/0/template.yaml",
        """
        Globals:
          Function:
            Timeout: 60
        Resources:
          ImportFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
              Timeout: 10
          ImportSlowFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::Handle
          OtherFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Function::GetStatus
              Timeout: 1
        """,
        PollsUntilTimeout(0, "ImportFn", 10)).RunAsync();

    [Fact]
    public Task TimeoutFromTheToolsDefaults_NamesTheFunction() => WithDeploymentFile(
        Handler(Loop),
        "/0/aws-lambda-tools-defaults.json",
        """{ "function-name": "status-poller", "function-handler": "TestProject::Function::Handle", "function-timeout": 45 }""",
        PollsUntilTimeout(0, "status-poller", 45)).RunAsync();

    [Fact]
    public Task TimeoutFromTheLambdaFunctionAttribute_NamesTheFunction() => Verify.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public class Functions
        {
            [LambdaFunction(Timeout = 15)]
            public async Task Poll(string id, ILambdaContext context)
            {
                {|#0:while|} (await Task.FromResult(id) != "DONE")
                {
                    await Task.Delay(500);
                }
            }
        }
        """,
        PollsUntilTimeout(0, "FunctionsPoll", 15));

    [Fact]
    public Task LoopInAHelper_NamesTheTimeoutOfTheFunctionThatReachesIt_WithTheChain() => WithDeploymentFile(
        """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Work
        {
            private static bool s_done;

            public static async Task RunAsync()
            {
                {|#0:while|} (!s_done)
                {
                    await Task.Delay(1000);
                }
            }
        }

        public class Function
        {
            public Task Handle(string input, ILambdaContext context) => Work.RunAsync();
        }
        """,
        "/0/template.yaml",
        "Resources:\n  ImportFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::Handle\n      Timeout: 10\n",
        new DiagnosticResult(Reached.TwinOf(PollingLoopWithoutDeadlineAnalyzer.TimeoutRule)).WithLocation(0)
            .WithArguments("ImportFn", "10", "Function.Handle", "'Work.RunAsync'")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)).RunAsync();

    [Fact]
    public Task TimeoutUnknown_KeepsTheGeneralMessage() => WithDeploymentFile(
        Handler(Loop),
        "/0/template.yaml",
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::Handle\n      Timeout: !Ref Timeout\n",
        Polls(0)).RunAsync();

    [Fact]
    public Task FunctionOfAnotherAssembly_KeepsTheGeneralMessage() => WithDeploymentFile(
        Handler(Loop),
        "/0/template.yaml",
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Other::Function::Handle\n      Timeout: 10\n",
        Polls(0)).RunAsync();

    // ---- Not reported --------------------------------------------------------------------------------------------

    [Fact]
    public Task ConditionReadsRemainingTime_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        while (context.RemainingTime > TimeSpan.FromSeconds(5))
        {
            if (await GetStatusAsync(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task BodyReadsRemainingTime_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        while (true)
        {
            if (context.RemainingTime < TimeSpan.FromSeconds(5)) throw new TimeoutException();
            if (await GetStatusAsync(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task ConditionChecksIsCancellationRequested_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var cts = new CancellationTokenSource(context.RemainingTime);
        var token = cts.Token;
        while (!token.IsCancellationRequested)
        {
            if (GetStatus(input) == "DONE") break;
            Thread.Sleep(1000);
        }
        """));

    [Fact]
    public Task BodyThrowsIfCancellationRequested_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var token = CancellationToken.None;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            if (GetStatus(input) == "DONE") break;
            Thread.Sleep(1000);
        }
        """));

    [Fact]
    public Task StopwatchElapsed_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (GetStatus(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task TickCountComparison_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var start = Environment.TickCount64;
        while (Environment.TickCount64 - start < 30_000)
        {
            if (GetStatus(input) == "DONE") break;
            await Task.Delay(500);
        }
        """));

    [Fact]
    public Task LoopAroundAVeryLongExpression_Reports()
    {
        // 20,000 terms nest 20,000 operations deep; the loop is walked with an explicit stack, not by recursion (this
        // depth does not overflow a test thread's stack either way: it checks the walk, not the stack).
        var terms = string.Join(" + ", System.Linq.Enumerable.Repeat("input", 20_000));
        return Verify.VerifyAnalyzerAsync(Handler($$"""
            var status = GetStatus(input);
            {|#0:while|} (status != "DONE")
            {
                Thread.Sleep(500);
                status = GetStatus({{terms}});
            }
            """), Polls(0));
    }

    [Fact]
    public Task DateTimeComparison_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (GetStatus(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task DateTimeOffsetDifferenceComparison_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            if (DateTimeOffset.UtcNow - started > TimeSpan.FromSeconds(20)) break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task DelayReceivesToken_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (GetStatus(input) != "DONE")
        {
            await Task.Delay(1000, cts.Token);
        }
        """));

    [Fact]
    public Task AwaitedCallReceivesToken_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            await Task.Delay(1000);
            if (await GetStatusAsync(input, cts.Token) == "DONE") break;
        }
        """));

    [Fact]
    public Task ForLoopWithCounter_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (GetStatus(input) == "DONE") break;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task WhileWithCounterInCondition_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var attempt = 0;
        while (GetStatus(input) != "DONE" && attempt < 5)
        {
            attempt += 1;
            await Task.Delay(1000);
        }
        """));

    [Fact]
    public Task DoWhileCountingDown_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var retries = 3;
        do
        {
            await Task.Delay(200);
        }
        while (GetStatus(input) != "DONE" && --retries > 0);
        """));

    [Fact]
    public Task LoopWithoutDelay_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        string? next = input;
        while (next is not null)
        {
            next = await GetStatusAsync(next) == "LAST" ? null : next;
        }
        """));

    [Fact]
    public Task DelayOnlyInNestedLambda_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        while (GetStatus(input) != "DONE")
        {
            Func<Task> later = () => Task.Delay(1000);
            input = GetStatus(input + "x");
        }
        """));

    [Fact]
    public Task WaitOneWithoutTimeout_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var signal = new ManualResetEvent(true);
        while (GetStatus(input) != "DONE")
        {
            signal.WaitOne();
            input = "DONE";
        }
        """));

    [Fact]
    public Task ForeachWithDelay_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        foreach (var id in new[] { "a", "b" })
        {
            await Task.Delay(100);
        }
        """));

    [Fact]
    public Task LoopOutsideHandler_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        public class Worker
        {
            public async Task RunAsync()
            {
                while (true)
                {
                    await Task.Delay(1000);
                }
            }
        }
        """);

    [Fact]
    public Task LoopInInitCode_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var ready = false;
        while (!ready)
        {
            Thread.Sleep(100);
            ready = true;
        }

        var handler = (string input, ILambdaContext context) => input;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """);

    [Fact]
    public Task WithoutLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.Threading.Tasks;

            public class Function
            {
                public async Task<string> Handle(string input, object context)
                {
                    while (true)
                    {
                        await Task.Delay(1000);
                    }
                }
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
                    using System.Threading.Tasks;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public async Task<string> Handle(string input, ILambdaContext context)
                        {
                            while (true)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("while (")]
    [InlineData("while (true) { await Task.Delay(")]
    [InlineData("while (missing) { await Task.Delay(1000); }")]
    [InlineData("for (var i = 0; i < ; i++) { Thread.Sleep(1); }")]
    [InlineData("do { Thread.Sleep(1); } while (")]
    [InlineData("while (true) { await Missing.Delay(1000); }")]
    [InlineData("while (true) { Thread.Sleep(1000); missing++; if (context.RemainingTime < ) break; }")]
    public async Task HalfTypedStatement_DoesNotThrowAndStillReportsTheControl(string statement)
    {
        var source = Handler("while (true) { await Task.Delay(5); }\n" + statement);
        var compilation = await AnalyzerRunner.CompileAsync([("Broken.cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new PollingLoopWithoutDeadlineAnalyzer()));

        Assert.Empty(result.Crashes);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIdentifiers.PollingLoopWithoutDeadline);
    }

    [Fact]
    public void DefaultSeverityIsWarning() => Assert.Equal(DiagnosticSeverity.Warning, PollingLoopWithoutDeadlineAnalyzer.Rule.DefaultSeverity);
}
