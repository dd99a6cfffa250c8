using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// What the deadline rules pass to their fix: the call's token parameter, the margin, and as additional locations the
/// handler, its ILambdaContext parameter and its existing deadlines.
/// </summary>
public sealed class DeadlineFixDataTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        """;

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source, AnalyzerOptions? options = null) =>
        AnalyzerRunner.ReportAsync(analyzer, Usings + source, options);

    private static string Text(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);

    [Fact]
    public async Task CallInHandler_PassesTokenParameterMarginHandlerAndContext()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(new MissingDeadlineAnalyzer(), """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
            """));

        Assert.Equal("cancellationToken", diagnostic.Properties[MissingDeadlineAnalyzer.TokenParameterProperty]);
        Assert.Equal("500", diagnostic.Properties[MissingDeadlineAnalyzer.MarginProperty]);
        Assert.Equal(2, diagnostic.AdditionalLocations.Count);
        Assert.StartsWith("public async Task Handle(", Text(diagnostic.AdditionalLocations[MissingDeadlineAnalyzer.HandlerLocation]));
        Assert.Equal("context", Text(diagnostic.AdditionalLocations[MissingDeadlineAnalyzer.ContextLocation]));
    }

    [Fact]
    public async Task HandlerWithTokenParameterAndSources_PassesEachDeadlineInOrder()
    {
        var diagnostics = await AnalyzeAsync(new MissingDeadlineAnalyzer(), """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context, CancellationToken token)
                {
                    using var plain = new CancellationTokenSource();
                    using var timed = new CancellationTokenSource(context.RemainingTime);
                    var remaining = context.RemainingTime - TimeSpan.FromSeconds(1);
                    using var later = new CancellationTokenSource();
                    later.CancelAfter(remaining);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(timed.Token, plain.Token);
                    await SaveAsync(id, default);
                }

                private static Task SaveAsync(string id, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("cancellationToken", diagnostic.Properties[MissingDeadlineAnalyzer.TokenParameterProperty]);
        Assert.Equal(
            ["context", "token", "timed", "later", "linked"],
            diagnostic.AdditionalLocations.Skip(MissingDeadlineAnalyzer.ContextLocation).Select(Text));
    }

    [Fact]
    public async Task NestedHandlerLambda_PassesTheLambdaAndItsContext()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(new MissingDeadlineAnalyzer(), """
            public static class Program
            {
                public static void Main()
                {
                    Func<string, ILambdaContext, Task<string>> handler = async (input, lambdaContext) =>
                    {
                        await Task.Delay(10_000);
                        return input;
                    };
                    Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create(handler, new Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer());
                }
            }
            """));

        Assert.StartsWith("async (input, lambdaContext) =>", Text(diagnostic.AdditionalLocations[MissingDeadlineAnalyzer.HandlerLocation]));
        Assert.Equal("lambdaContext", Text(diagnostic.AdditionalLocations[MissingDeadlineAnalyzer.ContextLocation]));
    }

    [Fact]
    public async Task PollingLoop_PassesDelaysTheirTokenParametersThenTheHandler()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(new PollingLoopWithoutDeadlineAnalyzer(), """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context)
                {
                    using var cts = new CancellationTokenSource(context.RemainingTime);
                    while (id != "DONE")
                    {
                        await Task.Delay(1000, CancellationToken.None);
                        Thread.Sleep(100);
                    }
                }
            }
            """));

        Assert.Equal("2", diagnostic.Properties[PollingLoopWithoutDeadlineAnalyzer.DelayCountProperty]);
        Assert.Equal("cancellationToken;", diagnostic.Properties[PollingLoopWithoutDeadlineAnalyzer.TokenParametersProperty]);
        Assert.Equal("500", diagnostic.Properties[MissingDeadlineAnalyzer.MarginProperty]);
        Assert.Equal(["Delay", "Sleep", "context", "cts"], diagnostic.AdditionalLocations.Where((_, i) => i != 2).Select(Text));
        Assert.StartsWith("public async Task Handle(", Text(diagnostic.AdditionalLocations[2 + MissingDeadlineAnalyzer.HandlerLocation]));
    }

    [Fact]
    public async Task PollingLoopInAHandlerWithoutContext_PassesOnlyItsDelays()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(new PollingLoopWithoutDeadlineAnalyzer(), """
            public class Function
            {
                [Amazon.Lambda.Annotations.LambdaFunction]
                public async Task Handle(string id)
                {
                    while (id != "DONE")
                    {
                        await Task.Delay(1000);
                    }
                }
            }
            """));

        Assert.Empty(diagnostic.Properties);
        Assert.Equal(["Delay"], diagnostic.AdditionalLocations.Select(Text));
    }

    [Fact]
    public async Task MarginSetInEditorConfig_IsPassed()
    {
        const string Source = """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context) => await Task.Delay(5000);
            }
            """;
        var options = new AnalyzerOptions([], new InMemoryConfigOptions(new Dictionary<string, string> { ["lambda_analyzers.deadline_margin_ms"] = "2000" }));
        var diagnostics = await AnalyzeAsync(new MissingDeadlineAnalyzer(), Source, options);

        Assert.Equal("2000", Assert.Single(diagnostics).Properties[MissingDeadlineAnalyzer.MarginProperty]);
    }
}
