using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Tells, mostly from text, that a member's blocks hold no nested handler: most members, which then cost no walk over
/// their operations. A handler lambda needs <c>=&gt;</c> and an anonymous method <c>delegate</c>. A local function is a
/// handler only when it takes an <c>ILambdaContext</c>, which its parameter list must name (a local function's
/// parameters are typed), or when a bootstrap registers it (<c>Create</c>, <c>GetHandlerWrapper</c>,
/// <c>new LambdaBootstrap</c>); only then are the statements searched for one. A false alarm (the text in a string, a
/// switch expression) only costs the walk.
/// </summary>
internal static class NestedCodeFilter
{
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>
    /// Local-function words: a local function handler names its <c>ILambdaContext</c> parameter's type, or is registered.
    /// </summary>
    private static readonly string[] s_localFunctionHandlerWords = { "ILambdaContext", "Create", "GetHandlerWrapper", "LambdaBootstrap" };

    /// <param name="blocks">The operation blocks of a member.</param>
    /// <param name="aliasesHideWords">Whether a using alias in the compilation names <c>ILambdaContext</c> or
    /// <c>LambdaBootstrap</c>: a local function may then take one, or be registered, without the word in the member.</param>
    public static bool MayHoldNestedCode(ImmutableArray<IOperation> blocks, bool aliasesHideWords)
    {
        foreach (var block in blocks)
        {
            if (MayHoldNestedCode(block.Syntax, aliasesHideWords))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool MayHoldNestedCode(SyntaxNode syntax, bool aliasesHideWords)
    {
        var text = syntax.SyntaxTree.GetText();
        var span = syntax.Span;
        if (span.End > text.Length)
        {
            return true;
        }

        var buffer = t_buffer is { } existing && existing.Length >= span.Length ? existing : t_buffer = new char[Math.Max(span.Length, 4096)];
        text.CopyTo(span.Start, buffer, 0, span.Length);

        var code = new ReadOnlySpan<char>(buffer, 0, span.Length);
        for (int offset = 0, found; (found = code.Slice(offset).IndexOf("=>".AsSpan(), StringComparison.Ordinal)) >= 0; offset += found + 2)
        {
            // The arrow of the member's own expression body is not a lambda.
            if (!IsOwnExpressionBodyArrow(syntax, span.Start + offset + found))
            {
                return true;
            }
        }

        if (code.IndexOf("delegate".AsSpan(), StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (!aliasesHideWords && !ContainsAny(buffer, span.Length, s_localFunctionHandlerWords))
        {
            return false;
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

    private static bool ContainsAny(char[] buffer, int length, string[] words)
    {
        var text = new ReadOnlySpan<char>(buffer, 0, length);
        foreach (var word in words)
        {
            if (text.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOwnExpressionBodyArrow(SyntaxNode syntax, int position)
    {
        var token = syntax.FindToken(position);
        return token.IsKind(SyntaxKind.EqualsGreaterThanToken)
            && token.Parent is ArrowExpressionClauseSyntax arrow
            && (arrow == syntax || arrow.Parent == syntax);
    }
}
