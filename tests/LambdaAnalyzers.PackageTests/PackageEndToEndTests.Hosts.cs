using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Amazon.Lambda.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// The packed assemblies in Roslyn 4.8, the oldest compiler the package supports, loaded as hosts load an analyzer
/// package: through an <see cref="AnalyzerFileReference"/> into a load context of their own, the analyzers run by
/// <see cref="CompilationWithAnalyzers"/>, and each code fix provider created by reflection.
/// </summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Roslyn_4_8_loads_the_packed_analyzers_and_applies_a_fix_of_every_fixable_rule()
    {
        var folder = ExtractPackageFolder(AnalyzerFolder);
        var loader = new PackageLoader();
        foreach (var dependency in Directory.GetFiles(folder, "*.dll"))
        {
            // Hosts register every assembly of the package's analyzer folder (YamlDotNet beside the analyzer).
            loader.AddDependencyLocation(dependency);
        }

        var analyzers = new AnalyzerFileReference(Path.Combine(folder, "LambdaAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp);
        var fixes = new AnalyzerFileReference(Path.Combine(folder, "LambdaAnalyzers.CodeFixes.dll"), loader);
        var tracked = File.ReadLines(Path.Combine(package.RepositoryRoot, "src", "LambdaAnalyzers", "AnalyzerReleases.Unshipped.md"))
            .Select(static line => line.Split('|')[0].Trim())
            .Where(static cell => cell.StartsWith("LMB", StringComparison.Ordinal))
            .Order();
        Assert.Equal(tracked, analyzers.SelectMany(static analyzer => analyzer.SupportedDiagnostics).Select(static d => d.Id).Distinct().Order());
        Assert.All(analyzers, analyzer => Assert.Equal(folder, Path.GetDirectoryName(analyzer.GetType().Assembly.Location)));

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: References()));
        var document = workspace.AddDocument(project.Id, "Function.cs", SourceText.From(File.ReadAllText(TemplatePath("HostFunction.cs.template"))));
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, static d => d.Id == "AD0001");

        var providers = FixProviders(fixes);
        var fixable = providers.SelectMany(static provider => provider.FixableDiagnosticIds).ToHashSet();
        Assert.Equal(["LMB0001", "LMB0002", "LMB0003", "LMB0004", "LMB0007", "LMB0008", "LMB0009", "LMB0010", "LMB0012", "LMB0015"], fixable.Order());
        foreach (var provider in providers)
        {
            foreach (var id in provider.FixableDiagnosticIds)
            {
                var diagnostic = diagnostics.FirstOrDefault(d => d.Id == id);
                Assert.True(diagnostic is not null, $"No {id} in the host test's function: " + string.Join(", ", diagnostics.Select(static d => d.Id)));

                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                Assert.True(actions.Count > 0, $"{provider.GetType().Name} offered no fix for {diagnostic}.");

                var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
                var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var fixedCompilation = (await changed.GetProject(project.Id)!.GetCompilationAsync())!;
                var errors = fixedCompilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, $"The {id} fix '{actions[0].Title}' does not compile: " + string.Join(Environment.NewLine, errors));
            }
        }
    }

    /// <summary>The fixers of the code-fix assembly, created by reflection as hosts create them.</summary>
    private static List<CodeFixProvider> FixProviders(AnalyzerFileReference reference)
    {
        var assembly = reference.GetAssembly();
        return assembly.GetTypes()
            .Where(static type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(static type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToList();
    }

    private static IEnumerable<MetadataReference> References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(static path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(ILambdaContext).Assembly.Location)
            .Append(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer).Assembly.Location)
            .Append(typeof(Amazon.Lambda.SQSEvents.SQSEvent).Assembly.Location)
            .Select(static path => MetadataReference.CreateFromFile(path));
    }

    /// <summary>
    /// Loads the package's assemblies into a context of their own, as hosts do; Roslyn and the framework come from the
    /// host, so that the analyzers' types are the host's.
    /// </summary>
    private sealed class PackageLoader : IAnalyzerAssemblyLoader
    {
        private readonly PackageContext _context = new();

        public void AddDependencyLocation(string fullPath) => _context.Add(fullPath);

        public Assembly LoadFromPath(string fullPath)
        {
            _context.Add(fullPath);
            return _context.LoadFromAssemblyPath(fullPath);
        }

        private sealed class PackageContext() : AssemblyLoadContext("LambdaAnalyzers package", isCollectible: false)
        {
            private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);

            public void Add(string fullPath)
            {
                lock (_paths)
                {
                    _paths[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;
                }
            }

            protected override Assembly? Load(AssemblyName name)
            {
                lock (_paths)
                {
                    return name.Name is { } simple && _paths.TryGetValue(simple, out var path) ? LoadFromAssemblyPath(path) : null;
                }
            }
        }
    }
}
