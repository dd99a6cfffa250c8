using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.BlockingWaitAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0004 in a synchronous wrapper the handler reaches: a wait on a task parameter blocks when some per-invocation call
/// passes a task its caller has not awaited (or waited on) before the call.
/// </summary>
public sealed class BlockingWaitReachTests
{
    private const string Wrapper = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Sync
        {
            public static string Run(Task<string> task) => task.{|#0:Result|};
        }

        """;

    private static DiagnosticResult Blocks() =>
        Verify.Diagnostic(Reached.TwinOf(BlockingWaitAnalyzer.Rule)).WithLocation(0).WithLocation(1)
            .WithArguments("Result", "task", "Function.Handle", "'Sync.Run'");

    [Fact]
    public Task TaskOfACallPassedStraightIn_IsReportedInTheWrapper() => Verify.VerifyAnalyzerAsync(Wrapper + """
        public class Function
        {
            private static readonly HttpClient s_http = new();

            public string Handle(string input, ILambdaContext context) => {|#1:Sync.Run(s_http.GetStringAsync(input))|};
        }
        """, Blocks());

    [Fact]
    public Task TaskInALocalNotAwaitedBeforeTheCall_IsReportedInTheWrapper() => Verify.VerifyAnalyzerAsync(Wrapper + """
        public class Function
        {
            private static readonly HttpClient s_http = new();

            public string Handle(string input, ILambdaContext context)
            {
                var page = s_http.GetStringAsync(input);
                var text = {|#1:Sync.Run(page)|};
                return text;
            }
        }
        """, Blocks());

    [Fact]
    public Task TaskTheCallerAwaitedFirst_AndATaskFromElsewhere_AreNotReported() => Verify.VerifyAnalyzerAsync(Wrapper.Replace("{|#0:", "").Replace("|}", "") + """
        public class Function
        {
            private static readonly HttpClient s_http = new();
            private static Task<string> s_warm = Task.FromResult("");

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var page = s_http.GetStringAsync(input);
                await page;
                var text = Sync.Run(page);
                return text + Sync.Run(s_warm);
            }
        }
        """);
}
