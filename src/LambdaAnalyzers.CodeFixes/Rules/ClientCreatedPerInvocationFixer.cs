using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LambdaAnalyzers.Hoisting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0001: moves the creation out of the handler, into a field of the handler's class (initialized where declared,
/// or in every constructor when it reads instance members) or, for a handler lambda or local function, into a local
/// declared before it. Offered only when the result means the same and compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientCreatedPerInvocationFixer))]
public sealed class ClientCreatedPerInvocationFixer : CodeFixProvider
{
    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClientCreatedPerInvocation);

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
            if (HoistPlanner.TryPlan(root, semanticModel, diagnostic, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            var type = diagnostic.Properties[ClientCreatedPerInvocationAnalyzer.ClientTypeProperty];
            var title = plan.Target == HoistTarget.Local
                ? $"Create '{type}' once, before the handler"
                : $"Create '{type}' once, in a field";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => HoistRewriter.ApplyAsync(context.Document, [plan], ct), plan.EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return document;
        }

        var plans = new List<HoistPlan>();
        foreach (var diagnostic in diagnostics)
        {
            if (HoistPlanner.TryPlan(root, semanticModel, diagnostic, context.CancellationToken) is not { } plan
                || plan.EquivalenceKey != context.CodeActionEquivalenceKey)
            {
                continue;
            }

            // Two documents adding fields to one partial class could pick the same name: such classes are fixed
            // one document at a time.
            if (context.Scope != FixAllScope.Document && plan.TypeSymbol is { DeclaringSyntaxReferences.Length: > 1 })
            {
                continue;
            }

            plans.Add(plan);
        }

        return await HoistRewriter.ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
    }
}
