using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether the project itself calls a method or uses it as a method group. A use in another file is assumed from its
/// name alone (binding other files would cost every file); in the method's own file the name is bound. Names in
/// documentation comments, strings and declarations are not uses. The files using a name are searched once per name.
/// </summary>
internal sealed class CallerIndex(Compilation compilation)
{
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxTree>> _treesUsingName = new(StringComparer.Ordinal);

    public bool IsUsedInCompilation(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var trees = _treesUsingName.TryGetValue(method.Name, out var found)
            ? found
            : _treesUsingName.GetOrAdd(method.Name, FindTreesUsing(method.Name, cancellationToken));
        var tree = semanticModel.SyntaxTree;
        if (trees.IsEmpty)
        {
            return false;
        }

        if (trees.Length > 1 || trees[0] != tree)
        {
            return true;
        }

        foreach (var name in NameSearch.FindNames(tree, method.Name, cancellationToken))
        {
            var info = semanticModel.GetSymbolInfo(name, cancellationToken);
            if (IsMethod(info.Symbol, method))
            {
                return true;
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (IsMethod(candidate, method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private ImmutableArray<SyntaxTree> FindTreesUsing(string name, CancellationToken cancellationToken)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var _ in NameSearch.FindNames(tree, name, cancellationToken))
            {
                trees.Add(tree);
                break;
            }
        }

        return trees.ToImmutable();
    }

    private static bool IsMethod(ISymbol? symbol, IMethodSymbol method) =>
        symbol is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition);
}
