using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0010: a loop in per-invocation code that waits between attempts (a polling loop) and is bounded neither by a
/// counter nor by any notion of time, so the invocation is killed mid-loop at its timeout. When a deployment file or
/// <c>[LambdaFunction(Timeout)]</c> gives the timeout of the functions that reach the loop, the message names the
/// shortest.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PollingLoopWithoutDeadlineAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.PollingLoopWithoutDeadline,
        "Polling loop ignores the remaining time",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Lambda kills an invocation at its timeout with no cleanup: no finally, no partial-batch response, no log line. A loop that waits " +
            "between attempts until some outside state changes must stop in time: check ILambdaContext.RemainingTime, a CancellationToken " +
            "derived from it, or a Stopwatch, or bound the number of attempts.");

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "This polling loop never checks the remaining time; the invocation will be killed mid-loop");

    /// <summary>The same, when the timeout of the function the loop runs in is known.</summary>
    internal static readonly DiagnosticDescriptor TimeoutRule = s_descriptors.Create(
        "This polling loop never checks the remaining time; the function '{0}' times out after {1} s, killing the invocation mid-loop");

    /// <summary>How many of the additional locations are the loop's delays; the handler's locations follow them.</summary>
    internal const string DelayCountProperty = "DelayCount";

    /// <summary>
    /// Per delay, <c>;</c>-separated, the name of the CancellationToken parameter the delay (or its overload with a
    /// token) takes; empty for a delay that can take none.
    /// </summary>
    internal const string TokenParametersProperty = "TokenParameters";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(Rule, TimeoutRule);

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

            var symbols = DeadlineSymbols.Get(model);
            if (symbols.Delays.IsEmpty)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.PollingLoopWithoutDeadline) is not { } scope)
                {
                    return;
                }

                foreach (var loop in scope.Operations.Loops)
                {
                    AnalyzeLoop(blockContext, loop, scope, symbols, model.Limits, compilationContext.Options);
                }
            });
        });
    }

    private static void AnalyzeLoop(
        OperationBlockAnalysisContext context, ILoopOperation operation, InvocationScope scope, DeadlineSymbols symbols, FunctionLimitsCatalog limits, AnalyzerOptions options)
    {
        if (PollingLoop.TryCreate(operation, scope, symbols) is not { } loop)
        {
            return;
        }

        // The delays, on their method names: the fix passes them the deadline, and LMB0009 leaves them to this rule.
        // After them, what the fix needs of the handler (see MissingDeadlineAnalyzer).
        var locations = new List<Location>(loop.Delays.Length + 2);
        var tokens = new StringBuilder();
        foreach (var delay in loop.Delays)
        {
            if (CallSyntax.GetNameLocation(delay.Syntax) is { } name)
            {
                tokens.Append(locations.Count == 0 ? string.Empty : ";").Append(symbols.GetMissingToken(delay, optionalOnly: false)?.Name);
                locations.Add(name);
            }
        }

        var delayCount = locations.Count;
        var properties = ImmutableDictionary<string, string?>.Empty;
        var region = scope.GetRegion(operation);
        if (region is not null && DeadlineSources.AddLocations(region, symbols, locations))
        {
            properties = properties
                .Add(DelayCountProperty, delayCount.ToString(CultureInfo.InvariantCulture))
                .Add(TokenParametersProperty, tokens.ToString())
                .Add(MissingDeadlineAnalyzer.MarginProperty, MissingDeadlineAnalyzer.GetMargin(options, operation.Syntax.SyntaxTree));
        }

        context.ReportDiagnostic(FunctionLimits.WithShortestTimeout(limits.GetFunctions(region)) is { TimeoutSeconds: { } seconds } function
            ? Reached.Create(TimeoutRule, loop.Keyword.GetLocation(), locations, properties, region, function.Name, seconds.ToString(CultureInfo.InvariantCulture))
            : Reached.Create(Rule, loop.Keyword.GetLocation(), locations, properties, region));
    }
}
