using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Async;

/// <summary>
/// Applies await sites to one document in a single pass: each site becomes <c>await operand</c>, and each handler
/// method that needs it becomes <c>async</c> once, however many sites it holds.
/// </summary>
internal static class AwaitRewriter
{
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<AwaitSite> sites, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || sites.Count == 0)
        {
            return document;
        }

        var byNode = new Dictionary<SyntaxNode, AwaitSite>();
        var methods = new HashSet<SyntaxNode>();
        foreach (var site in sites)
        {
            if (!byNode.ContainsKey(site.Node))
            {
                byNode.Add(site.Node, site);
            }

            if (site.MethodToMakeAsync is { } method)
            {
                methods.Add(method);
            }
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var taskType = sites[0].TaskType;

        // Nested sites and the methods around them: ReplaceNodes rewrites the innermost first and hands each outer node
        // over with its rewritten descendants.
        var newRoot = root.ReplaceNodes(
            byNode.Keys.Concat(methods),
            (original, current) => byNode.TryGetValue(original, out var site)
                ? Await(site, current)
                : MakeAsync((MethodDeclarationSyntax)current, generator, taskType));

        // Task and Task<T> are written fully qualified: import System.Threading.Tasks, then let the cleanup simplify.
        return await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(newRoot), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private static SyntaxNode Await(AwaitSite site, SyntaxNode current)
    {
        var operand = site.Operand(current).WithoutTrivia();
        if (!IsPrimary(operand))
        {
            operand = SyntaxFactory.ParenthesizedExpression(operand);
        }

        ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), operand);
        if (NeedsParentheses(site.Node))
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited);
        }

        return awaited.WithLeadingTrivia(current.GetLeadingTrivia()).WithTrailingTrivia(current.GetTrailingTrivia());
    }

    /// <summary>Expressions that <c>await</c> takes as its operand without parentheses.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) => expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax
        or ElementAccessExpressionSyntax or SimpleNameSyntax or ParenthesizedExpressionSyntax or BaseObjectCreationExpressionSyntax
        or ThisExpressionSyntax or LiteralExpressionSyntax or ConditionalAccessExpressionSyntax or QualifiedNameSyntax
        or PostfixUnaryExpressionSyntax;

    /// <summary>Where the replaced expression is the receiver of a member access, call, index or postfix operator.</summary>
    private static bool NeedsParentheses(SyntaxNode node) => node.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == node,
        ConditionalAccessExpressionSyntax access => access.Expression == node,
        ElementAccessExpressionSyntax access => access.Expression == node,
        InvocationExpressionSyntax invocation => invocation.Expression == node,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };

    /// <summary><c>void M()</c> becomes <c>async Task M()</c>; <c>T M()</c> becomes <c>async Task&lt;T&gt; M()</c>, its returns unchanged.</summary>
    private static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method, SyntaxGenerator generator, INamedTypeSymbol taskType)
    {
        var returnType = method.ReturnType;
        var task = generator.TypeExpression(taskType, addImport: true);
        var newType = (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                ? (TypeSyntax)task
                : (TypeSyntax)generator.WithTypeArguments(task, returnType.WithoutTrivia()))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        newType = newType.WithTriviaFrom(returnType);
        if (method.Modifiers.Count == 0)
        {
            // The method's leading trivia (documentation, indentation) sits on the return type: it moves to 'async'.
            asyncKeyword = asyncKeyword.WithLeadingTrivia(returnType.GetLeadingTrivia());
            newType = newType.WithLeadingTrivia();
        }

        return method.WithModifiers(method.Modifiers.Add(asyncKeyword)).WithReturnType(newType);
    }
}
