using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Robustness;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LambdaAnalyzers.Tests.Sample;

/// <summary>
/// The sample projects under tests/Sample, analyzed as the build sees them (their C# files and the deployment files
/// their project files list): the exact set of (rule, file, line) must match tests/Sample/expected-diagnostics.txt.
/// </summary>
public sealed class SampleTests
{
    [Fact]
    public async Task SampleReportsExactlyTheExpectedDiagnostics()
    {
        var actual = new List<string>();
        foreach (var (name, kind) in CodeCorpus.SampleProjects)
        {
            var compilation = await CodeCorpus.CompileSampleAsync(name, kind);
            var options = new AnalyzerOptions(CodeCorpus.SampleAdditionalFiles(name));
            var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers, options);
            Assert.Empty(result.Crashes);
            actual.AddRange(result.Diagnostics
                .Where(d => d.Id.StartsWith("LMB", StringComparison.Ordinal))
                .Select(Describe));
        }

        var expected = File.ReadLines(Repository.PathOf("tests", "Sample", "expected-diagnostics.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SampleCompilesWithoutErrors()
    {
        foreach (var (name, kind) in CodeCorpus.SampleProjects)
        {
            var compilation = await CodeCorpus.CompileSampleAsync(name, kind);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var relative = Path.GetRelativePath(Repository.PathOf("tests", "Sample"), span.Path).Replace(Path.DirectorySeparatorChar, '/');
        return $"{diagnostic.Id} {relative} {span.StartLinePosition.Line + 1}";
    }
}
