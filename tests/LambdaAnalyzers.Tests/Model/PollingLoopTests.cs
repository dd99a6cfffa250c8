using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The one decision both deadline rules share: which loops poll without a deadline, and with which delays.</summary>
public sealed class PollingLoopTests
{
    private sealed record Handler(InvocationScope Scope, DeadlineSymbols Symbols, IOperation Body)
    {
        public IEnumerable<ILoopOperation> Loops => Body.Descendants().OfType<ILoopOperation>();

        public IEnumerable<IInvocationOperation> Calls(string name) =>
            Body.Descendants().OfType<IInvocationOperation>().Where(c => c.TargetMethod.Name == name);
    }

    private static async Task<Handler> CompileAsync(string body)
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string id, ILambdaContext context)
                {
                    {{body}}
                }

                private static string GetStatus(string id) => id;
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var semanticModel = compilation.GetSemanticModel(tree);
        var block = semanticModel.GetOperation(method)!;
        var model = LambdaModel.TryGet(compilation, ModelCompilation.NoOptions)!;
        var scope = model.GetInvocationScope(semanticModel.GetDeclaredSymbol(method)!, [block], CancellationToken.None)!;
        return new Handler(scope, DeadlineSymbols.Get(model), block);
    }

    [Fact]
    public async Task LoopWaitingWithoutBound_IsPollingWithItsDelaysInSourceOrder()
    {
        var handler = await CompileAsync("""
            while (GetStatus(id) != "DONE")
            {
                Thread.Sleep(100);
                Func<Task> later = () => Task.Delay(5000);
                await Task.Delay(1000);
            }
            """);

        var loop = PollingLoop.TryCreate(handler.Loops.Single(), handler.Scope, handler.Symbols);

        Assert.NotNull(loop);
        Assert.Equal(["Sleep", "Delay"], loop!.Delays.Select(d => d.TargetMethod.Name));
        Assert.Equal("while", loop.Keyword.Text);
        Assert.True(PollingLoop.IsPollingDelay(handler.Calls("Delay").Last(), handler.Scope, handler.Symbols));
        Assert.False(PollingLoop.IsPollingDelay(handler.Calls("Delay").First(), handler.Scope, handler.Symbols));
    }

    [Theory]
    [InlineData("for (var attempt = 0; attempt < 5; attempt++) { await Task.Delay(1000); }")]
    [InlineData("while (context.RemainingTime > TimeSpan.FromSeconds(5)) { await Task.Delay(1000); }")]
    [InlineData("using var cts = new CancellationTokenSource(); while (true) { await Task.Delay(1000, cts.Token); }")]
    [InlineData("foreach (var part in id.Split(',')) { await Task.Delay(1000); }")]
    [InlineData("while (GetStatus(id) != \"DONE\") { id = GetStatus(id); }")]
    public async Task LoopBoundedOrNotWaiting_IsNotPollingAndItsDelaysAreNotPollingDelays(string body)
    {
        var handler = await CompileAsync(body);

        Assert.Null(PollingLoop.TryCreate(handler.Loops.Single(), handler.Scope, handler.Symbols));
        Assert.All(handler.Calls("Delay"), delay => Assert.False(PollingLoop.IsPollingDelay(delay, handler.Scope, handler.Symbols)));
    }
}
