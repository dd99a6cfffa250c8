using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0006: a write to /tmp whose size, known at compile time, is larger than the function's ephemeral storage:
/// <c>File.WriteAllBytes</c> of an array of constant length, <c>SetLength</c> of a constant, and <c>Write</c> of a
/// constant-size buffer (once, or in a counted <c>for</c> loop) on a stream created on a /tmp path.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EphemeralStorageExceededAnalyzer : DiagnosticAnalyzer
{
    private const long Megabyte = 1024 * 1024;

    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.EphemeralStorageExceeded,
        "Write to /tmp exceeds ephemeral storage",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "/tmp is the only writable path of a Lambda function and holds 512 MB unless the function configures more (up to 10,240 MB). " +
            "A write larger than that fails with \"No space left on device\". Stream the data instead, raise the function's ephemeral " +
            "storage, or mount EFS.");

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "Writes about {0} MB to /tmp; ephemeral storage is {1} MB");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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

            var files = FileSystemModel.Get(compilationContext.Compilation);
            compilationContext.RegisterOperationAction(
                context =>
                {
                    // Most invocations are not writes: the name alone rules them out before anything is allocated.
                    if (((IInvocationOperation)context.Operation).TargetMethod.Name is "WriteAllBytes" or "WriteAllBytesAsync" or "SetLength" or "Write" or "WriteAsync")
                    {
                        Analyze(context, files);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, FileSystemModel files)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (new TmpWriteSize(files, invocation).Bytes() is not { } bytes || bytes <= LambdaOptions.DefaultEphemeralStorageMegabytes * Megabyte)
        {
            return;
        }

        var megabytes = LambdaOptions.EphemeralStorageMegabytes(context.Options, invocation.Syntax.SyntaxTree);
        if (bytes <= megabytes * Megabyte)
        {
            return;
        }

        // "About": rounded up, so that a write just over the limit never reads as equal to it.
        var shown = (bytes / Megabyte) + (bytes % Megabyte == 0 ? 0 : 1);
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            invocation.Syntax.GetLocation(),
            shown.ToString(CultureInfo.InvariantCulture),
            megabytes.ToString(CultureInfo.InvariantCulture)));
    }
}
