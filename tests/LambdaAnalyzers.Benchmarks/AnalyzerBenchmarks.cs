using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LambdaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Perfolizer.Horology;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// Wall time of a full compiler pass and of the analyzer driver over the same compilation, on a fresh copy each time.
/// When an analyzer registers more than a compilation start action, the driver compiles the whole compilation to feed
/// it, so the run's time includes the compiler's: compare it with <see cref="Compiler_GetDiagnostics"/>.
/// </summary>
public class AnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_empty = [new EmptyAnalyzer()];
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_reportInEveryFile = [new ReportInEveryFileAnalyzer()];
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_emptyBlockStart = [new EmptyBlockStartAnalyzer()];

    private Compilation _compilation = null!;

    [ParamsAllValues]
    public CorpusKind Corpus { get; set; }

    public static IEnumerable<string> AnalyzerNames => PackageAnalyzers.Names;

    [GlobalSetup]
    public void Setup() => _compilation = Subjects.Get(Corpus).Compilation;

    /// <summary>Benchmarks that run by default; the others need <c>--each-analyzer</c>.</summary>
    public const string Together = "Together";

    /// <summary>Each analyzer alone: one more compilation per analyzer, too long for the default run.</summary>
    public const string Alone = "Alone";

    [Benchmark]
    [BenchmarkCategory(Together)]
    public int Compiler_GetDiagnostics()
    {
        var stopwatch = Stopwatch.StartNew();
        var count = _compilation.Clone().GetDiagnostics().Length;
        Measurements.AddCompiler(Corpus, stopwatch.Elapsed);
        return count;
    }

    [Benchmark]
    [BenchmarkCategory(Together)]
    public Task<int> EmptyAnalyzer() => RunAsync(Measurements.Empty, s_empty);

    /// <summary>The driver's cost of calling an analyzer once per operation block; nothing to do on (b), where no rule registers one.</summary>
    [Benchmark]
    [BenchmarkCategory(Together)]
    public Task<int> EmptyBlockStartAnalyzer() => Corpus == CorpusKind.LambdaHeavy ? RunAsync(Measurements.EmptyBlockStart, s_emptyBlockStart) : Task.FromResult(0);

    [Benchmark]
    [BenchmarkCategory(Together)]
    public Task<int> AllAnalyzers() => RunAsync(Measurements.All, PackageAnalyzers.All);

    /// <summary>
    /// The driver's generated-code check of every file, which the telemetry charges to the first analyzer reporting in
    /// it (<c>--quick</c> only: the benchmark below shows the same from the other side).
    /// </summary>
    public Task<int> ReportInEveryFile() => RunAsync(Measurements.ReportInEveryFile, s_reportInEveryFile);

    /// <summary>
    /// All analyzers, after an analyzer that has reported in every file: their time without the driver's generated-code
    /// check. On the compilation without Amazon.Lambda.Core nothing is reported, so nothing is checked: not run there.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Together)]
    public Task<int> AllAnalyzersAfterReportInEveryFile() => Corpus == CorpusKind.LambdaHeavy
        ? RunAsync(Measurements.AllAfterReportInEveryFile, [.. s_reportInEveryFile, .. PackageAnalyzers.All])
        : Task.FromResult(0);

    /// <summary>
    /// As above with <c>lambda_analyzers.reach_depth = 0</c> in every file (<c>--quick</c> only): what following calls
    /// costs, in the analyzers' time and in the run's wall time.
    /// </summary>
    public Task<int> AllAnalyzersAfterReportInEveryFileReachOff() =>
        RunAsync(Measurements.AllAfterReportInEveryFileReachOff, [.. s_reportInEveryFile, .. PackageAnalyzers.All], new ReachDepthOptions(0));

    [Benchmark]
    [BenchmarkCategory(Alone)]
    [ArgumentsSource(nameof(AnalyzerNames))]
    public Task<int> OneAnalyzer(string analyzer) => RunAsync(analyzer, [PackageAnalyzers.ByName(analyzer)]);

    // The runs' telemetry is kept: the cost report is computed from the very runs BenchmarkDotNet timed.
    private async Task<int> RunAsync(string configuration, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var run = await AnalysisRun.RunAsync(_compilation, analyzers, configOptions).ConfigureAwait(false);
        // The package's analyzers only: a baseline run alongside them is not counted.
        var counted = configuration is Measurements.AllAfterReportInEveryFile or Measurements.AllAfterReportInEveryFileReachOff
            ? [.. analyzers.Where(a => a is not ReportInEveryFileAnalyzer)]
            : analyzers;
        Measurements.AddRun(Corpus, configuration, counted, run);
        return run.Diagnostics.Length;
    }
}

/// <summary>
/// A short job: each operation takes seconds, and the whole run must fit in ten minutes on two cores. Add
/// <c>--memory</c> on the command line for allocations (one more operation per benchmark).
/// </summary>
internal static class BenchmarkConfig
{
    public const int WarmupCount = 2;
    public const int IterationCount = 5;

    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithId("Short")
            // In process: the compilations are generated and checked once, and no project is generated and built.
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
            // Monitoring: each operation takes seconds, so no pilot stage and no overhead evaluation.
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithInvocationCount(1)
            .WithUnrollFactor(1))
        // The analyzer's name is the argument of OneAnalyzer: show it whole; times run from milliseconds to seconds.
        .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(48).WithTimeUnit(TimeUnit.Millisecond));
}
