using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The model's walks over operation and syntax trees. Roslyn's walks are banned in this assembly (BannedSymbols.txt) so
/// that a rule asks the model what code contains instead of searching it again; the model walks through here, the one
/// file where the ban is lifted. Rules never call this type (<c>BanTests</c> checks).
/// </summary>
internal static class TreeWalk
{
#pragma warning disable RS0030 // The model's walks, kept out of the rules by the ban.
    /// <summary>Every operation below <paramref name="operation"/>, in source order.</summary>
    public static IEnumerable<IOperation> Descendants(IOperation operation) => operation.Descendants();

    /// <summary><paramref name="operation"/>, then every operation below it, in source order.</summary>
    public static IEnumerable<IOperation> DescendantsAndSelf(IOperation operation) => operation.DescendantsAndSelf();

    /// <summary>The operations directly below <paramref name="operation"/>; enumerating them allocates nothing.</summary>
    public static IOperation.OperationList Children(IOperation operation) => operation.ChildOperations;

    /// <summary>Every node below <paramref name="node"/>, entering only the nodes <paramref name="descendIntoChildren"/> accepts.</summary>
    public static IEnumerable<SyntaxNode> DescendantNodes(SyntaxNode node, Func<SyntaxNode, bool> descendIntoChildren) =>
        node.DescendantNodes(descendIntoChildren);
#pragma warning restore RS0030
}
