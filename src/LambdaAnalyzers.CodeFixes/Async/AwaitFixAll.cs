using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaAnalyzers.Async;

/// <summary>Plans one diagnostic of a document as an await site, or returns null when no await can be added there.</summary>
internal delegate Task<AwaitSite?> AwaitSitePlanner(Document document, SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken);

/// <summary>
/// Fix All for the fixes that add <c>await</c>: every site of a document is planned against the original document,
/// then applied in one pass, so that a handler method holding several sites becomes async once.
/// </summary>
internal static class AwaitFixAll
{
    public static FixAllProvider Create(string equivalenceKey, AwaitSitePlanner planner) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (context.CodeActionEquivalenceKey != equivalenceKey)
            {
                return document;
            }

            var sites = await PlanAllAsync(document, diagnostics, planner, context.CancellationToken).ConfigureAwait(false);
            return sites.Count == 0 ? document : await AwaitRewriter.ApplyAsync(document, sites, context.CancellationToken).ConfigureAwait(false);
        });

    public static async Task<IReadOnlyList<AwaitSite>> PlanAllAsync(
        Document document,
        IEnumerable<Diagnostic> diagnostics,
        AwaitSitePlanner planner,
        CancellationToken cancellationToken)
    {
        var sites = new List<AwaitSite>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return sites;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (await planner(document, root, semanticModel, diagnostic, cancellationToken).ConfigureAwait(false) is { } site)
            {
                sites.Add(site);
            }
        }

        return sites;
    }
}
