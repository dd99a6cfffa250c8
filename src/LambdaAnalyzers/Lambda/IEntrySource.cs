using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// One way a method becomes a handler the runtime calls: its signature, an attribute, a bootstrap registration, and
/// later a handler string in a deployment file. The <see cref="HandlerCatalog"/> asks every source; rules ask the catalog.
/// </summary>
internal interface IEntrySource
{
    /// <summary>
    /// Whether this source makes the method a handler. Without a semantic model, a source that must bind code to know
    /// answers false; test methods never reach a source.
    /// </summary>
    bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a method the type declares may be an entry by this source, judged from its declarations' text before
    /// its members are listed (which, for every type of a new compilation, costs an editor's keystroke); true when unsure.
    /// </summary>
    bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken);
}
