using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>A method with <c>[Amazon.Lambda.Annotations.LambdaFunction]</c>, whose generated wrapper the runtime calls.</summary>
internal sealed class LambdaFunctionEntrySource(LambdaSymbols symbols) : IEntrySource
{
    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        HandlerDiscovery.IsLambdaFunction(method, symbols);
}
