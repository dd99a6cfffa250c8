using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>The package's analyzers, found by reflection so that every future rule is measured too.</summary>
internal static class PackageAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
    [
        .. typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    public static IEnumerable<string> Names => All.Select(Name);

    public static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    public static DiagnosticAnalyzer ByName(string name) => All.Single(a => Name(a) == name);

    /// <summary>The distinct rule IDs an analyzer reports.</summary>
    public static IEnumerable<string> Ids(DiagnosticAnalyzer analyzer) => analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);
}

// The baseline is instantiated here and never shipped: the rules for analyzers that a compiler loads do not apply.
#pragma warning disable RS1036 // No EnforceExtendedAnalyzerRules in a benchmark program.
#pragma warning disable RS1041 // Not loaded by a compiler, so net10.0 is fine.
#pragma warning disable RS2008 // No release tracking for a rule that never reports.
#pragma warning disable RS1012 // Registering nothing at compilation start is the point.

/// <summary>
/// The baseline: an analyzer that registers a compilation start action and nothing else, which is what every
/// analyzer of the package should amount to in a project without Amazon.Lambda.Core.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new(
        "BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static _ => { });
    }
}

/// <summary>
/// Registers an operation block start action that does nothing: its telemetry is what the driver charges an analyzer
/// for being called once per operation block (8,255 blocks on the Lambda-heavy compilation), the floor of every rule
/// that decides per block what to look at.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyBlockStartAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new(
        "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => start.RegisterOperationBlockStartAction(static _ => { }));
    }
}

/// <summary>
/// Reports one diagnostic in every file, at the first operation the driver gives it there. With
/// <see cref="GeneratedCodeAnalysisFlags.None"/>, as every analyzer of the package and of the .NET SDK configures it, the
/// driver checks the first diagnostic reported in each file for generated code: it walks the file's tokens for a
/// <c>GeneratedCode</c> attribute, once per file and run, and the telemetry charges that walk to the analyzer that
/// reported. Alone, this analyzer's time is mostly that walk; placed before the package's analyzers, it reports first in
/// every file (the driver runs the analyzers of a block in order) and takes the walk off them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReportInEveryFileAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new(
        "BENCH0001", "One per file", "One per file", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly OperationKind[] s_allKinds = [.. Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None)];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var reported = new ConcurrentDictionary<SyntaxTree, bool>();
            start.RegisterOperationAction(
                operation =>
                {
                    if (reported.TryAdd(operation.Operation.Syntax.SyntaxTree, true))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(s_rule, operation.Operation.Syntax.GetLocation()));
                    }
                },
                s_allKinds);
        });
    }
}

#pragma warning restore RS1012
#pragma warning restore RS2008
#pragma warning restore RS1041
#pragma warning restore RS1036

/// <summary>One run of analyzers over a fresh copy of a compilation, as a host runs them.</summary>
internal sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry, TimeSpan WallTime)
{
    public static async Task<AnalysisRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            configOptions is null ? new AnalyzerOptions(DeploymentTemplate.For(compilation)) : new AnalyzerOptions(DeploymentTemplate.For(compilation), configOptions),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        // New syntax trees parsed from the files' texts, as a build has them, and so new symbols with nothing bound:
        // every run binds the whole compilation again, and what the package keeps per syntax tree for an editor's next
        // keystroke (ReachEdgeCache) starts empty, as in a build. Parsed before the clock starts: the compiler's time
        // does not include parsing either. (Trees made from a root alone have no text, and the first analyzer to ask
        // for one would pay for writing every file's text out again, which no build does.)
        var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(static tree =>
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                tree.GetText(), (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options, tree.FilePath)));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        stopwatch.Stop();

        if (!exceptions.IsEmpty || diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException(
                "An analyzer threw:\n" + string.Join("\n", exceptions.Select(e => e.ToString()).Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()))));
        }

        var telemetry = ImmutableDictionary.CreateBuilder<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
        foreach (var analyzer in analyzers)
        {
            telemetry[analyzer] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
        }

        return new AnalysisRun(diagnostics, telemetry.ToImmutable(), stopwatch.Elapsed);
    }

    /// <summary>The summed execution time of the given analyzers.</summary>
    public TimeSpan ExecutionTime(IEnumerable<DiagnosticAnalyzer> analyzers) =>
        analyzers.Aggregate(TimeSpan.Zero, (total, analyzer) => total + Telemetry[analyzer].ExecutionTime);
}

/// <summary>Options that give every file <c>lambda_analyzers.reach_depth</c>, and nothing else.</summary>
internal sealed class ReachDepthOptions(int depth) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(depth);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(int depth) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return key == "lambda_analyzers.reach_depth";
        }
    }
}
