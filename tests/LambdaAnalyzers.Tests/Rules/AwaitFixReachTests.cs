using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>The await fix of LMB0002 and LMB0004 in code a handler reaches, under the conditions it has in a handler, with Fix All.</summary>
public sealed class AwaitFixReachTests
{
    private const string Handler = """

        public class Function
        {
            public async Task Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => await {|#1:Notifier.SendAsync(input)|};
        }
        """;

    [Fact]
    public Task WorkLeftRunningInAnAsyncHelper_IsAwaited_AndFixAllAwaitsEachCall() =>
        new Verifiers.CodeFixVerifier<WorkLeftRunningAnalyzer, WorkLeftRunningFixer>.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                public static class Notifier
                {
                    public static async Task SendAsync(string input)
                    {
                        {|#0:PublishAsync(input)|};
                        _ = {|#2:PublishAsync(input.ToUpperInvariant())|};
                        await Task.Yield();
                    }

                    private static Task PublishAsync(string message) => Task.CompletedTask;
                }
                """ + Handler,
            FixedCode = """
                using System.Threading.Tasks;

                public static class Notifier
                {
                    public static async Task SendAsync(string input)
                    {
                        await PublishAsync(input);
                        await PublishAsync(input.ToUpperInvariant());
                        await Task.Yield();
                    }

                    private static Task PublishAsync(string message) => Task.CompletedTask;
                }
                """ + Handler,
            ExpectedDiagnostics =
            {
                new DiagnosticResult(Reached.TwinOf(WorkLeftRunningAnalyzer.TaskRule)).WithLocation(0).WithLocation(1)
                    .WithArguments("PublishAsync", "Function.Handle", "'Notifier.SendAsync'"),
                new DiagnosticResult(Reached.TwinOf(WorkLeftRunningAnalyzer.TaskRule)).WithLocation(2).WithLocation(1)
                    .WithArguments("PublishAsync", "Function.Handle", "'Notifier.SendAsync'"),
            },
        }.RunAsync();

    [Fact]
    public Task BlockingWaitOnWorkTheHelperStarted_IsAwaited_AndFixAllAwaitsEachWait() =>
        new Verifiers.CodeFixVerifier<BlockingWaitAnalyzer, BlockingWaitFixer>.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;

                public static class Notifier
                {
                    private static readonly HttpClient s_http = new();

                    public static async Task SendAsync(string input)
                    {
                        var page = s_http.GetStringAsync(input);
                        var sending = s_http.PostAsync(input, null);
                        await Task.Yield();
                        sending.{|#2:Wait|}();
                        _ = page.{|#0:Result|}.Length;
                    }
                }
                """ + Handler,
            FixedCode = """
                using System.Net.Http;
                using System.Threading.Tasks;

                public static class Notifier
                {
                    private static readonly HttpClient s_http = new();

                    public static async Task SendAsync(string input)
                    {
                        var page = s_http.GetStringAsync(input);
                        var sending = s_http.PostAsync(input, null);
                        await Task.Yield();
                        await sending;
                        _ = (await page).Length;
                    }
                }
                """ + Handler,
            ExpectedDiagnostics =
            {
                new DiagnosticResult(Reached.TwinOf(BlockingWaitAnalyzer.Rule)).WithLocation(0).WithLocation(1)
                    .WithArguments("Result", "page", "Function.Handle", "'Notifier.SendAsync'"),
                new DiagnosticResult(Reached.TwinOf(BlockingWaitAnalyzer.Rule)).WithLocation(2).WithLocation(1)
                    .WithArguments("Wait", "sending", "Function.Handle", "'Notifier.SendAsync'"),
            },
        }.RunAsync();
}
