using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>
/// A new entry source or region source changes what the rules report without any rule knowing of it: here LMB0001
/// reports in code that only a fake source makes per-invocation.
/// </summary>
public sealed class ModelSeamTests
{
    private const string Source = """
        using Amazon.S3;

        public class Repository
        {
            public string Load(string key) => new AmazonS3Client().ToString()! + key;
        }

        public class Function
        {
            public string Process(string input) => new AmazonS3Client().ToString()! + input;
        }
        """;

    [Fact]
    public async Task WithoutAnExtraSource_NothingRunsPerInvocation()
    {
        var diagnostics = await RunClientRuleAsync("SeamControl");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task FakeRegionSource_MarksAHelperPerInvocation_AndTheRuleReportsInIt()
    {
        const string assembly = "SeamRegion";
        ModelSources.Register(assembly, [], [new FakeReachSource("Load")]);

        var diagnostics = await RunClientRuleAsync(assembly);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LMB0001", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task FakeEntrySource_MakesAMethodNamedByAHandlerStringAHandler_AndTheRuleReportsInIt()
    {
        const string assembly = "SeamEntry";
        ModelSources.Register(assembly, [new FakeHandlerStringSource("SeamEntry::Function::Process")], []);

        var diagnostics = await RunClientRuleAsync(assembly);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LMB0001", diagnostic.Id);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task OneCompilation_TwoAnalyzerOptionsWhoseAdditionalFilesDiffer_GiveDifferentHandlers()
    {
        const string assembly = "SeamFiles";
        ModelSources.Register(assembly, inputs => [new HandlerListSource(inputs)]);
        var compilation = await CompileAsync(assembly);
        var process = compilation.GetSymbolsWithName("Process").OfType<IMethodSymbol>().Single();
        var load = compilation.GetSymbolsWithName("Load").OfType<IMethodSymbol>().Single();
        var namesProcess = OptionsWith(SourceText.From("SeamFiles::Function::Process"));
        var namesLoad = OptionsWith(SourceText.From("SeamFiles::Repository::Load"));

        var processModel = LambdaModel.TryGet(compilation, namesProcess)!;
        var loadModel = LambdaModel.TryGet(compilation, namesLoad)!;

        Assert.NotSame(processModel, loadModel);
        Assert.True(processModel.Handlers.IsHandler(process, null, CancellationToken.None));
        Assert.False(processModel.Handlers.IsHandler(load, null, CancellationToken.None));
        Assert.False(loadModel.Handlers.IsHandler(process, null, CancellationToken.None));
        Assert.True(loadModel.Handlers.IsHandler(load, null, CancellationToken.None));
        Assert.Equal(9, Assert.Single(await RunClientRuleAsync(compilation, namesProcess)).Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(4, Assert.Single(await RunClientRuleAsync(compilation, namesLoad)).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task FactsFromAnAdditionalFile_AreReadOncePerSourceText()
    {
        const string assembly = "SeamFileCache";
        var reads = 0;
        var cache = new AdditionalFileCache<string>(text =>
        {
            Interlocked.Increment(ref reads);
            return text.ToString();
        });
        ModelSources.Register(assembly, inputs => [new HandlerListSource(inputs, cache)]);
        var compilation = await CompileAsync(assembly);
        var text = SourceText.From("SeamFileCache::Function::Process");

        // Two analyses (an IDE gives each its own options) over one unchanged file, then an edit of the file.
        LambdaModel.TryGet(compilation, OptionsWith(text));
        LambdaModel.TryGet(compilation, OptionsWith(text));
        Assert.Equal(1, reads);
        var edited = LambdaModel.TryGet(compilation, OptionsWith(text.WithChanges(new TextChange(new TextSpan(0, text.Length), "SeamFileCache::Repository::Load"))))!;
        Assert.Equal(2, reads);
        Assert.True(edited.Handlers.IsHandler(compilation.GetSymbolsWithName("Load").OfType<IMethodSymbol>().Single(), null, CancellationToken.None));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunClientRuleAsync(string assemblyName) =>
        await RunClientRuleAsync(await CompileAsync(assemblyName), options: null);

    private static async Task<Compilation> CompileAsync(string assemblyName)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", Source)], FunctionProject.References, assemblyName: assemblyName);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static async Task<ImmutableArray<Diagnostic>> RunClientRuleAsync(Compilation compilation, AnalyzerOptions? options)
    {
        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()], options);
        Assert.Empty(result.Crashes);
        return result.Diagnostics;
    }

    private static AnalyzerOptions OptionsWith(SourceText handlers) => new([new InMemoryAdditionalText("/project/handlers.txt", handlers)]);

    /// <summary>Takes the body of every method of one name for code a handler reaches.</summary>
    private sealed class FakeReachSource(string methodName) : IRegionSource
    {
        public void AddRegions(RegionRequest request, List<Region> regions)
        {
            if (request.OwningSymbol is IMethodSymbol { Name: var name } method && name == methodName)
            {
                foreach (var block in request.Blocks)
                {
                    regions.Add(new Region(block, RegionKind.Reached, method, lambdaContext: null, HoistTarget.Field));
                }
            }
        }
    }

    /// <summary>A handler string as a deployment file writes it: <c>Assembly::Namespace.Type::Method</c>.</summary>
    private sealed class FakeHandlerStringSource(string handler) : IEntrySource
    {
        public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
            handler == method.ContainingAssembly.Name + "::" + method.ContainingType.ToDisplayString() + "::" + method.Name;

        public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken) => true;
    }

    /// <summary>Handler strings listed one per line in an additional file named <c>handlers.txt</c>.</summary>
    private sealed class HandlerListSource(ModelInputs inputs, AdditionalFileCache<string>? cache = null) : IEntrySource
    {
        private static readonly AdditionalFileCache<string> s_texts = new(text => text.ToString());

        private readonly ImmutableHashSet<string> _handlers = inputs.AdditionalFiles
            .Where(file => Path.GetFileName(file.Path) == "handlers.txt")
            .SelectMany(file => (cache ?? s_texts).Get(file, CancellationToken.None)?.Split('\n') ?? [])
            .Select(line => line.Trim())
            .ToImmutableHashSet();

        public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
            _handlers.Contains(method.ContainingAssembly.Name + "::" + method.ContainingType.ToDisplayString() + "::" + method.Name);

        public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken) => true;
    }
}
