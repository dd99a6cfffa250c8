using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether a call's result is what its method returns: the call is the returned expression (<c>return Process(e);</c>,
/// <c>=&gt; Process(e)</c>), awaited, configured with <c>ConfigureAwait</c>, cast or parenthesized on the way. Read
/// from the syntax at a call site that the reach index recorded.
/// </summary>
internal static class ReturnedCall
{
    public static bool IsReturned(Location? callSite)
    {
        if (callSite is not { IsInSource: true, SourceTree: { } tree }
            || !tree.TryGetRoot(out var root)
            || callSite.SourceSpan.End > root.FullSpan.End)
        {
            return false;
        }

        SyntaxNode? node = root.FindNode(callSite.SourceSpan, getInnermostNodeForTie: true);
        while (node?.Parent is { } parent)
        {
            switch (parent)
            {
                case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                    return ReturnsFromTheMember(parent);
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax:
                    node = parent;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access
                    when access.Expression == node && access.Parent is InvocationExpressionSyntax configured:
                    node = configured;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A <c>return</c> or <c>=&gt;</c> of the member itself, not of a lambda or local function inside it.</summary>
    private static bool ReturnsFromTheMember(SyntaxNode returning)
    {
        for (var node = returning.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return false;
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return true;
            }
        }

        return false;
    }
}
