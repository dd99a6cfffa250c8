using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace LambdaAnalyzers.Async;

/// <summary>
/// Decides whether <c>await</c> can be added at a place of per-invocation code without breaking the build or changing
/// any caller: only in a function that is already <c>async</c>, or in a handler method that returns <c>void</c> or a
/// plain <c>T</c>, overrides and implements nothing, and is referenced nowhere in the solution (it then becomes
/// <c>async Task</c>/<c>async Task&lt;T&gt;</c>); never inside <c>lock</c>, a query expression, a catch filter or
/// <c>unsafe</c> code, nor in a function with <c>ref</c>/<c>out</c>/<c>in</c> parameters. Returns null whenever it cannot
/// be sure.
/// </summary>
internal static class AwaitPlanner
{
    public static async Task<AwaitSite?> TryPlanAsync(
        Document document,
        SemanticModel semanticModel,
        SyntaxNode node,
        Func<SyntaxNode, ExpressionSyntax> operand,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (FindFunction(node) is not { } function
            || IsUnsafeContext(node)
            || HasByReferenceParameters(function)
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemThreadingTasksTask) is not { } taskType)
        {
            return null;
        }

        if (IsAsync(function))
        {
            return new AwaitSite(node, operand, function, null, taskType);
        }

        return function is MethodDeclarationSyntax method
            && IsSyncHandler(method, diagnostic)
            && await CanMakeAsyncAsync(document, semanticModel, method, cancellationToken).ConfigureAwait(false)
            ? new AwaitSite(node, operand, function, method, taskType)
            : null;
    }

    /// <summary>
    /// The innermost method, local function or lambda around a node, or null when the node is somewhere an await cannot
    /// go on its way there (a lock, a query expression, a catch filter) or is not in such a function at all.
    /// </summary>
    private static SyntaxNode? FindFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LockStatementSyntax:
                case QueryExpressionSyntax:
                case CatchFilterClauseSyntax:
                    return null;
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case MethodDeclarationSyntax:
                    return current;
                case MemberDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case AttributeSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsUnsafeContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var unsafeContext = ancestor switch
            {
                UnsafeStatementSyntax => true,
                LocalFunctionStatementSyntax localFunction => localFunction.Modifiers.Any(SyntaxKind.UnsafeKeyword),
                MemberDeclarationSyntax member => member.Modifiers.Any(SyntaxKind.UnsafeKeyword),
                _ => false,
            };
            if (unsafeContext)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsync(SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax localFunction => localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword),
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    private static bool HasByReferenceParameters(SyntaxNode function)
    {
        if (function is SimpleLambdaExpressionSyntax simple)
        {
            return IsByReference(simple.Parameter);
        }

        var parameters = function switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
            AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
            LocalFunctionStatementSyntax localFunction => localFunction.ParameterList.Parameters,
            MethodDeclarationSyntax method => method.ParameterList.Parameters,
            _ => default,
        };

        foreach (var parameter in parameters)
        {
            if (IsByReference(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the diagnostic names the method as a handler that returns void or a plain value (its only additional location).</summary>
    private static bool IsSyncHandler(MethodDeclarationSyntax method, Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.Count == 1
        && diagnostic.AdditionalLocations[0].SourceTree == method.SyntaxTree
        && diagnostic.AdditionalLocations[0].SourceSpan == method.Span;

    private static bool IsByReference(ParameterSyntax parameter) =>
        parameter.Modifiers.Any(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword);

    /// <summary>
    /// A handler method that returns <c>void</c> or a plain <c>T</c> can become <c>async Task</c>/<c>async Task&lt;T&gt;</c>
    /// when nothing else depends on its signature (no override, no interface, no reference in the solution: the runtime
    /// finds it by name and awaits a Task) and its body is legal in an async method.
    /// </summary>
    private static async Task<bool> CanMakeAsyncAsync(Document document, SemanticModel semanticModel, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        if (method.Body is null && method.ExpressionBody is null
            || method.Modifiers.Any(m => m.Kind() is SyntaxKind.PartialKeyword or SyntaxKind.ExternKeyword or SyntaxKind.AbstractKeyword
                or SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword)
            || method.ExplicitInterfaceSpecifier is not null
            || semanticModel.GetDeclaredSymbol(method, cancellationToken) is not { MethodKind: MethodKind.Ordinary } symbol
            || symbol.IsOverride || symbol.IsVirtual || symbol.IsAbstract || symbol.IsExtern
            || symbol.ContainingType is not { TypeKind: TypeKind.Class } containingType
            || symbol.ReturnsByRef || symbol.ReturnsByRefReadonly)
        {
            return false;
        }

        if (!symbol.ReturnsVoid
            && (symbol.ReturnType.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer
                || symbol.ReturnType.IsRefLikeType))
        {
            return false;
        }

        foreach (var parameter in symbol.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return false;
            }
        }

        if (ImplementsInterface(symbol, containingType)
            || !BodyAllowsAsync(method, semanticModel, cancellationToken))
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return references.All(reference => !reference.Locations.Any());
    }

    private static bool ImplementsInterface(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers())
            {
                if (member is IMethodSymbol && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>No iterator, no <c>ref</c> locals, no locals of ref struct types, no <c>stackalloc</c> in the method's own body.</summary>
    private static bool BodyAllowsAsync(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody!;
        foreach (var node in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case YieldStatementSyntax:
                case StackAllocArrayCreationExpressionSyntax:
                case ImplicitStackAllocArrayCreationExpressionSyntax:
                case RefTypeSyntax:
                case RefExpressionSyntax:
                    return false;
                case VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax:
                    if (semanticModel.GetDeclaredSymbol(node, cancellationToken) is ILocalSymbol { } local
                        && (local.IsRef || local.Type.IsRefLikeType || local.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }
}
