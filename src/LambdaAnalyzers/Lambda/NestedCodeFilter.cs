using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Tells, from text and statements alone, that a member's blocks hold no lambda, anonymous method or local function,
/// and so no nested handler: most members, which then cost no walk over their operations. A lambda needs <c>=&gt;</c>,
/// an anonymous method <c>delegate</c>, and a local function is a statement; a false alarm (the text in a string, a
/// switch expression) only costs the walk.
/// </summary>
internal static class NestedCodeFilter
{
    [ThreadStatic]
    private static char[]? t_buffer;

    public static bool MayHoldNestedCode(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            if (MayHoldNestedCode(block.Syntax))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool MayHoldNestedCode(SyntaxNode syntax)
    {
        var text = syntax.SyntaxTree.GetText();
        var span = syntax.Span;
        if (span.End > text.Length)
        {
            return true;
        }

        var buffer = t_buffer is { } existing && existing.Length >= span.Length ? existing : t_buffer = new char[Math.Max(span.Length, 4096)];
        text.CopyTo(span.Start, buffer, 0, span.Length);

        for (var i = Array.IndexOf(buffer, '=', 0, span.Length); i >= 0 && i < span.Length - 1; i = Array.IndexOf(buffer, '=', i + 1, span.Length - i - 1))
        {
            // The arrow of the member's own expression body is not a lambda.
            if (buffer[i + 1] == '>' && !IsOwnExpressionBodyArrow(syntax, span.Start + i))
            {
                return true;
            }
        }

        for (var i = Array.IndexOf(buffer, 'd', 0, span.Length); i >= 0 && i <= span.Length - 8; i = Array.IndexOf(buffer, 'd', i + 1, span.Length - i - 1))
        {
            if (StartsWith(buffer, i, "delegate"))
            {
                return true;
            }
        }

        // A local function is a statement of a block: of the member's body, or of a lambda or anonymous method found above.
        foreach (var node in TreeWalk.DescendantNodes(syntax, static node => MayHoldStatements(node)))
        {
            if (node is LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a node can have statements below it without an expression in between.</summary>
    private static bool MayHoldStatements(SyntaxNode node) => node switch
    {
        ExpressionSyntax
            or ExpressionStatementSyntax
            or LocalDeclarationStatementSyntax
            or ReturnStatementSyntax
            or ThrowStatementSyntax
            or YieldStatementSyntax
            or ArrowExpressionClauseSyntax
            or ParameterListSyntax
            or AttributeListSyntax
            or TypeSyntax => false,
        _ => true,
    };

    private static bool StartsWith(char[] buffer, int index, string word)
    {
        for (var j = 0; j < word.Length; j++)
        {
            if (buffer[index + j] != word[j])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOwnExpressionBodyArrow(SyntaxNode syntax, int position)
    {
        var token = syntax.FindToken(position);
        return token.IsKind(SyntaxKind.EqualsGreaterThanToken)
            && token.Parent is ArrowExpressionClauseSyntax arrow
            && (arrow == syntax || arrow.Parent == syntax);
    }
}
