using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0009: an awaited (or returned, or <c>Task.WhenAll</c>-ed) call in a handler that could take a CancellationToken
/// and gets none, while the handler's ILambdaContext could give it a deadline through <c>RemainingTime</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingDeadlineAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.MissingDeadline,
        "Pass a deadline derived from RemainingTime",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        "Lambda kills an invocation at its timeout with no cleanup: no finally, no partial-batch response, no log line. ILambdaContext " +
            "carries no CancellationToken, so a network call runs past the deadline unless the handler derives a token from RemainingTime " +
            "and passes it.");

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' runs without a deadline; pass a token that expires before the function's timeout");

    /// <summary>The name of the CancellationToken parameter the call (or its overload with a token) takes.</summary>
    internal const string TokenParameterProperty = "TokenParameter";

    /// <summary>
    /// The margin before the timeout, in milliseconds, that <c>lambda_analyzers.deadline_margin_ms</c> sets for the
    /// call's file. Both deadline rules pass it.
    /// </summary>
    internal const string MarginProperty = "Margin";

    // Additional locations: the handler's declaration, its ILambdaContext parameter, then its existing deadlines (token
    // parameters, token source locals). LMB0010 puts them after its delays.

    /// <summary>The index, among the handler's locations, of the function whose invocation has the deadline.</summary>
    internal const int HandlerLocation = 0;

    /// <summary>The index, among the handler's locations, of its ILambdaContext parameter.</summary>
    internal const int ContextLocation = 1;

    /// <summary>The index, among the handler's locations, of its first existing deadline.</summary>
    internal const int FirstDeadlineLocation = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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
            if (symbols.CancellationToken is null)
            {
                return;
            }

            var waits = new WaitedCalls(model.Async, symbols.WhenAllOrAny);
            var longWaits = LongWaits.Get(model);
            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.MissingDeadline) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(waits, scope, symbols, compilationContext.Options, longWaits, model.Limits);
                foreach (var invocation in scope.Operations.Invocations)
                {
                    analyzer.AnalyzeInvocation(blockContext, invocation);
                }
            });
        });
    }

    private static readonly TimeSpan s_oneSecond = TimeSpan.FromSeconds(1);

    /// <summary>The margin the deadline fix keeps in a file, as a property value.</summary>
    internal static string GetMargin(AnalyzerOptions options, SyntaxTree tree) =>
        LambdaOptions.DeadlineMarginMilliseconds(options.AnalyzerConfigOptionsProvider.GetOptions(tree)).ToString(CultureInfo.InvariantCulture);

    private sealed class BlockAnalyzer(
        WaitedCalls waits, InvocationScope scope, DeadlineSymbols symbols, AnalyzerOptions options, LongWaits longWaits, FunctionLimitsCatalog limits)
    {
        // Diagnostic.Create copies the additional locations: a list is shared by the reports of one region.
        private readonly Dictionary<Region, List<Location>?> _handlers = new();

        public void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation)
        {
            if (symbols.GetMissingToken(invocation, optionalOnly: true) is not { } token
                || scope.GetRegion(invocation) is not { LambdaContext: not null, Root: var root } region
                || WaitedCalls.IsInCleanup(invocation, root)
                || !waits.IsWaitedFor(invocation, root)
                || IsLeftToOtherRules(invocation)
                || CallSyntax.GetNameLocation(invocation.Syntax) is not { } location)
            {
                return;
            }

            // The fix needs the handler: without its locations the diagnostic carries no fix data.
            var handler = GetHandlerLocations(region);
            var properties = handler is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(TokenParameterProperty, token.Name)
                    .Add(MarginProperty, GetMargin(options, invocation.Syntax.SyntaxTree));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, handler, properties, invocation.TargetMethod.Name));
        }

        /// <summary>
        /// The handler's locations for the fix, or null when it has none. Found once per region: a handler may make many
        /// calls without a deadline, and each would walk its whole body again.
        /// </summary>
        private List<Location>? GetHandlerLocations(Region region)
        {
            lock (_handlers)
            {
                if (!_handlers.TryGetValue(region, out var locations))
                {
                    locations = new List<Location>();
                    if (!DeadlineSources.AddLocations(region, symbols, locations))
                    {
                        locations = null;
                    }

                    _handlers.Add(region, locations);
                }

                return locations;
            }
        }

        /// <summary>
        /// A delay of a constant duration under one second (too short to matter against Lambda's 1 s minimum timeout), one
        /// that a polling loop waits with (LMB0010 reports that loop, and its fix passes the deadline to the delay), or one
        /// at least as long as the function's timeout (LMB0013 reports it: one defect, one diagnostic).
        /// </summary>
        private bool IsLeftToOtherRules(IInvocationOperation invocation) =>
            symbols.Delays.Contains(invocation.TargetMethod.OriginalDefinition)
            && (ConstantDuration.OfDelay(invocation, symbols, scope.Locals).IsShorterThan(s_oneSecond)
                || PollingLoop.IsPollingDelay(invocation, scope, symbols)
                || longWaits.Find(invocation, scope, limits) is not null);
    }
}
