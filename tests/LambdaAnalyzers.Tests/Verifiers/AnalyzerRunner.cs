using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers over a compilation the way a host does (<see cref="CompilationWithAnalyzers"/>), recording every
/// exception an analyzer throws instead of letting the driver turn it into an AD0001 diagnostic only.
/// </summary>
internal static class AnalyzerRunner
{
    public static async Task<CSharpCompilation> CompileAsync(
        IEnumerable<(string Path, string Text)> sources,
        IEnumerable<MetadataReference>? references = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "Test",
        ReferenceAssemblies? framework = null)
    {
        var frameworkReferences = await (framework ?? TestReferences.Net80).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)),
            frameworkReferences.AddRange(references ?? TestReferences.All),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static async Task<Result> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions([]),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new Result(withAnalyzers, diagnostics, [.. exceptions]);
    }

    /// <summary>
    /// The diagnostics one analyzer reports over one file of a function project that compiles without errors, for
    /// reading what a diagnostic carries to its fixer; the analyzer must not throw.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> ReportAsync(DiagnosticAnalyzer analyzer, string source, AnalyzerOptions? options = null)
    {
        var compilation = await CompileAsync([("/src/Function.cs", source)], FunctionProject.References);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The source does not compile: " + string.Join("; ", errors));
        }

        var result = await RunAsync(compilation, [analyzer], options);
        if (result.Crashes.Count > 0)
        {
            throw new InvalidOperationException("The analyzer threw: " + string.Join("; ", result.Crashes));
        }

        return result.Diagnostics;
    }

    internal sealed record Result(CompilationWithAnalyzers Analysis, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)
    {
        /// <summary>Exceptions and AD0001 diagnostics, described for an assertion message.</summary>
        public IReadOnlyList<string> Crashes =>
            [.. Exceptions.Select(e => e.ToString()), .. Diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString())];
    }
}
