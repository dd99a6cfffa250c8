using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>Where a call is reported: on its method name, which every rule and fixer about calls agrees on.</summary>
internal static class CallSyntax
{
    /// <summary>The method name of a call: <c>GetObjectAsync</c> in <c>s3.GetObjectAsync(...)</c>.</summary>
    public static Location? GetNameLocation(SyntaxNode syntax)
    {
        if (syntax is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        SimpleNameSyntax? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name?.Identifier.GetLocation();
    }
}
