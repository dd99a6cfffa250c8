using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Async;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0002: awaits the task the handler left running. <c>SendAsync();</c> becomes <c>await SendAsync();</c> and
/// <c>_ = Task.Run(work);</c> becomes <c>await Task.Run(work);</c>, where <see cref="AwaitPlanner"/> allows an await.
/// Nothing for tasks kept in locals, null-conditional calls, async void calls, async lambdas, threads, timers and work
/// queued to the thread pool.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkLeftRunningFixer))]
public sealed class WorkLeftRunningFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0002.Await";

    private static readonly FixAllProvider s_fixAll = AwaitFixAll.Create(EquivalenceKey, PlanAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WorkLeftRunning);

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

            var title = CalleeName(site) is { } callee ? $"Await '{callee}'" : "Await the task";
            if (site.MethodMadeAsync is { } method)
            {
                title += $" (makes '{method}' async)";
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AwaitRewriter.ApplyAsync(context.Document, [site], ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static Task<AwaitSite?> PlanAsync(Document document, SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != RuleIdentifiers.WorkLeftRunning
            || diagnostic.Location.SourceTree != root.SyntaxTree
            || !diagnostic.Properties.TryGetValue(WorkLeftRunningAnalyzer.KindProperty, out var kind)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || !IsAwaitable(semanticModel.GetTypeInfo(invocation, cancellationToken).Type))
        {
            return Task.FromResult<AwaitSite?>(null);
        }

        switch (kind)
        {
            // SendAsync(); in a block, or as the expression body of a void method or lambda.
            case WorkLeftRunningAnalyzer.KindStatement
                when invocation.Parent is ExpressionStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax:
                return AwaitPlanner.TryPlanAsync(document, semanticModel, invocation, current => (ExpressionSyntax)current, diagnostic, cancellationToken);

            // _ = SendAsync(); the discard goes, the call is awaited.
            case WorkLeftRunningAnalyzer.KindDiscarded
                when invocation.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
                    && discard.Right == invocation
                    && discard.Parent is ExpressionStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax:
                return AwaitPlanner.TryPlanAsync(document, semanticModel, discard, current => ((AssignmentExpressionSyntax)current).Right, diagnostic, cancellationToken);

            default:
                return Task.FromResult<AwaitSite?>(null);
        }
    }

    /// <summary>Tasks, value tasks and their configured awaitables, or any type with an instance <c>GetAwaiter()</c>.</summary>
    private static bool IsAwaitable(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("GetAwaiter"))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.IsEmpty: true, ReturnsVoid: false })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The method whose task is awaited, for the title: <c>SendAsync</c> for <c>SendAsync().ConfigureAwait(false)</c>.</summary>
    private static string? CalleeName(AwaitSite site)
    {
        var invocation = site.Node switch
        {
            AssignmentExpressionSyntax { Right: InvocationExpressionSyntax right } => right,
            InvocationExpressionSyntax call => call,
            _ => null,
        };
        if (invocation is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: InvocationExpressionSyntax inner } })
        {
            invocation = inner;
        }

        return invocation?.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }
}
