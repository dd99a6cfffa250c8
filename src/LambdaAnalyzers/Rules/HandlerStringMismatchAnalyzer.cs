using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0011: a handler string of a deployment file, for this assembly, that the runtime cannot resolve to a method: it
/// does not split into three parts, or names no type, no method, an overloaded name without a signature, or an
/// instance method of an abstract type. Reported on the value in the file, for the functions this build is deployed as
/// (<see cref="BuildTarget"/>): in a multi-targeting project, each function in the build of its runtime only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerStringMismatchAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.HandlerStringMismatch,
        "Handler string does not match a method",
        RuleCategories.Reliability,
        DiagnosticSeverity.Error,
        "The class-library runtime finds a function's handler from its handler string, Assembly::Namespace.Type::Method. " +
            "When the string names no type or method, or an overloaded method without a signature, the function fails to " +
            "initialize on its first invocation, after it was deployed. The check runs at build time instead.");

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create("{0}; the function fails to initialize");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model || model.Compilation.AssemblyName is not { } assembly)
            {
                return;
            }

            compilationContext.RegisterAdditionalFileAction(fileContext => Analyze(fileContext, model.Types, model.Build, assembly));
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, KnownTypes types, BuildTarget build, string assembly)
    {
        var file = context.AdditionalFile;
        if (DeploymentFile.TryGet(file, context.Options, context.CancellationToken) is not { } facts
            || file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var handler in facts.HandlersToCheck(context.Options.AdditionalFiles, context.Options, context.CancellationToken))
        {
            if (handler.Assembly == assembly && build.IsDeployedAs(handler.Runtime) && HandlerStringCheck.FindProblem(handler, types, assembly) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, LocationIn(file, text, handler.Span), problem));
            }
        }

        foreach (var malformed in facts.MalformedHandlers)
        {
            // Only a string that names this assembly: other projects of a shared template are not this build's to judge.
            if (malformed.Text.TrimStart().StartsWith(assembly + "::", System.StringComparison.Ordinal) && build.IsDeployedAs(malformed.Runtime))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, LocationIn(file, text, malformed.Span), $"'{malformed.Text.Trim()}' does not split into Assembly::Namespace.Type::Method"));
            }
        }
    }

    private static Location LocationIn(AdditionalText file, SourceText text, TextSpan span) =>
        span.End <= text.Length ? Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)) : Location.None;
}
