using System.Collections.Immutable;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0007: a write to a path known at compile time to be on Lambda's read-only file system: a relative path,
/// <c>/var/task</c>, <c>/opt</c>, <c>AppContext.BaseDirectory</c>, the current directory or the folder of an assembly.
/// Applies to all code of a Lambda project that is not a test project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WriteOutsideTmpAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Write only under /tmp";
    private const string Description =
        "On Lambda only /tmp (and mounted file systems under /mnt) can be written: the deployment package in /var/task, which is also the " +
        "working directory, and the layers in /opt are read-only. A write there fails at run time with an IOException or " +
        "UnauthorizedAccessException; write under Path.GetTempPath() instead.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.WriteOutsideTmp, Title, RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' resolves under the read-only /var/task; write under Path.GetTempPath() instead");

    internal static readonly DiagnosticDescriptor LayersRule = s_descriptors.Create(
        "'{0}' resolves under the read-only /opt; write under Path.GetTempPath() instead");

    internal static readonly DiagnosticDescriptor WorkingDirectoryRule = s_descriptors.Create(
        "'{0}' resolves under the working directory, the read-only /var/task; write under Path.GetTempPath() instead");

    /// <summary>
    /// Diagnostic property: how the fixer may rewrite the path, <see cref="FixLiteral"/> or <see cref="FixConstant"/>
    /// (a constant of the document that only writes use there).
    /// </summary>
    internal const string FixProperty = "Fix";

    /// <summary>Diagnostic property: the path below the read-only folder, what the fix combines with the temp folder.</summary>
    internal const string RelativePartProperty = "RelativePart";

    /// <summary>The path is a string literal at the write.</summary>
    internal const string FixLiteral = "Literal";

    /// <summary>The path is a constant declared in this document.</summary>
    internal const string FixConstant = "Constant";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, LayersRule, WorkingDirectoryRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // A test project runs on a developer machine or in CI, not on Lambda.
            if (LambdaModel.TryGet(compilationContext) is not { } model || model.Handlers.Tests.IsTestProject)
            {
                return;
            }

            var files = FileSystemModel.Get(compilationContext.Compilation);

            compilationContext.RegisterOperationAction(context => Analyze(context, files), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, FileSystemModel files)
    {
        if (!files.TryGetWrite(context.Operation, out var write))
        {
            return;
        }

        // The locals of the member are gathered only for a write.
        var locals = LocalAssignments.ForBlockOf(context.Operation);
        var path = FileSystemModel.Unwrap(write.Path);
        var kind = files.Classify(path, locals);
        var descriptor = kind switch
        {
            PathKind.Relative or PathKind.TaskRoot or PathKind.BaseDirectory or PathKind.AssemblyFolder => Rule,
            PathKind.Layers => LayersRule,
            PathKind.CurrentDirectory => WorkingDirectoryRule,
            _ => null,
        };
        if (descriptor is null)
        {
            return;
        }

        // The message names the path itself when it is a constant, or a local assigned one.
        var constant = path is ILocalReferenceOperation local && locals.GetSingleAssignment(local.Local) is { } value ? value : path;
        var shown = constant.ConstantValue is { HasValue: true, Value: string text } ? text : write.Path.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(descriptor, write.Path.Syntax.GetLocation(), GetFixProperties(path, files, context.CancellationToken), shown));
    }

    /// <summary>
    /// A fix is offered for a string literal at the write, or a constant declared in this document that only writes use
    /// there (the fix changes its value).
    /// </summary>
    private static ImmutableDictionary<string, string?> GetFixProperties(IOperation path, FileSystemModel files, CancellationToken cancellationToken)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (path.ConstantValue is not { HasValue: true, Value: string text } || FileSystemModel.GetRelativePart(text) is not { } relative)
        {
            return properties;
        }

        var fix = path switch
        {
            ILiteralOperation => FixLiteral,
            ILocalReferenceOperation { Local.IsConst: true } local when IsDeclaredIn(local.Local, path) => FixConstant,
            IFieldReferenceOperation { Field.IsConst: true } field when IsDeclaredIn(field.Field, path) => FixConstant,
            _ => null,
        };
        ISymbol? constant = path switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IFieldReferenceOperation reference => reference.Field,
            _ => null,
        };
        if (fix == FixConstant
            && (constant is null || path.SemanticModel is not { } semanticModel || !files.IsOnlyWriteDestination(constant, semanticModel, cancellationToken)))
        {
            return properties;
        }

        return fix is null ? properties : properties.Add(FixProperty, fix).Add(RelativePartProperty, relative);
    }

    private static bool IsDeclaredIn(ISymbol symbol, IOperation site)
    {
        var references = symbol.DeclaringSyntaxReferences;
        return references.Length == 1 && references[0].SyntaxTree == site.Syntax.SyntaxTree;
    }
}
