using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>The operation blocks of one member, as the region sources see them.</summary>
internal sealed class RegionRequest
{
    private readonly HandlerCatalog _catalog;
    private bool? _isHandler;
    private LocalAssignments? _locals;

    public RegionRequest(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, HandlerCatalog catalog, CancellationToken cancellationToken)
    {
        OwningSymbol = owningSymbol;
        Blocks = blocks;
        _catalog = catalog;
        CancellationToken = cancellationToken;
    }

    public ISymbol OwningSymbol { get; }

    public ImmutableArray<IOperation> Blocks { get; }

    public CancellationToken CancellationToken { get; }

    public HandlerCatalog Catalog => _catalog;

    /// <summary>Whether the member is itself a handler, decided once for every source.</summary>
    public bool IsHandler => _isHandler ??=
        OwningSymbol is IMethodSymbol method && _catalog.IsHandler(method, Blocks[0].SemanticModel, CancellationToken);

    /// <summary>The assignments to the member's locals, gathered on first use and handed to the scope.</summary>
    public LocalAssignments Locals => _locals ??= new LocalAssignments(Blocks);

    /// <summary>The locals if a source gathered them.</summary>
    public LocalAssignments? GatheredLocals => _locals;
}
