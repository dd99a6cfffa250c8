using System;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0008: per-invocation code creates a file in /tmp under a name that differs per invocation, and the same handler
/// body never deletes, moves or hands it to code that may clean it up. Such files accumulate across warm invocations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TmpFileNotDeletedAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.TmpFileNotDeleted,
        "Delete per-invocation files in /tmp",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "/tmp survives between warm invocations of one execution environment. A file created there under a name that differs per " +
            "invocation (a GUID, a random name, the time, the request id, Path.GetTempFileName()) and never deleted stays behind; such files " +
            "accumulate until writes fail with \"No space left on device\". Delete the file in a finally block, or open it with " +
            "FileOptions.DeleteOnClose.");

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' creates a file in /tmp under a new name on every invocation, and the handler never deletes it; delete it when done");

    /// <summary>How the reported operation creates the file: <see cref="KindTempFileName"/> or <see cref="KindWrite"/>.</summary>
    internal const string KindProperty = "Kind";

    /// <summary><c>Path.GetTempFileName()</c>, which creates the file when it makes the name its holder keeps.</summary>
    internal const string KindTempFileName = "TempFileName";

    /// <summary>A write that creates the file at a path its holder names.</summary>
    internal const string KindWrite = "Write";

    // Additional locations: the declaration of the local that holds the file's path, when a local holds it; in reached
    // code, then the chain's first call in the handler.

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(Rule);

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
            var origins = new ValueOrigin(files);
            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.TmpFileNotDeleted) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(files, origins, scope);
                foreach (var invocation in scope.Operations.Invocations)
                {
                    analyzer.Analyze(blockContext, invocation);
                }

                foreach (var creation in scope.Operations.ObjectCreations)
                {
                    analyzer.Analyze(blockContext, creation);
                }
            });
        });
    }

    private sealed class BlockAnalyzer(FileSystemModel files, ValueOrigin origins, InvocationScope scope)
    {
        public void Analyze(OperationBlockAnalysisContext context, IOperation operation)
        {
            FileIdentity file;
            string name;
            string kind;
            if (files.IsTempFileNameCall(operation))
            {
                // Path.GetTempFileName() creates an empty file under a new name: what keeps its value must be deleted.
                file = FileIdentity.HolderOf(operation);
                name = "GetTempFileName";
                kind = KindTempFileName;
            }
            else if (files.TryGetWrite(operation, out var write) && write.Creates)
            {
                var value = FileSystemModel.Unwrap(write.Path);

                // A path from Path.GetTempFileName() is reported where that call creates the file.
                if (files.IsTempFileName(value, scope.Locals)
                    || FileCleanup.HasDeleteOnClose(operation)
                    || files.Classify(value, scope.Locals) != PathKind.Tmp
                    || !origins.DiffersPerInvocation(value, scope))
                {
                    return;
                }

                file = FileIdentity.Of(value);
                kind = KindWrite;
                name = write.Method.MethodKind == MethodKind.Constructor ? write.Method.ContainingType.Name : write.Method.Name;
            }
            else
            {
                return;
            }

            var cleanup = new FileCleanup(files, scope);
            if (scope.GetRegion(operation) is not { } region
                || cleanup.IsCleanedUp(region.Root, file)
                || (region.Kind == RegionKind.Reached && cleanup.LeavesTheMethod(region.Root, operation, file)))
            {
                return;
            }

            var holder = file.Symbol is ILocalSymbol { Locations.Length: > 0 } local && local.Locations[0].IsInSource ? [local.Locations[0]] : Array.Empty<Location>();
            context.ReportDiagnostic(Reached.Create(
                Rule, operation.Syntax.GetLocation(), holder, ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind), region, name));
        }
    }
}
