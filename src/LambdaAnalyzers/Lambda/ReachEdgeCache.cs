using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What the reach index found in a method body it bound: the members its calls lead to and the services it resolves,
/// by documentation ID, with where each call is written. Kept per syntax tree, for as long as the tree lives, under the
/// <see cref="DeclarationFingerprint"/> of the compilation that bound it: an editor makes a new compilation on every
/// keystroke but keeps the trees of the files not edited, so the next index binds only the edited file's bodies and
/// reads the others' calls from here.
/// </summary>
internal static class ReachEdgeCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, Holder> s_trees = new();

    /// <summary>The bodies of a tree found under a fingerprint; those found under another are dropped.</summary>
    public static TreeEdges For(SyntaxTree tree, ulong fingerprint)
    {
        var holder = s_trees.GetValue(tree, static _ => new Holder());
        var current = holder.Current;
        if (current is null || current.Fingerprint != fingerprint)
        {
            current = new TreeEdges(fingerprint);
            holder.Current = current;
        }

        return current;
    }

    private sealed class Holder
    {
        public volatile TreeEdges? Current;
    }
}

/// <summary>The calls of the bodies of one tree, found under one fingerprint, by the span and kind of the body's syntax.</summary>
internal sealed class TreeEdges(ulong fingerprint)
{
    private readonly ConcurrentDictionary<(TextSpan Span, int Kind), BodyEdges> _bodies = new();

    public ulong Fingerprint { get; } = fingerprint;

    public bool TryGet(SyntaxNode body, out BodyEdges edges) => _bodies.TryGetValue((body.Span, body.RawKind), out edges!);

    /// <summary>Keeps a body's calls, replacing what an earlier binding found (one whose member no longer resolves).</summary>
    public void Set(SyntaxNode body, BodyEdges edges) => _bodies[(body.Span, body.RawKind)] = edges;
}

/// <summary>
/// The calls of one body the index follows, in the order it follows them: each target member's documentation ID and
/// the call's span, then each resolved service type's ID and the span of its resolution.
/// </summary>
internal sealed class BodyEdges(ImmutableArray<(string Target, TextSpan Site)> calls, ImmutableArray<(string Service, TextSpan Site)> services)
{
    public ImmutableArray<(string Target, TextSpan Site)> Calls { get; } = calls;

    public ImmutableArray<(string Service, TextSpan Site)> Services { get; } = services;
}
