using System.Collections.Concurrent;
using System.Collections.Immutable;
using LambdaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// One run of a configuration: the summed execution time of its analyzers, each analyzer's telemetry, and the wall time
/// of the whole run (the driver's binding included).
/// </summary>
internal sealed record AnalyzerSample(TimeSpan ExecutionTime, ImmutableArray<(DiagnosticAnalyzer Analyzer, AnalyzerTelemetryInfo Telemetry)> Telemetry, TimeSpan WallTime);

/// <summary>
/// Every run of the benchmark methods, in order: the benchmarks run in process, so the cost report reads the telemetry
/// of the operations BenchmarkDotNet timed rather than running them again.
/// </summary>
internal static class Measurements
{
    public const string All = "(all)";
    public const string Empty = "(empty)";
    public const string EmptyBlockStart = "(empty block start)";
    public const string ReportInEveryFile = "(report in every file)";
    public const string AllAfterReportInEveryFile = "(all after report in every file)";
    public const string AllAfterReportInEveryFileReachOff = "(all after report in every file, reach_depth = 0)";

    private static readonly ConcurrentDictionary<CorpusKind, ConcurrentQueue<TimeSpan>> s_compiler = new();
    private static readonly ConcurrentDictionary<(CorpusKind, string), ConcurrentQueue<AnalyzerSample>> s_runs = new();

    public static void AddCompiler(CorpusKind kind, TimeSpan elapsed) => s_compiler.GetOrAdd(kind, _ => new()).Enqueue(elapsed);

    public static void AddRun(CorpusKind kind, string configuration, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalysisRun run) =>
        s_runs.GetOrAdd((kind, configuration), _ => new()).Enqueue(
            new AnalyzerSample(run.ExecutionTime(analyzers), [.. analyzers.Select(a => (a, run.Telemetry[a]))], run.WallTime));

    /// <summary>The last <paramref name="count"/> compiler runs: BenchmarkDotNet's measured iterations come after its warm-ups.</summary>
    public static IReadOnlyList<TimeSpan> Compiler(CorpusKind kind, int count) =>
        s_compiler.TryGetValue(kind, out var runs) ? runs.TakeLast(count).ToList() : [];

    /// <summary>The last <paramref name="count"/> runs of a configuration.</summary>
    public static IReadOnlyList<AnalyzerSample> Runs(CorpusKind kind, string configuration, int count) =>
        s_runs.TryGetValue((kind, configuration), out var runs) ? runs.TakeLast(count).ToList() : [];
}
