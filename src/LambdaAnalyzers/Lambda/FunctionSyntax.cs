using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>Where a lambda or anonymous method is reported.</summary>
internal static class FunctionSyntax
{
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
}
