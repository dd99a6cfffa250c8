using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>Where a method, a lambda or an anonymous method is reported.</summary>
internal static class FunctionSyntax
{
    /// <summary>
    /// The identifier of the method declaration whose body (or expression body) a block's syntax is, or null for the
    /// blocks of other members, local functions and anonymous functions.
    /// </summary>
    public static SyntaxToken? GetMethodIdentifier(SyntaxNode blockSyntax)
    {
        for (var node = blockSyntax; node is not null; node = node.Parent)
        {
            if (node is MethodDeclarationSyntax declaration)
            {
                return declaration.Identifier;
            }

            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary><c>async x =&gt;</c> or <c>async delegate (...)</c>: the head of the function, not its whole body.</summary>
    public static Location AsyncHeadLocation(SyntaxNode syntax)
    {
        if (syntax is not AnonymousFunctionExpressionSyntax function)
        {
            return syntax.GetLocation();
        }

        var start = function.SpanStart;
        foreach (var modifier in function.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.AsyncKeyword))
            {
                start = modifier.SpanStart;
                break;
            }
        }

        var end = function switch
        {
            LambdaExpressionSyntax lambda when !lambda.ArrowToken.IsMissing => lambda.ArrowToken.Span.End,
            AnonymousMethodExpressionSyntax method => method.ParameterList?.Span.End ?? method.DelegateKeyword.Span.End,
            _ => function.Span.End,
        };
        return end > start ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, end)) : syntax.GetLocation();
    }

    /// <summary><c>catch (Exception ex)</c>: the head of a catch clause, without its filter and block.</summary>
    public static Location CatchHeadLocation(SyntaxNode syntax)
    {
        if (syntax is not CatchClauseSyntax clause)
        {
            return syntax.GetLocation();
        }

        var end = clause.Declaration is { } declaration ? declaration.Span.End : clause.CatchKeyword.Span.End;
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(clause.CatchKeyword.SpanStart, end));
    }

    /// <summary>The keyword of a jump statement (<c>break</c>, <c>return</c>), or the whole statement of another kind.</summary>
    public static Location KeywordLocation(SyntaxNode syntax) => syntax switch
    {
        BreakStatementSyntax jump => jump.BreakKeyword.GetLocation(),
        ReturnStatementSyntax jump => jump.ReturnKeyword.GetLocation(),
        _ => syntax.GetLocation(),
    };
}
