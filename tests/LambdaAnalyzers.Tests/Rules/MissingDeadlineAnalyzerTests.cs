using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.MissingDeadlineAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class MissingDeadlineAnalyzerTests
{
    /// <summary>A report on a call; what it carries for the fix is checked by <see cref="DeadlineFixDataTests"/>.</summary>
    private static DiagnosticResult NoDeadline(int markup, string method) =>
        Verify.Diagnostic(MissingDeadlineAnalyzer.Rule).WithLocation(markup).WithArguments(method).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>A handler class with an S3 client, an HttpClient and helpers with and without tokens.</summary>
    private static string Handler(string body, string signature = "public async Task<string> Handle(string key, ILambdaContext context)") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private static readonly HttpClient s_http = new();

            {{signature}}
            {
                {{body}}
            }

            private static Task<string> LoadAsync(string key) => Task.FromResult(key);

            private static Task<string> LoadAsync(string key, CancellationToken cancellationToken) => Task.FromResult(key);

            private static Task<string> SaveAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(key);

            private static Task<string> NoOverloadAsync(string key) => Task.FromResult(key);

            private static string Load(string key, CancellationToken cancellationToken = default) => key;
        }
        """;

    // ---- Reported ------------------------------------------------------------------------------------------------

    [Fact]
    public Task AwaitedSdkCallWithoutToken_ReportsOnTheMethodName() => Verify.VerifyAnalyzerAsync(Handler("""
        using var response = await _s3.{|#0:GetObjectAsync|}("bucket", key);
        return response.Key;
        """), NoDeadline(0, "GetObjectAsync"));

    [Fact]
    public Task OptionalTokenGivenNoneOrDefault_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        await {|#0:SaveAsync|}(key, CancellationToken.None);
        await {|#1:SaveAsync|}(key, default);
        return await {|#2:SaveAsync|}(key, default(CancellationToken));
        """), NoDeadline(0, "SaveAsync"), NoDeadline(1, "SaveAsync"), NoDeadline(2, "SaveAsync"));

    [Fact]
    public Task OverloadWithTokenExists_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        return await {|#0:LoadAsync|}(key);
        """), NoDeadline(0, "LoadAsync"));

    [Fact]
    public Task HttpClientCallWithConfigureAwait_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        return await s_http.{|#0:GetStringAsync|}("https://example.com/" + key).ConfigureAwait(false);
        """), NoDeadline(0, "GetStringAsync"));

    [Fact]
    public Task ReturnedFromNonAsyncHandler_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        return {|#0:SaveAsync|}(key);
        """, "public Task<string> Handle(string key, ILambdaContext context)"), NoDeadline(0, "SaveAsync"));

    [Fact]
    public Task PassedToWhenAllDirectlyAndThroughSelect_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        await Task.WhenAll({|#0:SaveAsync|}(key), {|#1:LoadAsync|}(key));
        var keys = new[] { "a", "b" };
        await Task.WhenAll(keys.Select(k => {|#2:SaveAsync|}(k)));
        var pending = keys.Select(k => {|#3:LoadAsync|}(k)).ToList();
        await Task.WhenAny(pending);
        return key;
        """), NoDeadline(0, "SaveAsync"), NoDeadline(1, "LoadAsync"), NoDeadline(2, "SaveAsync"), NoDeadline(3, "LoadAsync"));

    [Fact]
    public Task AwaitedInsideAsyncLambda_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var keys = new[] { "a", "b" };
        await Task.WhenAll(keys.Select(async k => await {|#0:SaveAsync|}(k)));
        return key;
        """), NoDeadline(0, "SaveAsync"));

    [Fact]
    public Task TaskDelayWithoutToken_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        await Task.{|#0:Delay|}(TimeSpan.FromSeconds(60));
        return key;
        """), NoDeadline(0, "Delay"));

    [Fact]
    public Task DelayOfOneSecondOrMoreUnknownOrInfinite_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        await Task.{|#0:Delay|}(1000);
        await Task.{|#1:Delay|}(key.Length);
        await Task.{|#2:Delay|}(context.RemainingTime);
        await Task.{|#3:Delay|}(Timeout.Infinite);
        await Task.{|#4:Delay|}(Timeout.InfiniteTimeSpan);
        var pause = TimeSpan.FromMilliseconds(100);
        pause = pause * 20;
        await Task.{|#5:Delay|}(pause);
        return key;
        """), NoDeadline(0, "Delay"), NoDeadline(1, "Delay"), NoDeadline(2, "Delay"), NoDeadline(3, "Delay"), NoDeadline(4, "Delay"), NoDeadline(5, "Delay"));

    [Fact]
    public Task NestedHandlerLambdaTakingContext_Reports() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var handler = async (string input, ILambdaContext context) =>
        {
            await Task.{|#0:Delay|}(10_000);
            return input;
        };
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, NoDeadline(0, "Delay"));

    [Fact]
    public Task DelayOfOneSecondOrMoreInALoopBoundedByACounter_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await {|#0:LoadAsync|}(key) == "DONE") break;
            await Task.{|#1:Delay|}(TimeSpan.FromSeconds(2));
            await Task.{|#2:Delay|}(key.Length * attempt);
            await Task.Delay(200);
        }

        return key;
        """), NoDeadline(0, "LoadAsync"), NoDeadline(1, "Delay"), NoDeadline(2, "Delay"));

    [Fact]
    public Task DelayInALambdaInsideAPollingLoop_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var keys = new[] { "a", "b" };
        while (true)
        {
            await Task.WhenAll(keys.Select(async k => await Task.{|#0:Delay|}(TimeSpan.FromSeconds(5))));
            if (await {|#1:LoadAsync|}(key) == "DONE") break;
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        return key;
        """), NoDeadline(0, "Delay"), NoDeadline(1, "LoadAsync"));

    // ---- Not reported --------------------------------------------------------------------------------------------

    [Fact]
    public Task DelayOfAPollingLoopWithoutDeadline_DoesNotReport_LeftToLMB0010() => Verify.VerifyAnalyzerAsync(Handler("""
        while (await {|#0:LoadAsync|}(key) != "DONE")
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            do
            {
                await Task.Delay(key.Length);
            }
            while (await {|#1:LoadAsync|}(key) == "PENDING");
        }

        return key;
        """), NoDeadline(0, "LoadAsync"), NoDeadline(1, "LoadAsync"));

    [Fact]
    public Task DelayAtLeastAsLongAsTheFunctionsTimeout_DoesNotReport_LeftToLMB0013()
    {
        var test = new Verify.Test
        {
            TestCode = Handler("""
                await Task.Delay(TimeSpan.FromSeconds(20));
                await Task.{|#0:Delay|}(TimeSpan.FromSeconds(19));
                return key;
                """),
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Function::Handle\n      Timeout: 20\n"));
        test.ExpectedDiagnostics.Add(NoDeadline(0, "Delay"));
        return test.RunAsync();
    }

    [Fact]
    public Task DelayOfAConstantDurationUnderOneSecond_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        await Task.Delay(100);
        await Task.Delay(999);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await Task.Delay(new TimeSpan(0, 0, 0, 0, 250));
        const int pause = 200;
        await Task.Delay(pause);
        var backoff = TimeSpan.FromSeconds(0.5);
        await Task.Delay(backoff);
        await Task.WhenAll(Task.Delay(10), {|#0:SaveAsync|}(key));
        return key;
        """), NoDeadline(0, "SaveAsync"));

    [Fact]
    public Task CallPassingAToken_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var cts = new CancellationTokenSource(context.RemainingTime);
        await SaveAsync(key, cts.Token);
        await LoadAsync(key, cts.Token);
        using var response = await _s3.GetObjectAsync("bucket", key, cts.Token);
        return response.Key;
        """));

    [Fact]
    public Task CallInCatch_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        try
        {
            return key;
        }
        catch (Exception)
        {
            await SaveAsync("failed/" + key);
            throw;
        }
        """));

    [Fact]
    public Task CallInFinally_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        try
        {
            return key;
        }
        finally
        {
            await SaveAsync("done/" + key);
        }
        """));

    [Fact]
    public Task AwaitForeach_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        await foreach (var item in ReadAsync())
        {
            key += item;
        }

        return key;

        static async IAsyncEnumerable<string> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return "x";
        }
        """));

    [Fact]
    public Task SynchronousCall_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        return Load(key);
        """, "public string Handle(string key, ILambdaContext context)"));

    [Fact]
    public Task TaskNotAwaitedReturnedOrPassedToWhenAll_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var pending = SaveAsync(key);
        return await pending;
        """));

    [Fact]
    public Task NoOverloadWithToken_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        return await NoOverloadAsync(key);
        """));

    [Fact]
    public Task TaskRunAndContinueWith_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var length = await Task.Run(() => key.Length);
        await Task.Run(async () => await Task.Yield());
        return key + length;
        """));

    [Fact]
    public Task WaitAsyncAndContinueWithOnATaskOfT_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var cts = new CancellationTokenSource(context.RemainingTime);
        var first = await LoadAsync(key, cts.Token).WaitAsync(TimeSpan.FromSeconds(5));
        var second = await LoadAsync(key, cts.Token).ContinueWith(t => t.Result);
        return first + second;
        """));

    [Fact]
    public Task CodeOutsideHandlers_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        public class Worker
        {
            public async Task RunAsync() => await Task.Delay(10_000);
        }
        """);

    [Fact]
    public Task HandlerWithoutLambdaContext_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async Task<string> Get(string id)
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                return id;
            }
        }
        """);

    [Fact]
    public Task InitCodeOfTopLevelProgram_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        await Task.Delay(10_000);
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
                    await Task.Delay(1000);
                    return input;
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
                            await Task.Delay(1000);
                            return input;
                        }
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("await SaveAsync(")]
    [InlineData("await SaveAsync(key, ")]
    [InlineData("await Missing.LoadAsync(key);")]
    [InlineData("await _s3.GetObjectAsync(missing, ")]
    [InlineData("await Task.WhenAll(missing.Select(k => SaveAsync(k)));")]
    [InlineData("await LoadAsync(key, missing);")]
    [InlineData("try { } catch { await SaveAsync(")]
    public async Task HalfTypedStatement_DoesNotThrowAndStillReportsTheControl(string statement)
    {
        var source = Handler("await Task.Delay(5_000);\n" + statement + "\nreturn key;");
        var compilation = await AnalyzerRunner.CompileAsync([("Broken.cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MissingDeadlineAnalyzer()));

        Assert.Empty(result.Crashes);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIdentifiers.MissingDeadline && d.GetMessage().StartsWith("'Delay'", StringComparison.Ordinal));
    }

    // ---- Severity ------------------------------------------------------------------------------------------------

    [Fact]
    public void DefaultSeverityIsInfo() => Assert.Equal(DiagnosticSeverity.Info, MissingDeadlineAnalyzer.Rule.DefaultSeverity);

    [Fact]
    public Task RaisedToWarningInEditorConfig_ReportsAsWarning() => new Verify.Test
    {
        TestCode = Handler("""
            await Task.{|#0:Delay|}(TimeSpan.FromSeconds(60));
            return key;
            """),
        EditorConfig = "dotnet_diagnostic.LMB0009.severity = warning",
        ExpectedDiagnostics = { NoDeadline(0, "Delay").WithSeverity(DiagnosticSeverity.Warning) },
    }.RunAsync();
}
