using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A long-lived member as written: <c>s_processed</c>, <c>_lastUser</c>, a captured primary-constructor parameter, or
/// a field or auto-property of an object read from one of those (<c>_state.LastUser</c>).
/// </summary>
internal readonly struct StateHolder(IOperation reference, ISymbol root, ISymbol? nested, bool isStatic, bool isOfAHeldObject = false)
{
    /// <summary>The member reference as written, where a diagnostic goes.</summary>
    public IOperation Reference { get; } = reference;

    public ISymbol Root { get; } = root;

    public ISymbol? Nested { get; } = nested;

    public bool IsStatic { get; } = isStatic;

    /// <summary>
    /// Whether the root is an instance member of an object that is not a handler instance but that a static or the
    /// reused instance holds, in reached code (<see cref="ReachedArguments.IsCalledOnALongLivedReceiver"/>).
    /// </summary>
    public bool IsOfAHeldObject { get; } = isOfAHeldObject;

    public string Name => Nested is null ? Root.Name : Root.Name + "." + Nested.Name;

    public bool IsSame(StateHolder other) =>
        SymbolEqualityComparer.Default.Equals(Root, other.Root) && SymbolEqualityComparer.Default.Equals(Nested, other.Nested);
}
