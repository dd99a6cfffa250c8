using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

    private static async Task<ImmutableArray<Diagnostic>> RunClientRuleAsync(string assemblyName)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", Source)], FunctionProject.References, assemblyName: assemblyName);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()]);
        Assert.Empty(result.Crashes);
        return result.Diagnostics;
    }

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
    }
}
