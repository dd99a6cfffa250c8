using System.Collections.Immutable;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace LambdaAnalyzers.Tests.Meta;

/// <summary>A project that does not reference Amazon.Lambda.Core pays for one compilation-start action per analyzer, nothing more.</summary>
public sealed class ProjectWithoutLambdaTests
{
    private const string Source = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.S3;

        namespace Amazon.Lambda.Core
        {
            // A look-alike declared in user code is not Lambda.
            public interface ILambdaContext { }
        }

        public class Function
        {
            public async Task<string> Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
            {
                using var http = new HttpClient();
                var s3 = new AmazonS3Client();
                return await http.GetStringAsync(input);
            }
        }
        """;

    private const string LambdaSource = """
        using System.Net.Http;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => new HttpClient().ToString()!;
        }
        """;

    public static IEnumerable<object[]> Analyzers => RuleCatalog.AnalyzerTypes.Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task WithoutAmazonLambdaCore_OnlyTheCompilationStartActionIsRegistered(string analyzerName)
    {
        var analyzer = Create(analyzerName);
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", Source)], TestReferences.AwsSdk);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var result = await AnalyzerRunner.RunAsync(compilation, [analyzer]);
        var telemetry = await result.Analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, RegisteredBeyondCompilationStart(telemetry));
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task WithAmazonLambdaCore_MoreActionsAreRegistered(string analyzerName)
    {
        // The control: the telemetry the test above relies on does count the actions of a Lambda project.
        var analyzer = Create(analyzerName);
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", LambdaSource)], FunctionProject.References);
        var result = await AnalyzerRunner.RunAsync(compilation, [analyzer]);
        var telemetry = await result.Analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        Assert.True(RegisteredBeyondCompilationStart(telemetry) > 0);
    }

    private static DiagnosticAnalyzer Create(string name) =>
        RuleCatalog.Analyzers.Single(a => a.GetType().Name == name);

    private static int RegisteredBeyondCompilationStart(AnalyzerTelemetryInfo telemetry) =>
        telemetry.CompilationEndActionsCount + telemetry.CompilationActionsCount + telemetry.SyntaxTreeActionsCount
        + telemetry.AdditionalFileActionsCount + telemetry.SemanticModelActionsCount + telemetry.SymbolActionsCount
        + telemetry.SymbolStartActionsCount + telemetry.SymbolEndActionsCount + telemetry.SyntaxNodeActionsCount
        + telemetry.CodeBlockStartActionsCount + telemetry.CodeBlockEndActionsCount + telemetry.CodeBlockActionsCount
        + telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationBlockEndActionsCount
        + telemetry.OperationBlockActionsCount + telemetry.SuppressionActionsCount;
}
