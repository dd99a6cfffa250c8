using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0017: a deployment file (by its name) that the package cannot read: not well formed, larger than 2 MB or nested
/// deeper than 64 levels. Its handlers are then neither found nor checked, so the file says so, on its first line, with
/// the reason and the line where reading stopped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeploymentFileNotReadAnalyzer : DiagnosticAnalyzer
{
    private const string Consequence = "; the handlers it names are not analyzed";

    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.DeploymentFileNotRead,
        "Deployment file not read",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        "The package reads the deployment files of a project (aws-lambda-tools-defaults.json, serverless.template, " +
            "template.yaml, serverless.yml) to find the methods their handler strings name, which every rule then treats " +
            "as handlers, and to check those strings (LMB0011). A file it cannot read is skipped: its handlers are " +
            "analyzed as ordinary methods, and a handler string that names nothing goes unnoticed.");

    internal static readonly DiagnosticDescriptor NotWellFormed = s_descriptors.Create(
        "'{0}' is not read: it is not well formed at line {1}" + Consequence);

    internal static readonly DiagnosticDescriptor NotWellFormedBecause = s_descriptors.Create(
        "'{0}' is not read: it is not well formed at line {1} ({2})" + Consequence);

    internal static readonly DiagnosticDescriptor TooLarge = s_descriptors.Create(
        "'{0}' is not read: it is larger than " + DeploymentFileReader.MaximumLength / (1024 * 1024) + " MB" + Consequence);

    internal static readonly DiagnosticDescriptor TooDeep = s_descriptors.Create(
        "'{0}' is not read: it is nested deeper than " + DeploymentFileReader.MaximumDepth + " levels at line {1}" + Consequence);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(NotWellFormed, NotWellFormedBecause, TooLarge, TooDeep);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is null)
            {
                return;
            }

            compilationContext.RegisterAdditionalFileAction(static fileContext => Analyze(fileContext));
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (DeploymentFile.TryGet(file, context.Options, context.CancellationToken) is not { Problem: { } problem }
            || file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var name = System.IO.Path.GetFileName(file.Path);
        var line = problem.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var diagnostic = problem.Kind switch
        {
            DeploymentFileProblemKind.TooLarge => Diagnostic.Create(TooLarge, FirstLine(file, text), name),
            DeploymentFileProblemKind.TooDeep => Diagnostic.Create(TooDeep, FirstLine(file, text), name, line),
            _ when problem.Reason is { } reason => Diagnostic.Create(NotWellFormedBecause, FirstLine(file, text), name, line, reason),
            _ => Diagnostic.Create(NotWellFormed, FirstLine(file, text), name, line),
        };
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>The first line of the file: one place per file, whatever the line where reading stopped.</summary>
    private static Location FirstLine(AdditionalText file, SourceText text)
    {
        var span = text.Lines[0].Span;
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
