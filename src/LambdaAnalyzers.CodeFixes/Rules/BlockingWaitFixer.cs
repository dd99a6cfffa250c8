using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Async;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0004: awaits instead of blocking. <c>t.Result</c>, <c>t.GetAwaiter().GetResult()</c> and <c>t.Wait()</c> become
/// <c>await t</c>; <c>Task.WaitAll(a, b)</c> becomes <c>await Task.WhenAll(a, b)</c>; <c>Thread.Sleep(x)</c> becomes
/// <c>await Task.Delay(x)</c>. Offered where <see cref="AwaitPlanner"/> allows an await; none for <c>Task.WaitAny</c>,
/// waits with a timeout or token, and <c>?.Result</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingWaitFixer))]
public sealed class BlockingWaitFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0004.Await";

    private static readonly FixAllProvider s_fixAll = AwaitFixAll.Create(EquivalenceKey, PlanAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingWait);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, root, semanticModel, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } site)
            {
                continue;
            }

            var title = diagnostic.Properties.TryGetValue(BlockingWaitAnalyzer.KindProperty, out var kind) ? TitleOf(kind) : "Await instead of blocking";
            if (site.MethodMadeAsync is { } method)
            {
                title += $" (makes '{method}' async)";
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AwaitRewriter.ApplyAsync(context.Document, [site], ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static string TitleOf(string? kind) => kind switch
    {
        BlockingWaitAnalyzer.KindWaitAll => "Await 'Task.WhenAll' instead of 'WaitAll'",
        BlockingWaitAnalyzer.KindSleep => "Await 'Task.Delay' instead of 'Sleep'",
        _ => $"Await instead of '{kind}'",
    };

    private static Task<AwaitSite?> PlanAsync(Document document, SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != RuleIdentifiers.BlockingWait
            || !diagnostic.Properties.TryGetValue(BlockingWaitAnalyzer.KindProperty, out var kind)
            || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return Task.FromResult<AwaitSite?>(null);
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var planned = kind switch
        {
            BlockingWaitAnalyzer.KindResult => PlanResult(node, semanticModel, cancellationToken),
            BlockingWaitAnalyzer.KindWait => PlanWait(node, semanticModel, cancellationToken),
            BlockingWaitAnalyzer.KindGetResult => PlanGetResult(node),
            BlockingWaitAnalyzer.KindWaitAll => PlanWaitAll(node, semanticModel, cancellationToken),
            BlockingWaitAnalyzer.KindSleep => PlanSleep(node, semanticModel, document, cancellationToken),
            _ => default,
        };

        return planned.Node is null
            ? Task.FromResult<AwaitSite?>(null)
            : AwaitPlanner.TryPlanAsync(document, semanticModel, planned.Node, planned.Operand!, diagnostic, cancellationToken);
    }

    /// <summary><c>t.Result</c> becomes <c>await t</c>. Not <c>t?.Result</c>: awaiting null throws where the original did not.</summary>
    private static (SyntaxNode? Node, System.Func<SyntaxNode, ExpressionSyntax>? Operand) PlanResult(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (node is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name
            || semanticModel.GetSymbolInfo(access, cancellationToken).Symbol is not IPropertySymbol { Name: "Result", IsStatic: false })
        {
            return default;
        }

        return (access, current => ((MemberAccessExpressionSyntax)current).Expression);
    }

    /// <summary><c>t.Wait()</c> becomes <c>await t</c>; a wait with a timeout or token returns or throws differently and is left alone.</summary>
    private static (SyntaxNode? Node, System.Func<SyntaxNode, ExpressionSyntax>? Operand) PlanWait(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (node is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation } access } name
            || access.Name != name
            || invocation.Expression != access
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "Wait", Parameters.IsEmpty: true })
        {
            return default;
        }

        return (invocation, current => ReceiverOf(((InvocationExpressionSyntax)current).Expression));
    }

    /// <summary><c>t.GetAwaiter().GetResult()</c> (and <c>t.ConfigureAwait(false).GetAwaiter().GetResult()</c>) becomes <c>await t</c>.</summary>
    private static (SyntaxNode? Node, System.Func<SyntaxNode, ExpressionSyntax>? Operand) PlanGetResult(SyntaxNode node)
    {
        if (node is not SimpleNameSyntax
            {
                Parent: MemberAccessExpressionSyntax
                {
                    Expression: InvocationExpressionSyntax
                    {
                        ArgumentList.Arguments.Count: 0,
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" },
                    },
                    Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation,
                } access,
            } name
            || access.Name != name
            || invocation.Expression != access)
        {
            return default;
        }

        return (invocation, current =>
        {
            var getAwaiter = (InvocationExpressionSyntax)ReceiverOf(((InvocationExpressionSyntax)current).Expression);
            return ReceiverOf(getAwaiter.Expression);
        });
    }

    /// <summary><c>Task.WaitAll(a, b)</c> becomes <c>await Task.WhenAll(a, b)</c>; the overloads with a timeout or token have no WhenAll twin.</summary>
    private static (SyntaxNode? Node, System.Func<SyntaxNode, ExpressionSyntax>? Operand) PlanWaitAll(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax or IdentifierNameSyntax } invocation
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "WaitAll", Parameters.Length: 1 } waitAll
            || !waitAll.Parameters[0].IsParams)
        {
            return default;
        }

        return (invocation, current =>
        {
            var call = (InvocationExpressionSyntax)current;
            return call.WithExpression(call.Expression switch
            {
                MemberAccessExpressionSyntax access => access.WithName(WhenAll(access.Name)),
                var name => WhenAll((SimpleNameSyntax)name),
            });
        });

        static IdentifierNameSyntax WhenAll(SimpleNameSyntax name) =>
            SyntaxFactory.IdentifierName(SyntaxFactory.Identifier("WhenAll")).WithTriviaFrom(name);
    }

    /// <summary><c>Thread.Sleep(x)</c> becomes <c>await Task.Delay(x)</c>: both take milliseconds or a TimeSpan.</summary>
    private static (SyntaxNode? Node, System.Func<SyntaxNode, ExpressionSyntax>? Operand) PlanSleep(SyntaxNode node, SemanticModel semanticModel, Document document, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "Sleep", IsStatic: true }
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemThreadingTasksTask) is not { } taskType)
        {
            return default;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        return (invocation, current => (ExpressionSyntax)generator.InvocationExpression(
            generator.MemberAccessExpression(
                generator.TypeExpression(taskType, addImport: true).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                "Delay"),
            ((InvocationExpressionSyntax)current).ArgumentList.Arguments));
    }

    private static ExpressionSyntax ReceiverOf(ExpressionSyntax access) => ((MemberAccessExpressionSyntax)access).Expression;
}
