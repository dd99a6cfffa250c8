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
/// constant-size buffer (once, or in a counted <c>for</c> loop) on a stream created on a /tmp path. The limit is the
/// smallest ephemeral storage of the functions whose entries reach the write, when a deployment file gives it
/// (<see cref="FunctionLimitsCatalog"/>), and <c>lambda_analyzers.ephemeral_storage_mb</c> otherwise.
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

    /// <summary>The same, when a deployment file gives the ephemeral storage of the function the write runs in.</summary>
    internal static readonly DiagnosticDescriptor FunctionRule = s_descriptors.Create(
        "Writes about {0} MB to /tmp; the function '{1}' has {2} MB of ephemeral storage");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, FunctionRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model)
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
                        Analyze(context, files, model);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, FileSystemModel files, LambdaModel model)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (new TmpWriteSize(files, invocation).Bytes() is not { } bytes || bytes <= LambdaOptions.DefaultEphemeralStorageMegabytes * Megabyte)
        {
            return;
        }

        // Asked only of the rare write larger than the least storage a function has.
        var functions = model.Limits.GetFunctions(model.GetRegion(invocation, context.ContainingSymbol, context.CancellationToken));
        var function = FunctionLimits.WithSmallestEphemeralStorage(functions);
        var megabytes = function?.EphemeralStorageMegabytes ?? LambdaOptions.EphemeralStorageMegabytes(context.Options, invocation.Syntax.SyntaxTree);
        if (bytes <= megabytes * Megabyte)
        {
            return;
        }

        // "About": rounded up, so that a write just over the limit never reads as equal to it.
        var shown = ((bytes / Megabyte) + (bytes % Megabyte == 0 ? 0 : 1)).ToString(CultureInfo.InvariantCulture);
        var limit = megabytes.ToString(CultureInfo.InvariantCulture);
        context.ReportDiagnostic(function is null
            ? Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), shown, limit)
            : Diagnostic.Create(FunctionRule, invocation.Syntax.GetLocation(), shown, function.Name, limit));
    }
}
