using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LambdaAnalyzers.Deadlines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0009: passes the handler's deadline to the call: its existing deadline token, or a new
/// <c>using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime))</c> whose helper keeps a margin
/// (<c>lambda_analyzers.deadline_margin_ms</c>) before the timeout. Offered only in async handlers.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingDeadlineFixer)), Shared]
public sealed class MissingDeadlineFixer : CodeFixProvider
{
    internal const string Title = "Pass a deadline derived from RemainingTime";
    internal const string EquivalenceKey = "LMB0009.PassDeadline";

    // Groups the diagnostics of a document by handler: one token source per handler, one helper per class.
    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(
        (context, document, diagnostics) => FixAllAsync(context, document, diagnostics));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingDeadline);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var (calls, _) = await DeadlineRewriter.PlanAsync(context.Document, [diagnostic], allowPartialTypes: true, context.CancellationToken).ConfigureAwait(false);
            if (calls.IsEmpty)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => DeadlineRewriter.ApplyAsync(context.Document, [diagnostic], allowPartialTypes: true, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeActionEquivalenceKey != EquivalenceKey)
        {
            return document;
        }

        // Two documents adding the helper to one partial class would declare it twice: such classes are fixed one
        // document at a time.
        return await DeadlineRewriter.ApplyAsync(document, diagnostics, allowPartialTypes: context.Scope == FixAllScope.Document, context.CancellationToken).ConfigureAwait(false);
    }
}
