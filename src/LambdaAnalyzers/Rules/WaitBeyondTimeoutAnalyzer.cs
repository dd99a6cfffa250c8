using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0013: in per-invocation code, a constant wait (<c>Task.Delay</c>, <c>Thread.Sleep</c>) or timeout
/// (<c>new CancellationTokenSource(delay)</c>, <c>CancelAfter</c>, <c>HttpClient.Timeout</c>, an AWS SDK client
/// configuration's <c>Timeout</c>) at least as long as the shortest timeout that a deployment file or
/// <c>[LambdaFunction(Timeout)]</c> gives the functions reaching it (<see cref="LongWaits"/>). Reported on the duration.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WaitBeyondTimeoutAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.WaitBeyondTimeout,
        "Wait longer than the function's timeout",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Lambda stops an invocation at the function's timeout, with no cleanup: no finally, no catch, no log line. A delay at least " +
            "that long never ends inside the invocation, and a timeout at least that long never fires, so the code that was meant to " +
            "run after it never runs. Wait less, or derive the wait from ILambdaContext.RemainingTime.");

    /// <summary>A delay: <c>Task.Delay</c>, <c>Thread.Sleep</c>.</summary>
    internal static readonly DiagnosticDescriptor WaitRule = s_descriptors.Create(
        "'{0}' waits {1}; the function '{2}' times out after {3} s, so Lambda stops the invocation first");

    /// <summary>A timeout meant to end other work: a token source, <c>CancelAfter</c>, a client's <c>Timeout</c>.</summary>
    internal static readonly DiagnosticDescriptor TimeoutRule = s_descriptors.Create(
        "The timeout of {1} set through '{0}' never fires; the function '{2}' times out after {3} s");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(WaitRule, TimeoutRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // Only a deployment file or [LambdaFunction(Timeout)] gives a timeout: without either, nothing to compare with.
            if (LambdaModel.TryGet(compilationContext) is not { } model || !model.Limits.MayHaveTimeouts)
            {
                return;
            }

            var waits = LongWaits.Get(model);
            var limits = model.Limits;
            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.WaitBeyondTimeout) is not { } scope)
                {
                    return;
                }

                var operations = scope.Operations;
                foreach (var invocation in operations.Invocations)
                {
                    Report(blockContext, scope, waits.Find(invocation, scope, limits));
                }

                foreach (var creation in operations.ObjectCreations)
                {
                    Report(blockContext, scope, waits.Find(creation, scope, limits));
                }

                foreach (var assignment in operations.Assignments)
                {
                    Report(blockContext, scope, waits.Find(assignment, scope, limits));
                }
            });
        });
    }

    private static void Report(OperationBlockAnalysisContext context, InvocationScope scope, LongWait? wait)
    {
        if (wait is null)
        {
            return;
        }

        context.ReportDiagnostic(Reached.Create(
            wait.IsWait ? WaitRule : TimeoutRule,
            wait.Value.Syntax.GetLocation(),
            additionalLocations: null,
            properties: null,
            scope.GetRegion(wait.Value),
            wait.Member,
            Format(wait.Duration),
            wait.Function.Name,
            wait.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A duration in seconds, with up to three decimals: <c>90 s</c>, <c>2.5 s</c>.</summary>
    private static string Format(System.TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
