using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Async;

/// <summary>
/// One expression of per-invocation code that becomes <c>await operand</c>, checked against the original document by
/// <see cref="AwaitPlanner"/>. <see cref="AwaitRewriter"/> applies several sites in one pass (Fix All).
/// </summary>
internal sealed class AwaitSite(
    SyntaxNode node,
    Func<SyntaxNode, ExpressionSyntax> operand,
    SyntaxNode function,
    MethodDeclarationSyntax? methodToMakeAsync,
    INamedTypeSymbol taskType)
{
    /// <summary>The node the await expression replaces: <c>t.Result</c>, <c>t.Wait()</c>, <c>_ = X()</c>, <c>X()</c>, ...</summary>
    public SyntaxNode Node { get; } = node;

    /// <summary>
    /// From <see cref="Node"/> as rewritten so far (sites nested in it already replaced), the expression to await:
    /// <c>t</c> for <c>t.Result</c>, <c>Task.WhenAll(a, b)</c> for <c>Task.WaitAll(a, b)</c>.
    /// </summary>
    public Func<SyntaxNode, ExpressionSyntax> Operand { get; } = operand;

    /// <summary>The method, local function or lambda the await lands in.</summary>
    public SyntaxNode Function { get; } = function;

    /// <summary>The handler method that becomes <c>async Task</c>/<c>async Task&lt;T&gt;</c>; null when the function already is async.</summary>
    public MethodDeclarationSyntax? MethodToMakeAsync { get; } = methodToMakeAsync;

    /// <summary><c>System.Threading.Tasks.Task</c> of the compilation.</summary>
    public INamedTypeSymbol TaskType { get; } = taskType;

    /// <summary>The name of the method that becomes async, for the fix title; null when none does.</summary>
    public string? MethodMadeAsync => MethodToMakeAsync?.Identifier.ValueText;
}
