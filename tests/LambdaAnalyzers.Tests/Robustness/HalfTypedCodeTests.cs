using System.Collections.Concurrent;
using System.Collections.Immutable;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Code as it looks while being typed: every source file of the corpus cut at every statement boundary and at seeded
/// random offsets. Each cut replaces one tree of an already-built compilation, and every analyzer runs over it; no
/// analyzer may throw.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HalfTypedCodeTests(ITestOutputHelper output)
{
    private const int RandomCuts = 300;
    private const int MaxCuts = 2000;
    private const int Seed = 20261122;

    [Fact]
    public async Task EveryCutOfTheCorpus_NoAnalyzerThrows()
    {
        var cuts = await PlanCutsAsync();
        var crashes = await RunAsync(cuts, RuleCatalog.Analyzers);

        output.WriteLine($"{cuts.Count} cuts in {cuts.Select(c => c.Tree.FilePath).Distinct().Count()} files");
        Assert.True(cuts.Count >= 500, $"Only {cuts.Count} cuts: the corpus is too small to mean anything.");
        Assert.Empty(crashes);
    }

    [Fact]
    public async Task ThrowingAnalyzer_IsCaughtByTheSameHarness()
    {
        // The control: the harness sees an analyzer that throws on half-typed code.
        var cuts = (await PlanCutsAsync()).Where((_, i) => i % 50 == 0).ToList();
        var crashes = await RunAsync(cuts, [new ThrowingAnalyzer()]);

        Assert.NotEmpty(crashes);
        Assert.Contains(crashes, c => c.Contains(ThrowingAnalyzer.Message, StringComparison.Ordinal));
    }

    internal sealed record Cut(CSharpCompilation Compilation, SyntaxTree Tree, int Offset)
    {
        public override string ToString() => $"{Path.GetFileName(Tree.FilePath)} cut at {Offset}";
    }

    /// <summary>Statement boundaries of every file, then seeded random offsets; at most <see cref="MaxCuts"/> in all.</summary>
    internal static async Task<IReadOnlyList<Cut>> PlanCutsAsync()
    {
        var trees = new List<(CSharpCompilation Compilation, SyntaxTree Tree)>();
        await foreach (var (_, compilation) in CodeCorpus.AllAsync())
        {
            trees.AddRange(compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).Select(t => (compilation, t)));
        }

        var random = new Random(Seed);
        var boundaries = new List<Cut>();
        foreach (var (compilation, tree) in trees)
        {
            var offsets = new SortedSet<int>();
            foreach (var statement in tree.GetRoot().DescendantNodes().OfType<StatementSyntax>())
            {
                offsets.Add(statement.SpanStart);
                offsets.Add(statement.Span.End);
            }

            boundaries.AddRange(offsets.Select(o => new Cut(compilation, tree, o)));
        }

        if (boundaries.Count > MaxCuts - RandomCuts)
        {
            boundaries = boundaries.OrderBy(_ => random.Next()).Take(MaxCuts - RandomCuts).ToList();
        }

        var cuts = new List<Cut>(boundaries);
        for (var i = 0; i < RandomCuts; i++)
        {
            var (compilation, tree) = trees[random.Next(trees.Count)];
            cuts.Add(new Cut(compilation, tree, random.Next(tree.Length + 1)));
        }

        return cuts;
    }

    /// <summary>Runs the analyzers over each cut; returns every exception and AD0001, described.</summary>
    internal static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<Cut> cuts, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var crashes = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cuts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (cut, cancellationToken) =>
        {
            var text = (await cut.Tree.GetTextAsync(cancellationToken)).GetSubText(new TextSpan(0, cut.Offset));
            var tree = cut.Tree.WithChangedText(text);
            var compilation = cut.Compilation.ReplaceSyntaxTree(cut.Tree, tree);
            var exceptions = new ConcurrentBag<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]),
                    onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false));
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken);
            foreach (var exception in exceptions)
            {
                crashes.Add($"{cut}: {exception}");
            }

            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                crashes.Add($"{cut}: {diagnostic}");
            }
        });

        return [.. crashes];
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public const string Message = "Deliberate failure of the harness's control analyzer";

        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException(Message), OperationKind.ObjectCreation);
        }
    }
}
