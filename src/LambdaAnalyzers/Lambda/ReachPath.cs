using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// How per-invocation code reaches a method: the shortest chain of calls from an entry (a handler method, or a handler
/// lambda or local function), the call on it in each caller, and every entry that reaches the method at all.
/// </summary>
internal sealed class ReachPath
{
    /// <summary>How many methods after the entry a message names before it ends with <c>...</c>.</summary>
    private const int NamedMethods = 3;

    private ImmutableArray<IMethodSymbol> _entries;

    public ReachPath(IMethodSymbol method, IMethodSymbol entry, ReachPath? caller, Location? callSite)
    {
        Method = method;
        Entry = entry;
        Caller = caller;
        CallSite = callSite;
        Depth = caller is null ? 0 : caller.Depth + 1;
        _entries = ImmutableArray.Create(entry);
    }

    /// <summary>The method reached (a constructor for the initializers of a type created per invocation).</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The entry of the shortest chain.</summary>
    public IMethodSymbol Entry { get; }

    /// <summary>The method that calls this one on the shortest chain; null for the entry itself.</summary>
    public ReachPath? Caller { get; }

    /// <summary>The call in <see cref="Caller"/> that reaches this method.</summary>
    public Location? CallSite { get; }

    /// <summary>Calls from the entry: 0 for the entry, 1 for what it calls.</summary>
    public int Depth { get; }

    /// <summary>Every entry whose code reaches the method within the index's depth, the shortest chain's first.</summary>
    public ImmutableArray<IMethodSymbol> Entries => _entries;

    internal void SetEntries(ImmutableArray<IMethodSymbol> entries) => _entries = entries;

    /// <summary>The call in the entry's own code that starts the shortest chain.</summary>
    public Location? FirstCallSite
    {
        get
        {
            var current = this;
            while (current.Caller is { Caller: not null } caller)
            {
                current = caller;
            }

            return current.CallSite;
        }
    }

    /// <summary>The entry's name, for messages: <c>OrderHandler.Handle</c>.</summary>
    public string EntryName => NameOf(Entry);

    /// <summary>
    /// The methods after the entry down to this one, at most three and then <c>...</c>:
    /// <c>'Secrets.GetParameterAsync'</c>, <c>'new OrderRepository()', 'Secrets.Get'</c>.
    /// </summary>
    public string Through
    {
        get
        {
            var chain = ImmutableArray.CreateBuilder<IMethodSymbol>(Depth);
            for (var current = this; current.Caller is not null; current = current.Caller)
            {
                chain.Add(current.Method);
            }

            chain.Reverse();
            var text = new StringBuilder();
            for (var i = 0; i < chain.Count && i < NamedMethods; i++)
            {
                // A lambda reached on its own (a dependency-injection factory) runs without its member.
                var lambda = chain[i].MethodKind == MethodKind.AnonymousFunction;
                text.Append(i == 0 ? string.Empty : ", ").Append(lambda ? "the factory in '" : "'").Append(NameOf(chain[i])).Append('\'');
            }

            if (chain.Count > NamedMethods)
            {
                text.Append(", ...");
            }

            return text.ToString();
        }
    }

    /// <summary><c>Type.Method</c>, <c>new Type()</c> for a constructor, <c>Type.Property</c> for an accessor; a lambda by its member.</summary>
    public static string NameOf(IMethodSymbol method)
    {
        ISymbol symbol = method;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && symbol.ContainingSymbol is { } container)
        {
            symbol = container;
        }

        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name + "()",
            IMethodSymbol { AssociatedSymbol: { } property } => property.ContainingType.Name + "." + property.Name,
            _ => symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name,
        };
    }
}
