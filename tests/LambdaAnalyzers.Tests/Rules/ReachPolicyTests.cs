using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// Each rule's reach policy: which rules report in code a handler reaches through calls (LMB0001, LMB0002, LMB0004
/// restricted to its own work, LMB0005 for static members, LMB0010), and which stay in the handler's own code (LMB0008,
/// LMB0009).
/// </summary>
public sealed class ReachPolicyTests
{
    private const string Handler = """

        public class Function
        {
            public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => {|#1:Work.Run(input)|};
        }
        """;

    [Fact]
    public Task WorkLeftRunning_ReportsInReachedCode() =>
        Verifiers.AnalyzerVerifier<WorkLeftRunningAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            public static class Work
            {
                public static void Run(string input) => {|#0:Task.Run(() => input.Length)|};
            }
            """ + Handler,
            new DiagnosticResult(Reached.TwinOf(WorkLeftRunningAnalyzer.StartedTaskRule)).WithLocation(0).WithLocation(1)
                .WithArguments("Run", "Function.Handle", "'Work.Run'"));

    [Fact]
    public Task BlockingWait_ReportsSleepAndWaitsOnWorkStartedHere_InReachedCode() =>
        Verifiers.AnalyzerVerifier<BlockingWaitAnalyzer>.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public static class Work
            {
                private static readonly HttpClient s_http = new();

                public static void Run(string input)
                {
                    {|#0:Thread.Sleep(1000)|};
                    var page = s_http.GetStringAsync(input);
                    _ = page.{|#2:Result|};
                    Wait(page);
                }

                // A synchronous wrapper: its callers may have awaited the task already.
                private static void Wait(Task<string> task) => task.Wait();
            }
            """ + Handler,
            new DiagnosticResult(Reached.TwinOf(BlockingWaitAnalyzer.SleepRule)).WithLocation(0).WithLocation(1)
                .WithArguments("Sleep", "Task.Delay", "Function.Handle", "'Work.Run'"),
            new DiagnosticResult(Reached.TwinOf(BlockingWaitAnalyzer.Rule)).WithLocation(2).WithLocation(1)
                .WithArguments("Result", "page", "Function.Handle", "'Work.Run'"));

    [Fact]
    public Task PollingLoop_ReportsInReachedCode() =>
        Verifiers.AnalyzerVerifier<PollingLoopWithoutDeadlineAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            public static class Work
            {
                private static bool s_done;

                public static async void Run(string input)
                {
                    {|#0:while|} (!s_done)
                    {
                        await Task.Delay(1000);
                    }
                }
            }
            """ + Handler,
            new DiagnosticResult(Reached.TwinOf(PollingLoopWithoutDeadlineAnalyzer.Rule)).WithLocation(0).WithLocation(1)
                .WithArguments("Function.Handle", "'Work.Run'")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task SynchronousInvoke_ReportsInReachedCode() =>
        Verifiers.AnalyzerVerifier<SynchronousInvokeAnalyzer>.VerifyAnalyzerAsync("""
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            public static class Work
            {
                private static readonly AmazonLambdaClient s_lambda = new();

                public static void Run(string input) => _ = s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", Payload = input });
            }
            """ + Handler,
            new DiagnosticResult(Reached.TwinOf(SynchronousInvokeAnalyzer.Rule)).WithLocation(0).WithLocation(1)
                .WithArguments("price-order", "Function.Handle", "'Work.Run'"));

    [Fact]
    public Task InvocationDataKept_ReportsAStaticWrittenWithWhatTheHandlerPasses() =>
        Verifiers.AnalyzerVerifier<InvocationDataKeptAnalyzer>.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            public static class Work
            {
                private static string? s_last;
                private static readonly AmazonS3Client s_s3 = new();

                public static void Run(string input)
                {
                    {|#0:s_last|} = input;
                    s_s3.GetObjectAsync("bucket", input).Wait();
                    File.WriteAllText("/tmp/" + input, input);
                }
            }
            """ + Handler,
            new DiagnosticResult(Reached.TwinOf(InvocationDataKeptAnalyzer.StaticRule)).WithLocation(0).WithLocation(1)
                .WithArguments("s_last", "Function.Handle", "'Work.Run'"));

    [Fact]
    public Task MissingDeadline_StaysInTheHandlersOwnCode() => Verifiers.AnalyzerVerifier<MissingDeadlineAnalyzer>.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;

        public static class Work
        {
            private static readonly AmazonS3Client s_s3 = new();

            public static async Task Run(string input) => await s_s3.GetObjectAsync("bucket", input);
        }
        """ + Handler.Replace("{|#1:", string.Empty).Replace("|};", ";"));

    [Fact]
    public Task TmpFileNotDeleted_ReportsAFileAHelperCreatesAndKeepsToItself() => Verifiers.AnalyzerVerifier<TmpFileNotDeletedAnalyzer>.VerifyAnalyzerAsync("""
        using System.IO;

        public static class Work
        {
            public static void Run(string input) => {|#0:File.WriteAllText("/tmp/" + input + ".json", input)|};
        }
        """ + Handler,
        new DiagnosticResult(Reached.TwinOf(TmpFileNotDeletedAnalyzer.Rule)).WithLocation(0).WithLocation(1)
            .WithArguments("WriteAllText", "Function.Handle", "'Work.Run'"));

    [Fact]
    public Task TmpFileNotDeleted_LeavesAFileThatAHelperHandsOn() => Verifiers.AnalyzerVerifier<TmpFileNotDeletedAnalyzer>.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        public static class Work
        {
            private static readonly AmazonS3Client s_s3 = new();
            private static string s_lastExport = "";

            public static void Run(string input)
            {
                var returned = Export(input);
                File.Delete(returned);
                Upload(input);
                Keep(input);
                var temp = Path.GetTempFileName();
                Share(temp);
            }

            private static string Export(string input)
            {
                var path = "/tmp/" + input + ".csv";
                File.WriteAllText(path, input);
                return path;
            }

            private static void Upload(string input)
            {
                var path = $"/tmp/{Guid.NewGuid()}.json";
                File.WriteAllText(path, input);
                s_s3.PutObjectAsync(new PutObjectRequest { BucketName = "exports", FilePath = path }).Wait();
            }

            private static void Keep(string input)
            {
                var path = "/tmp/" + input + ".bak";
                File.WriteAllText(path, input);
                s_lastExport = path;
            }

            private static void Share(string path) { }
        }
        """ + Handler.Replace("{|#1:", string.Empty).Replace("|};", ";"));
}
