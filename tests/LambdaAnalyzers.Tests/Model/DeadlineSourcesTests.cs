using LambdaAnalyzers.Lambda;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Which deadlines a handler already has, for the deadline fix to reuse.</summary>
public sealed class DeadlineSourcesTests
{
    private static async Task<IReadOnlyList<string>> FindAsync(string body, string parameters = "string id, ILambdaContext context")
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle({{parameters}})
                {
                    {{body}}
                    await Task.Yield();
                }
            }
            """;
        var compilation = await ModelCompilation.CreateAsync(source);
        var scope = compilation.Scope("Handle")!;
        return [.. DeadlineSources.Find(scope.Regions.Single(), DeadlineSymbols.Get(compilation.Model)).Select(s => s.Name)];
    }

    [Fact]
    public async Task SourcesFromRemainingTime_AreFoundInSourceOrderAfterTokenParameters()
    {
        var found = await FindAsync("""
            using var plain = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            var left = context.RemainingTime;
            var margin = left - TimeSpan.FromSeconds(1);
            using var timed = new CancellationTokenSource(margin);
            using var later = new CancellationTokenSource();
            later.CancelAfter(context.RemainingTime);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timed.Token, plain.Token);
            using var fromPlain = CancellationTokenSource.CreateLinkedTokenSource(plain.Token);
            """, "string id, ILambdaContext context, CancellationToken token");

        Assert.Equal(["token", "timed", "later", "linked"], found);
    }

    [Fact]
    public async Task SourceLinkedFromATokenParameter_IsFound()
    {
        var found = await FindAsync("""
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token);
            """, "string id, CancellationToken token, ILambdaContext context");

        Assert.Equal(["token", "linked"], found);
    }

    [Fact]
    public async Task NoTokenAndNoSource_FindsNothing()
    {
        var found = await FindAsync("""
            using var plain = new CancellationTokenSource();
            plain.CancelAfter(1000);
            """);

        Assert.Empty(found);
    }
}
