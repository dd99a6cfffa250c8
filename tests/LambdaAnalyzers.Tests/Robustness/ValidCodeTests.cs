using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// tests/ValidLambdaCode: idiomatic Lambda code in every programming model and every shape the rules must not report.
/// Each file compiles without errors (so no analyzer is silenced by error types), and no analyzer reports or throws.
/// </summary>
public sealed class ValidCodeTests
{
    public static TheoryData<string> Files => new(CodeCorpus.ValidCodeFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ValidLambdaCode_CompilesAndNoAnalyzerReportsOrThrows(string file)
    {
        var compilation = await CodeCorpus.CompileValidFileAsync(file);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers);

        Assert.Empty(result.Crashes);

        // Suggestions (Info rules such as LMB0009: pass a deadline) may still apply to idiomatic code: almost no handler
        // passes deadlines today, which is why those rules are suggestions. A rule's own do-not-report file must be
        // silent for every rule, suggestions included.
        var ownRule = file.StartsWith("DoNotReport/", StringComparison.Ordinal) ? file["DoNotReport/".Length..].Split('.')[0] : null;
        Assert.Empty(result.Diagnostics
            .Where(d => d.DefaultSeverity != DiagnosticSeverity.Info || d.Id == ownRule)
            .Select(d => d.ToString()));
    }

    [Fact]
    public void EveryRuleHasItsDoNotReportFile()
    {
        var files = CodeCorpus.ValidCodeFiles().ToList();
        foreach (var rule in RuleCatalog.Rules)
        {
            Assert.Contains(files, f => f.StartsWith("DoNotReport/" + rule.Id, StringComparison.Ordinal));
        }
    }
}
