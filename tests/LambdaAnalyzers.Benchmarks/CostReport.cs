using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LambdaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// The analyzers' own execution time, as the driver's telemetry reports it, against the compiler's time on the same
/// compilation, from the runs of <see cref="AnalyzerBenchmarks"/>.
/// </summary>
internal static class CostReport
{
    /// <summary>Rounds of <c>--cost-only</c>, as many as BenchmarkDotNet's measured iterations.</summary>
    public const int Rounds = BenchmarkConfig.IterationCount;

    /// <summary>All analyzers together must cost less than this share of the compiler's time on the Lambda compilation.</summary>
    public const double LambdaTarget = 0.02;

    /// <summary>All analyzers together must cost less than this without Amazon.Lambda.Core.</summary>
    public static readonly TimeSpan WithoutLambdaTarget = TimeSpan.FromMilliseconds(1);

    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// Runs the benchmark methods without BenchmarkDotNet (<c>--cost-only</c>): a warm-up round, then
    /// <paramref name="rounds"/> rounds that run every configuration once, interleaved, so the machine's load falls on all alike.
    /// </summary>
    public static async Task RunRoundsAsync(int rounds, bool eachAnalyzer, TextWriter log)
    {
        foreach (var kind in Enum.GetValues<CorpusKind>())
        {
            var benchmarks = new AnalyzerBenchmarks { Corpus = kind };
            benchmarks.Setup();
            for (var round = 0; round <= rounds; round++)
            {
                log.WriteLine($"{kind}: {(round == 0 ? "warm-up round" : $"round {round} of {rounds}")}");
                benchmarks.Compiler_GetDiagnostics();
                await benchmarks.AllAnalyzers().ConfigureAwait(false);
                await benchmarks.AllAnalyzersAfterReportInEveryFile().ConfigureAwait(false);
                await benchmarks.EmptyBlockStartAnalyzer().ConfigureAwait(false);
                foreach (var name in eachAnalyzer ? AnalyzerBenchmarks.AnalyzerNames : [])
                {
                    await benchmarks.OneAnalyzer(name).ConfigureAwait(false);
                }

                await benchmarks.EmptyAnalyzer().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// <c>--quick</c>: the compiler and all analyzers together, interleaved, on the Lambda-heavy compilation only, after
    /// a warm-up round; prints the medians and each analyzer's execution time.
    /// </summary>
    public static async Task RunQuickAsync(int rounds, TextWriter log)
    {
        const CorpusKind kind = CorpusKind.LambdaHeavy;
        var benchmarks = new AnalyzerBenchmarks { Corpus = kind };
        benchmarks.Setup();
        for (var round = 0; round <= rounds; round++)
        {
            benchmarks.Compiler_GetDiagnostics();
            await benchmarks.AllAnalyzers().ConfigureAwait(false);
            await benchmarks.ReportInEveryFile().ConfigureAwait(false);
            await benchmarks.AllAnalyzersAfterReportInEveryFile().ConfigureAwait(false);
            await benchmarks.AllAnalyzersAfterReportInEveryFileReachOff().ConfigureAwait(false);
            await benchmarks.EmptyBlockStartAnalyzer().ConfigureAwait(false);
        }

        var compiler = Median(Measurements.Compiler(kind, rounds).Select(t => t.TotalMilliseconds));
        var subject = Subjects.Get(kind);
        log.WriteLine($"{subject.ReportsById.Values.Sum()} diagnostics, {subject.ReachedReports} of them in code a handler reaches through calls");
        var runs = Measurements.Runs(kind, Measurements.All, rounds);
        var all = Median(runs.Select(r => r.ExecutionTime.TotalMilliseconds));
        log.WriteLine(string.Create(s_culture, $"Compiler {compiler:N0} ms; all analyzers {all:N1} ms ({all / compiler:P2}; target < {LambdaTarget:P0})"));
        var check = Median(Measurements.Runs(kind, Measurements.ReportInEveryFile, rounds).Select(r => r.ExecutionTime.TotalMilliseconds));
        var after = Median(Measurements.Runs(kind, Measurements.AllAfterReportInEveryFile, rounds).Select(r => r.ExecutionTime.TotalMilliseconds));
        log.WriteLine(string.Create(s_culture, $"Reporting in every file (the driver's generated-code check) {check:N1} ms; all analyzers after it {after:N1} ms ({after / compiler:P2})"));
        var reachOff = Measurements.Runs(kind, Measurements.AllAfterReportInEveryFileReachOff, rounds);
        var afterOff = Median(reachOff.Select(r => r.ExecutionTime.TotalMilliseconds));
        log.WriteLine(string.Create(s_culture, $"All analyzers after it with reach_depth = 0: {afterOff:N1} ms ({afterOff / compiler:P2})"));

        // Wall time: who binds a member (the driver, or the reach index inside an analyzer) does not matter here.
        var wallCheck = Median(Measurements.Runs(kind, Measurements.ReportInEveryFile, rounds).Select(r => r.WallTime.TotalMilliseconds));
        var wallOn = Median(Measurements.Runs(kind, Measurements.AllAfterReportInEveryFile, rounds).Select(r => r.WallTime.TotalMilliseconds));
        var wallOff = Median(reachOff.Select(r => r.WallTime.TotalMilliseconds));
        log.WriteLine(string.Create(s_culture, $"Wall time of the run: ReportInEveryFileAnalyzer alone {wallCheck:N0} ms; with the package's analyzers {wallOn:N0} ms (+{wallOn - wallCheck:N0} ms, {(wallOn - wallCheck) / compiler:P2}); with reach_depth = 0 {wallOff:N0} ms (+{wallOff - wallCheck:N0} ms, {(wallOff - wallCheck) / compiler:P2})"));
        var blockStart = Median(Measurements.Runs(kind, Measurements.EmptyBlockStart, rounds).Select(r => r.ExecutionTime.TotalMilliseconds));
        log.WriteLine(string.Create(s_culture, $"An empty operation block start action: {blockStart:N1} ms"));
        var afterRuns = Measurements.Runs(kind, Measurements.AllAfterReportInEveryFile, rounds);
        log.WriteLine($"  {"Analyzer",-40} {"all",10} {"after",10}");
        foreach (var analyzer in PackageAnalyzers.All)
        {
            var median = Median(runs.Select(r => r.Telemetry.Single(t => t.Analyzer == analyzer).Telemetry.ExecutionTime.TotalMilliseconds));
            var medianAfter = Median(afterRuns.Select(r => r.Telemetry.Single(t => t.Analyzer == analyzer).Telemetry.ExecutionTime.TotalMilliseconds));
            log.WriteLine(string.Create(s_culture, $"  {PackageAnalyzers.Name(analyzer),-40} {median,7:N1} ms {medianAfter,7:N1} ms"));
        }
    }

    /// <summary>The table of the last <paramref name="samples"/> runs of every configuration, and whether the targets are met.</summary>
    public static (string Markdown, bool TargetsMet) Build(int samples, string source)
    {
        var rows = new StringBuilder();
        var met = true;
        foreach (var kind in Enum.GetValues<CorpusKind>())
        {
            var compiler = Measurements.Compiler(kind, samples);
            if (compiler.Count == 0)
            {
                continue;
            }

            var compilerMedian = Median(compiler.Select(t => t.TotalMilliseconds));
            var allRuns = Measurements.Runs(kind, Measurements.All, samples);
            if (allRuns.Count == 0)
            {
                rows.AppendLine($"| {Display(kind)} | all analyzers | not run | | | | | | |");
                continue;
            }

            // All analyzers together: the targets.
            var all = Median(allRuns.Select(r => r.ExecutionTime.TotalMilliseconds));
            var allOnlyStart = allRuns[^1].Telemetry.All(t => OnlyCompilationStart(t.Telemetry));
            bool allMet;
            string allTarget;
            if (kind == CorpusKind.LambdaHeavy)
            {
                allTarget = string.Create(s_culture, $"< {LambdaTarget:P0} of compiler");
                allMet = all / compilerMedian < LambdaTarget;
            }
            else
            {
                allTarget = string.Create(s_culture, $"< {WithoutLambdaTarget.TotalMilliseconds:F0} ms, compilation start only");
                allMet = all < WithoutLambdaTarget.TotalMilliseconds && allOnlyStart;
            }

            met &= allMet;
            AppendRow(rows, kind, $"all {PackageAnalyzers.All.Length} analyzers", all, compilerMedian, alone: null, "see rows below", allTarget, allMet);

            var afterRuns = Measurements.Runs(kind, Measurements.AllAfterReportInEveryFile, samples);
            if (afterRuns.Count > 0)
            {
                var after = Median(afterRuns.Select(r => r.ExecutionTime.TotalMilliseconds));
                AppendRow(rows, kind, $"all {PackageAnalyzers.All.Length}, run after ReportInEveryFileAnalyzer (without the driver's generated-code check)", after, compilerMedian, alone: null, "as above", string.Empty, null);
            }

            // Each analyzer: its share of the runs of all analyzers together, and its own runs when they were made.
            foreach (var analyzer in PackageAnalyzers.All)
            {
                var name = PackageAnalyzers.Name(analyzer);
                var within = Median(allRuns.Select(r => TelemetryOf(r, analyzer).ExecutionTime.TotalMilliseconds));
                var aloneRuns = Measurements.Runs(kind, name, samples);
                double? alone = aloneRuns.Count == 0 ? null : Median(aloneRuns.Select(r => r.ExecutionTime.TotalMilliseconds));
                var telemetry = TelemetryOf(allRuns[^1], analyzer);
                var onlyStart = OnlyCompilationStart(telemetry);
                var isWithout = kind == CorpusKind.WithoutLambdaCore;
                met &= !isWithout || onlyStart;
                AppendRow(rows, kind, name, within, compilerMedian, alone, Describe(telemetry), isWithout ? "compilation start only" : string.Empty, isWithout ? onlyStart : null);
            }

            var blockStartRuns = Measurements.Runs(kind, Measurements.EmptyBlockStart, samples);
            if (blockStartRuns.Count > 0)
            {
                var blockStart = Median(blockStartRuns.Select(r => r.ExecutionTime.TotalMilliseconds));
                AppendRow(rows, kind, "EmptyBlockStartAnalyzer (baseline, alone: an operation block start action that does nothing)", blockStart, compilerMedian, alone: null, Describe(blockStartRuns[^1].Telemetry[0].Telemetry), string.Empty, null);
            }

            var emptyRuns = Measurements.Runs(kind, Measurements.Empty, samples);
            if (emptyRuns.Count > 0)
            {
                var empty = Median(emptyRuns.Select(r => r.ExecutionTime.TotalMilliseconds));
                AppendRow(rows, kind, "EmptyAnalyzer (baseline, alone)", empty, compilerMedian, alone: null, Describe(emptyRuns[^1].Telemetry[0].Telemetry), string.Empty, null);
            }
        }

        var text = new StringBuilder();
        text.AppendLine("## Analyzer execution time against compiler time");
        text.AppendLine();
        text.AppendLine(Environment());
        text.AppendLine();
        text.AppendLine(string.Create(s_culture, $"Analyzer time: sum of `AnalyzerTelemetryInfo.ExecutionTime` of the package's analyzers (`CompilationWithAnalyzers`, `logAnalyzerExecutionTime: true`, `concurrentAnalysis: false`); for one analyzer, its own telemetry in the runs of all analyzers together, where whichever rule asks first pays for the shared model; \"Alone\": its telemetry in runs of its own (`--each-analyzer`), where it pays for the shared model by itself. Compiler time: wall time of `GetDiagnostics()` on a fresh `Clone()`. Medians of {source}."));
        text.AppendLine();
        text.AppendLine("| Compilation | Analyzers | Analyzer time | Compiler time | Analyzer / compiler | Alone (own runs) | Registered actions | Target | Result |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---|---|");
        text.Append(rows);
        text.AppendLine();
        text.AppendLine(Corpora());
        return (text.ToString(), met);
    }

    private static void AppendRow(StringBuilder rows, CorpusKind kind, string name, double time, double compiler, double? alone, string registered, string target, bool? result) =>
        rows.AppendLine(string.Create(
            s_culture,
            $"| {Display(kind)} | {name} | {FormatMs(time)} | {compiler:N0} ms | {time / compiler:P2} | {(alone is { } a ? FormatMs(a) : "not run")} | {registered} | {target} | {(result is null ? string.Empty : result.Value ? "met" : "**missed**")} |"));

    private static AnalyzerTelemetryInfo TelemetryOf(AnalyzerSample sample, DiagnosticAnalyzer analyzer) =>
        sample.Telemetry.Single(t => t.Analyzer == analyzer).Telemetry;

    private static string Corpora()
    {
        var text = new StringBuilder();
        text.AppendLine("| Compilation | Files | Lines | Handler roots | Roots creating a client per invocation | Diagnostics by rule | Compiler warnings |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---:|");
        foreach (var kind in Enum.GetValues<CorpusKind>())
        {
            var subject = Subjects.Get(kind);
            var corpus = subject.Corpus;
            var reports = subject.ReportsById.IsEmpty ? "none" : string.Join(", ", subject.ReportsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
            text.AppendLine(string.Create(
                s_culture,
                $"| {Display(kind)} | {corpus.Files.Length} | {corpus.Lines:N0} | {corpus.HandlerRoots} | {corpus.Violations} | {reports} | {subject.CompilerWarnings:N0} |"));
        }

        return text.ToString();
    }

    private static string Environment()
    {
        var roslyn = typeof(CSharpCompilation).Assembly.GetName().Version;
        var load = File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return string.Create(
            s_culture,
            $"{DateTime.Now:yyyy-MM-dd HH:mm}, {RuntimeInformation.OSDescription.Trim()}, {System.Environment.ProcessorCount} cores, .NET {System.Environment.Version}, Microsoft.CodeAnalysis {roslyn}; load average (1, 5, 15 minutes) at the end of the run: {load}.");
    }

    /// <summary>Whether an analyzer registered nothing but compilation start actions.</summary>
    private static bool OnlyCompilationStart(AnalyzerTelemetryInfo info) => Counts(info).All(c => c.Name == "CompilationStart" || c.Count == 0);

    private static string Describe(AnalyzerTelemetryInfo info)
    {
        var registered = Counts(info).Where(c => c.Count > 0).Select(c => $"{c.Name} {c.Count:N0}").ToList();
        return registered.Count == 0 ? "none" : string.Join(", ", registered);
    }

    private static IEnumerable<(string Name, int Count)> Counts(AnalyzerTelemetryInfo info) =>
    [
        ("CompilationStart", info.CompilationStartActionsCount),
        ("CompilationEnd", info.CompilationEndActionsCount),
        ("Compilation", info.CompilationActionsCount),
        ("SyntaxTree", info.SyntaxTreeActionsCount),
        ("AdditionalFile", info.AdditionalFileActionsCount),
        ("SemanticModel", info.SemanticModelActionsCount),
        ("Symbol", info.SymbolActionsCount),
        ("SymbolStart", info.SymbolStartActionsCount),
        ("SymbolEnd", info.SymbolEndActionsCount),
        ("SyntaxNode", info.SyntaxNodeActionsCount),
        ("CodeBlockStart", info.CodeBlockStartActionsCount),
        ("CodeBlockEnd", info.CodeBlockEndActionsCount),
        ("CodeBlock", info.CodeBlockActionsCount),
        ("OperationBlockStart", info.OperationBlockStartActionsCount),
        ("OperationBlockEnd", info.OperationBlockEndActionsCount),
        ("OperationBlock", info.OperationBlockActionsCount),
        ("Operation", info.OperationActionsCount),
        ("Suppression", info.SuppressionActionsCount),
    ];

    private static string Display(CorpusKind kind) => kind == CorpusKind.LambdaHeavy ? "(a) Lambda-heavy" : "(b) without Amazon.Lambda.Core";

    private static string FormatMs(double milliseconds) =>
        milliseconds >= 100 ? milliseconds.ToString("N0", s_culture) + " ms" : milliseconds.ToString("0.###", s_culture) + " ms";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
