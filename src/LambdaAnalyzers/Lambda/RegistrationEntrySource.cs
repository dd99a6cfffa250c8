using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method given as a method group to a bootstrap registration of its own file (<c>LambdaBootstrapBuilder.Create</c>,
/// <c>HandlerWrapper.GetHandlerWrapper</c>, <c>new LambdaBootstrap(...)</c>). The sites of a file are found from its
/// text once, and bound only when a method of a name they pass asks.
/// </summary>
internal sealed class RegistrationEntrySource(LambdaSymbols symbols) : IEntrySource
{
    private readonly ConcurrentDictionary<SyntaxTree, RegistrationSites> _sites = new();

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || symbols.BootstrapRegistrations.IsEmpty || semanticModel is null)
        {
            return false;
        }

        return SitesOf(semanticModel.SyntaxTree, cancellationToken).IsMethodGroupHandler(method, semanticModel, symbols, cancellationToken);
    }

    /// <summary>
    /// A registration registers a method of its own file by name: a type declares an entry here only when its file
    /// registers a method group of the name of a method it declares.
    /// </summary>
    public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        return !symbols.BootstrapRegistrations.IsEmpty
            && DeclarationText.DeclaresMethod(type, (reference, name) => SitesOf(reference.SyntaxTree, cancellationToken).MayRegister(name), cancellationToken);
    }

    private RegistrationSites SitesOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_sites.TryGetValue(tree, out var sites))
        {
            sites = _sites.GetOrAdd(tree, RegistrationSites.Find(tree, cancellationToken));
        }

        return sites;
    }
}
