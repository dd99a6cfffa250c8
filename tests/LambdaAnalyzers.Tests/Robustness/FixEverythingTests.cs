using System.Collections.Immutable;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Every diagnostic the analyzers report on the sample projects, fixed one at a time and with Fix All: the result
/// compiles, reports no new LMB diagnostic, and the fixed diagnostic is gone. A fixer that declines every case fails.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FixEverythingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EverySampleDiagnostic_FixedOneAtATime_CompilesWithNoNewDiagnostic()
    {
        var solution = await CreateSampleSolutionAsync();
        var before = await AnalyzeAsync(solution);
        var fixedPerRule = RuleCatalog.FixableIds.ToDictionary(id => id, _ => 0);

        foreach (var diagnostic in before.Where(d => RuleCatalog.FixableIds.Contains(d.Id)))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var action = await FirstFixAsync(document, diagnostic);
            if (action is null)
            {
                output.WriteLine($"no fix offered: {diagnostic}");
                continue;
            }

            var fixedSolution = await ApplyAsync(action);
            await AssertCompilesAsync(fixedSolution, diagnostic.ToString());
            var after = await AnalyzeAsync(fixedSolution);
            var expected = Keys(before).ToList();
            expected.Remove(Key(diagnostic));
            Assert.Equal(expected.Order(StringComparer.Ordinal), Keys(WithoutNewSuggestions(after, before, diagnostic.Id)).Order(StringComparer.Ordinal));
            fixedPerRule[diagnostic.Id]++;
        }

        foreach (var (id, count) in fixedPerRule)
        {
            output.WriteLine($"{id}: {count} of {before.Count(d => d.Id == id)} diagnostics fixed one at a time");
            Assert.True(count >= 1, $"The fixer of {id} fixed none of the sample's diagnostics.");
        }
    }

    [Fact]
    public async Task FixAllOnTheSample_CompilesWithNoNewDiagnostic()
    {
        var solution = await CreateSampleSolutionAsync();
        var before = await AnalyzeAsync(solution);

        foreach (var fixer in RuleCatalog.Fixers)
        {
            // A fixer may decline Fix All on purpose (LMB0008: each fix is a judgment call); it is checked one at a time.
            var provider = fixer.GetFixAllProvider();
            if (provider is null)
            {
                continue;
            }

            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var targets = before.Where(d => d.Id == id).ToList();
                var keys = new HashSet<string>();
                foreach (var diagnostic in targets)
                {
                    foreach (var action in await FixesAsync(solution.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, fixer))
                    {
                        keys.Add(action.EquivalenceKey!);
                    }
                }

                var current = solution;
                foreach (var key in keys.Order(StringComparer.Ordinal))
                {
                    var currentDiagnostics = await AnalyzeAsync(current);
                    var trigger = currentDiagnostics.First(d => d.Id == id);
                    var context = new FixAllContext(
                        current.GetDocument(trigger.Location.SourceTree)!,
                        fixer,
                        FixAllScope.Solution,
                        key,
                        [id],
                        new Diagnostics(currentDiagnostics),
                        CancellationToken.None);
                    var action = await provider!.GetFixAsync(context);
                    Assert.NotNull(action);
                    current = await ApplyAsync(action!);
                    await AssertCompilesAsync(current, $"Fix All {id} ({key})");
                }

                var after = await AnalyzeAsync(current);
                var remaining = Keys(before).ToList();
                foreach (var key in Keys(WithoutNewSuggestions(after, before, id)))
                {
                    Assert.True(remaining.Remove(key), $"Fix All {id} introduced {key}");
                }

                var fixedCount = targets.Count - after.Count(d => d.Id == id);
                output.WriteLine($"{id}: Fix All fixed {fixedCount} of {targets.Count}");
                Assert.True(fixedCount >= 1, $"Fix All of {id} fixed none of the sample's diagnostics.");
            }
        }
    }

    private static async Task<Solution> CreateSampleSolutionAsync()
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        foreach (var (name, kind) in CodeCorpus.SampleProjects)
        {
            var projectId = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: framework.AddRange(FunctionProject.References)));
            foreach (var path in CodeCorpus.SampleFiles(name))
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(File.ReadAllText(path)), filePath: path);
            }

            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(CodeCorpus.ImplicitUsings), filePath: name + "/GlobalUsings.g.cs");
        }

        await AssertCompilesAsync(solution, "the sample as it is");
        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers);
            Assert.Empty(result.Crashes);
            all.AddRange(result.Diagnostics.Where(d => d.Id.StartsWith("LMB", StringComparison.Ordinal)));
        }

        return all.ToImmutable();
    }

    private static async Task AssertCompilesAsync(Solution solution, string after)
    {
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            Assert.True(errors.Count == 0, $"{project.Name} does not compile after {after}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    private static async Task<CodeAction?> FirstFixAsync(Document document, Diagnostic diagnostic)
    {
        foreach (var fixer in RuleCatalog.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            if ((await FixesAsync(document, diagnostic, fixer)).FirstOrDefault() is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<CodeAction>> FixesAsync(Document document, Diagnostic diagnostic, CodeFixProvider fixer)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>
    /// Drops diagnostics of other suggestion (Info) rules that a fix brings to light: LMB0004's fix turns
    /// <c>Thread.Sleep</c> into <c>await Task.Delay</c>, which LMB0009 then suggests giving a deadline. Warnings and
    /// errors, and the fixed rule's own diagnostics, are all kept.
    /// </summary>
    private IEnumerable<Diagnostic> WithoutNewSuggestions(ImmutableArray<Diagnostic> after, ImmutableArray<Diagnostic> before, string fixedId)
    {
        var known = Keys(before).ToHashSet();
        foreach (var diagnostic in after)
        {
            if (diagnostic.Id != fixedId && diagnostic.DefaultSeverity == DiagnosticSeverity.Info && !known.Contains(Key(diagnostic)))
            {
                output.WriteLine($"suggestion brought to light by a {fixedId} fix: {diagnostic}");
                continue;
            }

            yield return diagnostic;
        }
    }

    /// <summary>A diagnostic by rule, file and message: lines move when code is fixed.</summary>
    private static string Key(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {Path.GetFileName(diagnostic.Location.SourceTree?.FilePath)} {diagnostic.GetMessage()}";

    private static IEnumerable<string> Keys(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(Key);

    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => project.Documents.Any(doc => doc.FilePath == d.Location.SourceTree?.FilePath)));
    }
}
