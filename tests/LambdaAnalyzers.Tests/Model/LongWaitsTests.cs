using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Waits and timeouts that the function's timeout cuts short, as <see cref="LongWaits"/> finds them.</summary>
public sealed class LongWaitsTests
{
    private const string Source = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Orders;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Delay(TimeSpan.FromSeconds(45));
                await Task.Delay(TimeSpan.FromSeconds(14));
                using var cts = new CancellationTokenSource();
                cts.CancelAfter(90_000);
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
            }
        }
        """;

    private const string Template = """
        Resources:
          OrdersFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Function::Handle
              Timeout: 15
          OrdersSlowFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Function::Handle
              Timeout: 60
        """;

    [Fact]
    public async Task EachLongWait_CarriesItsDuration_AndTheFunctionWithTheShortestTimeout()
    {
        var (model, scope) = await ScopeAsync(Template);
        var waits = LongWaits.Get(model);

        var found = scope.Operations.Invocations.Select(i => waits.Find(i, scope, model.Limits))
            .Concat(scope.Operations.Assignments.Select(a => waits.Find(a, scope, model.Limits)))
            .OfType<LongWait>()
            .Select(w => (w.Member, w.IsWait, w.Duration.TotalSeconds, w.Function.Name, w.TimeoutSeconds, w.Value.Syntax.ToString()))
            .ToList();

        Assert.Equal(
            [
                ("Task.Delay", true, 45d, "OrdersFn", 15, "TimeSpan.FromSeconds(45)"),
                ("CancelAfter", false, 90d, "OrdersFn", 15, "90_000"),
                ("HttpClient.Timeout", false, 60d, "OrdersFn", 15, "TimeSpan.FromMinutes(1)"),
            ],
            found);
    }

    [Fact]
    public async Task WithoutAKnownTimeout_NothingIsLong()
    {
        var (model, scope) = await ScopeAsync(Template.Replace("Timeout: 15", "Timeout: !Ref Short").Replace("Timeout: 60", "Timeout: !Ref Long"));
        var waits = LongWaits.Get(model);

        Assert.All(scope.Operations.Invocations, i => Assert.Null(waits.Find(i, scope, model.Limits)));
        Assert.True(model.Limits.MayHaveTimeouts);
    }

    private static async Task<(LambdaModel Model, InvocationScope Scope)> ScopeAsync(string template)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", Source)], FunctionProject.References, assemblyName: "Orders");
        var model = LambdaModel.TryGet(compilation, new AnalyzerOptions([new InMemoryAdditionalText("/repo/template.yaml", SourceText.From(template))]))!;
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var scope = model.GetInvocationScope(semanticModel.GetDeclaredSymbol(method)!, [semanticModel.GetOperation(method)!], CancellationToken.None)!;
        return (model, scope);
    }
}
