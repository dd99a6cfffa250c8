using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0014: per-invocation code that invokes another Lambda function synchronously (<c>IAmazonLambda.InvokeAsync</c> or
/// <c>Invoke</c> of a request whose invocation type is known to be <c>RequestResponse</c>, or
/// <c>InvokeWithResponseStreamAsync</c>), or that invokes its own function (any invocation type but <c>DryRun</c>).
/// Reported on the method name of the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SynchronousInvokeAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Do not invoke another function synchronously";
    private const string Description =
        "A function that invokes another function with InvocationType RequestResponse, the default, waits for its response: " +
        "both functions run and are billed while one waits, their timeouts compound, and a throttled callee fails the caller. " +
        "Invoke it asynchronously (InvocationType Event), hand the work over through a queue, or orchestrate the functions with " +
        "Step Functions. A function that invokes itself starts a loop of invocations that runs until Lambda stops it.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.SynchronousInvoke, Title, RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' is invoked synchronously; both functions run and are billed while this one waits");

    /// <summary>The function's name is not a constant.</summary>
    internal static readonly DiagnosticDescriptor UnnamedRule = s_descriptors.Create(
        "Another function is invoked synchronously; both functions run and are billed while this one waits");

    internal static readonly DiagnosticDescriptor RecursionRule = s_descriptors.Create(
        "This function invokes itself; a loop of invocations runs until Lambda stops it");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(Rule, UnnamedRule, RecursionRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // Without AWSSDK.Lambda there is nothing to invoke with.
            if (LambdaModel.TryGet(compilationContext) is not { } model || InvokeCalls.Get(compilationContext.Compilation) is not { IsEmpty: false } invokes)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.SynchronousInvoke) is not { } scope)
                {
                    return;
                }

                ImmutableHashSet<string>? allowed = null;
                foreach (var call in scope.Operations.Invocations)
                {
                    if (!invokes.IsInvokeMethod(call.TargetMethod) || !scope.Contains(call) || invokes.Describe(call, scope.Locals) is not { } invoke)
                    {
                        continue;
                    }

                    var location = CallSyntax.GetNameLocation(call.Syntax) ?? call.Syntax.GetLocation();
                    if (invoke.InvokesItself)
                    {
                        if (invoke.RunsFunction)
                        {
                            blockContext.ReportDiagnostic(Reached.Create(RecursionRule, location, null, null, scope.GetRegion(call)));
                        }

                        continue;
                    }

                    if (!invoke.IsSynchronous)
                    {
                        continue;
                    }

                    if (invoke.FunctionName is not { } name)
                    {
                        blockContext.ReportDiagnostic(Reached.Create(UnnamedRule, location, null, null, scope.GetRegion(call)));
                        continue;
                    }

                    allowed ??= LambdaOptions.AllowedFunctions(blockContext.Options, call.Syntax.SyntaxTree);
                    if (!allowed.Contains(name))
                    {
                        blockContext.ReportDiagnostic(Reached.Create(Rule, location, null, null, scope.GetRegion(call), name));
                    }
                }
            });
        });
    }
}
