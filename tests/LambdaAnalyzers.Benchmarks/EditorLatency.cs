using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using LambdaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// What an editor waits for after an edit: the file of a handler is changed (<c>ReplaceSyntaxTree</c>, a new
/// compilation as an IDE makes one), then the analyzers' semantic diagnostics of another file, one the handler reaches
/// through calls, are asked for (<c>GetAnalyzerSemanticDiagnosticsAsync</c> on that file only). With reach, that file's
/// first diagnostic needs the new compilation's reach index; <c>lambda_analyzers.reach_depth = 0</c> shows the same
/// question without it.
/// </summary>
internal static class EditorLatency
{
    private const int Rounds = 5;

    public static async Task RunAsync(TextWriter log)
    {
        var subject = Subjects.Get(CorpusKind.LambdaHeavy);
        var compilation = subject.Compilation;

        // Two files added to the Lambda-heavy compilation: a handler, and a helper of another file that it calls.
        var parseOptions = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var handlerTree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            namespace Contoso.Latency;

            public class LatencyHandler
            {
                public string Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => LatencyStorage.Open(input);
            }
            """, parseOptions, "/corpus/Latency/LatencyHandler.cs");
        var calleeTree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            namespace Contoso.Latency;

            public static class LatencyStorage
            {
                public static string Open(string key) => new Amazon.S3.AmazonS3Client().ToString() + key;
            }
            """, parseOptions, "/corpus/Latency/LatencyStorage.cs");
        compilation = compilation.AddSyntaxTrees(handlerTree, calleeTree);
        var run = await AnalysisRun.RunAsync(compilation, PackageAnalyzers.All).ConfigureAwait(false);
        var reached = run.Diagnostics.FirstOrDefault(d => d.Location.SourceTree?.FilePath == calleeTree.FilePath);
        if (reached is null)
        {
            log.WriteLine("The helper's client is not reported: nothing to measure.");
            return;
        }

        log.WriteLine($"Callee file {calleeTree.FilePath}, reported after an edit of {handlerTree.FilePath}: {reached.GetMessage(CultureInfo.InvariantCulture)}");
        // The deployment files are not edited: an editor keeps their texts from one compilation to the next.
        var deploymentFiles = DeploymentTemplate.For(compilation);
        foreach (var depth in new[] { 3, 0 })
        {
            var times = new List<double>();
            for (var round = 0; round <= Rounds; round++)
            {
                // A new compilation, as after a keystroke in the handler's file.
                var text = handlerTree.GetText();
                var edited = handlerTree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "\n// edit " + round + "\n")));
                var next = compilation.ReplaceSyntaxTree(handlerTree, edited);
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(deploymentFiles, new ReachDepthOptions(depth)),
                    onAnalyzerException: null,
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false);
                var withAnalyzers = next.WithAnalyzers(PackageAnalyzers.All, options);
                var calleeModel = next.GetSemanticModel(next.SyntaxTrees.Single(t => t.FilePath == calleeTree.FilePath));
                var stopwatch = Stopwatch.StartNew();
                var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(calleeModel, filterSpan: null, CancellationToken.None).ConfigureAwait(false);
                stopwatch.Stop();
                if (round > 0)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                if (round == 0)
                {
                    var count = diagnostics.Count(d => d.Location.SourceSpan == reached.Location.SourceSpan && d.Id == reached.Id);
                    log.WriteLine($"reach_depth = {depth}: the reached site is {(count == 1 ? "reported" : "not reported")} in the callee's file");
                }
            }

            times.Sort();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reach_depth = {depth}: callee file's semantic diagnostics after an edit, median of {Rounds}: {times[times.Count / 2]:N0} ms (min {times[0]:N0}, max {times[^1]:N0})"));
        }
    }
}
