using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>The reads and writes of a local within a piece of code, for rules that follow where a local's value goes.</summary>
internal static class LocalReferences
{
    /// <summary>Every reference to <paramref name="local"/> below <paramref name="root"/>, in source order.</summary>
    public static IEnumerable<ILocalReferenceOperation> Find(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in TreeWalk.Descendants(root))
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                yield return reference;
            }
        }
    }
}
