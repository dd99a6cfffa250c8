using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>A method with <c>[Amazon.Lambda.Annotations.LambdaFunction]</c>, whose generated wrapper the runtime calls.</summary>
internal sealed class LambdaFunctionEntrySource(Compilation compilation, LambdaSymbols symbols) : IEntrySource
{
    private readonly Lazy<bool> _aliasesHideTheName = new(
        () => UsingAliases.Name(compilation, "LambdaFunction"), LazyThreadSafetyMode.PublicationOnly);

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        HandlerDiscovery.IsLambdaFunction(method, symbols);

    /// <summary>The attribute is written <c>[LambdaFunction]</c>, qualified or not, unless a using alias renames it.</summary>
    public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        symbols.LambdaFunctionAttribute is not null
        && (_aliasesHideTheName.Value || DeclarationText.Names(type, "LambdaFunction", cancellationToken));
}
