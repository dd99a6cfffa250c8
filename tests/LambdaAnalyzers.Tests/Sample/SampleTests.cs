using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Sample;

/// <summary>
/// The sample projects under tests/Sample, analyzed as the build sees them: the exact set of (rule, file, line) must
/// match tests/Sample/expected-diagnostics.txt.
/// </summary>
public sealed class SampleTests
{
    // What the SDK's ImplicitUsings adds to a console or class-library project.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly (string Name, OutputKind Kind)[] Projects =
    [
        ("InvoiceImporter", OutputKind.DynamicallyLinkedLibrary),
        ("NotificationsService", OutputKind.ConsoleApplication),
    ];

    [Fact]
    public async Task SampleReportsExactlyTheExpectedDiagnostics()
    {
        var actual = new List<string>();
        foreach (var (name, kind) in Projects)
        {
            var compilation = await CompileAsync(name, kind);
            var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers);
            Assert.Empty(result.Crashes);
            actual.AddRange(result.Diagnostics
                .Where(d => d.Id.StartsWith("LMB", StringComparison.Ordinal))
                .Select(d => Describe(d, name)));
        }

        var expected = File.ReadLines(Repository.PathOf("tests", "Sample", "expected-diagnostics.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SampleCompilesWithoutErrors()
    {
        foreach (var (name, kind) in Projects)
        {
            var compilation = await CompileAsync(name, kind);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    internal static IEnumerable<string> SourceFiles(string project)
    {
        var directory = Repository.PathOf("tests", "Sample", project);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    internal static Task<Microsoft.CodeAnalysis.CSharp.CSharpCompilation> CompileAsync(string project, OutputKind kind)
    {
        var sources = SourceFiles(project).Select(path => (path, File.ReadAllText(path))).Append(("GlobalUsings.g.cs", ImplicitUsings));
        return AnalyzerRunner.CompileAsync(sources, outputKind: kind, assemblyName: project);
    }

    private static string Describe(Diagnostic diagnostic, string project)
    {
        var span = diagnostic.Location.GetLineSpan();
        var relative = Path.GetRelativePath(Repository.PathOf("tests", "Sample"), span.Path).Replace(Path.DirectorySeparatorChar, '/');
        return $"{diagnostic.Id} {relative} {span.StartLinePosition.Line + 1}";
    }
}
