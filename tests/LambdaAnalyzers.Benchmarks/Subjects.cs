using System.Collections.Concurrent;
using System.Collections.Immutable;
using LambdaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>A generated compilation, checked before anything is timed.</summary>
/// <param name="ReachedReports">The diagnostics in code a handler reaches through calls (their messages name the chain).</param>
internal sealed record Subject(GeneratedCorpus Corpus, CSharpCompilation Compilation, int CompilerWarnings, ImmutableDictionary<string, int> ReportsById, int ReachedReports);

/// <summary>Builds and checks the two compilations once per process; the benchmarks and the cost report share them.</summary>
internal static class Subjects
{
    /// <summary>A rule with fewer reports than this on the Lambda-heavy compilation is not exercised enough to measure.</summary>
    public const int MinimumReportsPerRule = 50;

    private static readonly ConcurrentDictionary<CorpusKind, Lazy<Subject>> s_subjects = new();

    public static Subject Get(CorpusKind kind) => s_subjects.GetOrAdd(kind, k => new Lazy<Subject>(() => Create(k))).Value;

    private static Subject Create(CorpusKind kind)
    {
        var corpus = CorpusGenerator.Generate(kind);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var references = kind == CorpusKind.LambdaHeavy ? [.. Framework, .. Lambda, .. AwsSdk] : Framework.AddRange(AwsSdk);
        var compilation = CSharpCompilation.Create(
            "Contoso." + kind,
            corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // One thread for the compiler as for the analyzers (concurrentAnalysis: false): the ratio compares work, not cores.
                concurrentBuild: false,
                // What the .NET SDK passes to csc: reference version mismatches are not worth a warning.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        var compilerDiagnostics = compilation.GetDiagnostics();
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            // Error types would make the analyzers silent and the measurement meaningless.
            throw new InvalidOperationException(
                $"The {kind} compilation has {errors.Count} compiler errors, for example:\n" + string.Join("\n", errors.Take(20)));
        }

        var referencesLambda = compilation.ReferencedAssemblyNames.Any(a => a.Name == "Amazon.Lambda.Core");
        if (referencesLambda != (kind == CorpusKind.LambdaHeavy))
        {
            throw new InvalidOperationException($"The {kind} compilation {(referencesLambda ? "references" : "does not reference")} Amazon.Lambda.Core.");
        }

        var run = AnalysisRun.RunAsync(compilation, PackageAnalyzers.All).GetAwaiter().GetResult();
        var reportsById = run.Diagnostics.GroupBy(d => d.Id).ToImmutableDictionary(g => g.Key, g => g.Count());
        if (kind == CorpusKind.LambdaHeavy)
        {
            var tooFew = PackageAnalyzers.All
                .SelectMany(a => PackageAnalyzers.Ids(a).Select(id => (Analyzer: PackageAnalyzers.Name(a), Id: id, Count: reportsById.GetValueOrDefault(id))))
                .Where(r => r.Count < MinimumReportsPerRule)
                .ToList();
            if (tooFew.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Every rule must report at least {MinimumReportsPerRule} times on the Lambda-heavy compilation to be measured; these do not: "
                    + string.Join(", ", tooFew.Select(r => $"{r.Id} ({r.Analyzer}): {r.Count}"))
                    + ". Extend the generator in Corpus/ with code that the rule reports.");
            }
        }
        else if (!run.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException(
                $"The analyzers reported {run.Diagnostics.Length} diagnostics on the compilation without Amazon.Lambda.Core, for example:\n"
                + string.Join("\n", run.Diagnostics.Take(10)));
        }

        var reached = run.Diagnostics.Count(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("(reached from '", StringComparison.Ordinal));
        return new Subject(corpus, compilation, compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning), reportsById, reached);
    }

    /// <summary>The running runtime's own assemblies (the trusted platform assemblies of the shared framework only).</summary>
    private static ImmutableArray<MetadataReference> Framework { get; } = CreateFramework();

    private static ImmutableArray<MetadataReference> Lambda { get; } =
    [
        FromType<Amazon.Lambda.Core.ILambdaContext>(),
        FromType<Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder>(),
        FromType<Amazon.Lambda.Annotations.LambdaFunctionAttribute>(),
        FromType<Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer>(),
        FromType<Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest>(),
        FromType<Amazon.Lambda.S3Events.S3Event>(),
        FromType<Amazon.Lambda.SQSEvents.SQSEvent>(),
        FromType<Amazon.Lambda.SNSEvents.SNSEvent>(),
        FromType<Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent>(),
    ];

    private static ImmutableArray<MetadataReference> AwsSdk { get; } =
    [
        FromType<Amazon.Runtime.AmazonServiceClient>(),
        FromType<Amazon.S3.AmazonS3Client>(),
        FromType<Amazon.DynamoDBv2.AmazonDynamoDBClient>(),
        FromType<Amazon.SQS.AmazonSQSClient>(),
        // The stand-in of AWSSDK.Lambda, which the feed does not serve.
        FromType<Amazon.Lambda.AmazonLambdaClient>(),
    ];

    private static ImmutableArray<MetadataReference> CreateFramework()
    {
        // The trusted platform assemblies also list this program's own dependencies (Roslyn, the stand-ins, the SDK):
        // keep those of the shared framework directory only, and add the others explicitly.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return
        [
            .. paths
                .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal) && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        ];
    }

    private static MetadataReference FromType<T>() => MetadataReference.CreateFromFile(typeof(T).Assembly.Location);
}
