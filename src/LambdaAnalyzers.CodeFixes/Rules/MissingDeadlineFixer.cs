using System.Collections.Immutable;
using System.Threading.Tasks;
using LambdaAnalyzers.Deadlines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0009: passes the handler's deadline to the call; LMB0010: to the delays of the polling loop, which then stops at
/// the deadline. The deadline is the handler's existing deadline token, or a new
/// <c>using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime))</c> whose helper keeps a margin
/// (<c>lambda_analyzers.deadline_margin_ms</c>) before the timeout. Offered only in async handlers.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingDeadlineFixer))]
public sealed class MissingDeadlineFixer : CodeFixProvider
{
    internal const string Title = "Pass a deadline derived from RemainingTime";
    internal const string EquivalenceKey = "LMB0009.PassDeadline";
    internal const string LoopTitle = "Pass a deadline derived from RemainingTime to the loop's delay";
    internal const string LoopEquivalenceKey = "LMB0010.PassDeadlineToDelay";

    // Groups the diagnostics of a document by handler: one token source per handler, one helper per class.
    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(
        (context, document, diagnostics) => FixAllAsync(context, document, diagnostics));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingDeadline, RuleIdentifiers.PollingLoopWithoutDeadline);

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

            var forLoop = diagnostic.Id == RuleIdentifiers.PollingLoopWithoutDeadline;
            context.RegisterCodeFix(
                CodeAction.Create(
                    forLoop ? LoopTitle : Title,
                    ct => DeadlineRewriter.ApplyAsync(context.Document, [diagnostic], allowPartialTypes: true, ct),
                    forLoop ? LoopEquivalenceKey : EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeActionEquivalenceKey is not (EquivalenceKey or LoopEquivalenceKey))
        {
            return document;
        }

        // Two documents adding the helper to one partial class would declare it twice: such classes are fixed one
        // document at a time.
        return await DeadlineRewriter.ApplyAsync(document, diagnostics, allowPartialTypes: context.Scope == FixAllScope.Document, context.CancellationToken).ConfigureAwait(false);
    }
}
