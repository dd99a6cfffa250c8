using System.Diagnostics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LambdaAnalyzers.Benchmarks;
using LambdaAnalyzers.Benchmarks.Corpus;

// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks [-- --cost-only | --quick] [--each-analyzer] [BenchmarkDotNet options]
// --cost-only runs the same operations in interleaved rounds without BenchmarkDotNet and prints the telemetry table
// alone: a quicker check after changing an analyzer. --quick runs only the compiler and all analyzers together on the
// Lambda-heavy compilation, and prints each analyzer's share: the quickest check, for profiling. --each-analyzer adds
// a run of each analyzer alone. --editor-latency times a reached file's diagnostics after an edit of its handler's file.
var started = Stopwatch.StartNew();
var costOnly = args.Contains("--cost-only");
var quick = args.Contains("--quick");
var eachAnalyzer = args.Contains("--each-analyzer");
var benchmarkArgs = args.Where(a => a is not ("--cost-only" or "--quick" or "--each-analyzer" or "--editor-latency")).ToArray();
if (args.Contains("--editor-latency"))
{
    await EditorLatency.RunAsync(Console.Out);
    return;
}

// By default each analyzer's share comes from the runs of all analyzers together; its own runs cost one more
// compilation each, which does not fit in the ten minutes the whole command should take.
if (!eachAnalyzer && !benchmarkArgs.Contains("--anyCategories") && !benchmarkArgs.Contains("--allCategories"))
{
    benchmarkArgs = [.. benchmarkArgs, "--anyCategories", AnalyzerBenchmarks.Together];
}

if (quick)
{
    await CostReport.RunQuickAsync(CostReport.Rounds, Console.Out);
    return;
}

// Generate and check both compilations first: a failed check stops here, before anything is timed.
foreach (var kind in Enum.GetValues<CorpusKind>())
{
    var stopwatch = Stopwatch.StartNew();
    var subject = Subjects.Get(kind);
    var reports = subject.ReportsById.IsEmpty ? "none" : string.Join(", ", subject.ReportsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
    Console.WriteLine(
        $"{kind}: {subject.Corpus.Files.Length} files, {subject.Corpus.Lines:N0} lines, {subject.Corpus.HandlerRoots} handler roots, "
        + $"{subject.Corpus.Violations} creating a client per invocation; 0 compiler errors; diagnostics: {reports} (checked in {stopwatch.Elapsed.TotalSeconds:F0} s)");
}

Summary? summary = null;
string source;
if (costOnly)
{
    await CostReport.RunRoundsAsync(CostReport.Rounds, eachAnalyzer, Console.Out);
    source = $"{CostReport.Rounds} interleaved rounds after a warm-up round (`--cost-only`)";
}
else
{
    summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(BenchmarkConfig.Create(), benchmarkArgs);
    source = $"the last {BenchmarkConfig.IterationCount} runs of each benchmark, BenchmarkDotNet's measured iterations";
}

var (markdown, targetsMet) = CostReport.Build(CostReport.Rounds, source);
var results = summary?.ResultsDirectoryPath ?? Path.Combine("BenchmarkDotNet.Artifacts", "results");
Directory.CreateDirectory(results);
var path = Path.GetFullPath(Path.Combine(results, "LambdaAnalyzers-cost-report.md"));
await File.WriteAllTextAsync(path, markdown);

Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"Written to {path}");
Console.WriteLine($"Targets {(targetsMet ? "met" : "MISSED (see **missed** above)")}; total run time {started.Elapsed:m\\:ss}.");
