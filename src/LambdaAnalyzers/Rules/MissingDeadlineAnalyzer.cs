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
            if (LambdaModel.TryGet(compilationContext.Compilation) is not { } model)
            {
                return;
            }

            var symbols = DeadlineSymbols.Get(model);
            if (symbols.CancellationToken is null)
            {
                return;
            }

            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(model, scope, symbols, compilationContext.Options);
                blockContext.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            });
        });
    }

    private static readonly TimeSpan s_oneSecond = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The token parameter the fix of a call passes the deadline to, or null when the call already gets a token or can
    /// take none. With <paramref name="optionalOnly"/> (LMB0009), a required token given <c>None</c> is taken for a
    /// deliberate choice; a polling loop's delay must stop at the deadline whatever it was given.
    /// </summary>
    internal static IParameterSymbol? GetMissingToken(IInvocationOperation invocation, DeadlineSymbols symbols, bool optionalOnly)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && symbols.IsCancellationToken(parameter.Type))
            {
                return (parameter.IsOptional || !optionalOnly) && symbols.GivesNoToken(argument) ? parameter : null;
            }
        }

        // Task.Run, ContinueWith, TaskFactory: their token only stops work that has not started; the work itself
        // gets its token inside the delegate.
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction || symbols.IsSchedulingMethod(method) || symbols.GetOverloadWithToken(method) is not { } overload)
        {
            return null;
        }

        foreach (var parameter in overload.Parameters)
        {
            if (symbols.IsCancellationToken(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The margin the deadline fix keeps in a file, as a property value.</summary>
    internal static string GetMargin(AnalyzerOptions options, SyntaxTree tree) =>
        LambdaOptions.DeadlineMarginMilliseconds(options.AnalyzerConfigOptionsProvider.GetOptions(tree)).ToString(CultureInfo.InvariantCulture);

    private sealed class BlockAnalyzer(LambdaModel model, InvocationScope scope, DeadlineSymbols symbols, AnalyzerOptions options)
    {
        // Diagnostic.Create copies the additional locations: a list is shared by the reports of one region.
        private readonly Dictionary<Region, List<Location>?> _handlers = new();

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (GetMissingToken(invocation, symbols, optionalOnly: true) is not { } token
                || scope.GetRegion(invocation) is not { LambdaContext: not null, Root: var root } region
                || IsInCleanup(invocation, root)
                || !IsWaitedFor(invocation, root)
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
        /// A delay of a constant duration under one second (too short to matter against Lambda's 1 s minimum timeout), or
        /// one that a polling loop waits with: LMB0010 reports that loop, and its fix passes the deadline to the delay.
        /// </summary>
        private bool IsLeftToOtherRules(IInvocationOperation invocation) =>
            symbols.Delays.Contains(invocation.TargetMethod.OriginalDefinition)
            && (ConstantDuration.OfDelay(invocation, symbols, scope.Locals).IsShorterThan(s_oneSecond)
                || PollingLoop.IsPollingDelay(invocation, scope, symbols));

        /// <summary>Cleanup must run even when time is short: calls in <c>catch</c> and <c>finally</c> are left alone.</summary>
        private static bool IsInCleanup(IOperation operation, IOperation root)
        {
            for (var current = operation; current.Parent is { } parent && !ReferenceEquals(current, root); current = parent)
            {
                if (parent is ICatchClauseOperation
                    || (parent is ITryOperation tryOperation && ReferenceEquals(tryOperation.Finally, current)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The result is awaited, returned by the handler, or passed to <c>Task.WhenAll</c>/<c>WhenAny</c> (also through a lambda).</summary>
        private bool IsWaitedFor(IInvocationOperation invocation, IOperation root)
        {
            var current = SkipWrappers(invocation);
            switch (current.Parent)
            {
                case IAwaitOperation:
                    return true;
                case IReturnOperation returned when model.Async.IsTaskLike(invocation.Type):
                    return GetEnclosingFunction(returned, root) switch
                    {
                        { } function when ReferenceEquals(function, root) => true,
                        IAnonymousFunctionOperation lambda => FlowsIntoWhenAll(lambda, root),
                        _ => false,
                    };
                default:
                    return model.Async.IsTaskLike(invocation.Type) && IsWhenAllArgument(current);
            }
        }

        private IOperation SkipWrappers(IOperation operation)
        {
            while (true)
            {
                switch (operation.Parent)
                {
                    case IConversionOperation or IParenthesizedOperation:
                        operation = operation.Parent;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure
                        when ReferenceEquals(configure.Instance, operation) && model.Async.IsTaskLike(operation.Type):
                        operation = configure;
                        break;
                    default:
                        return operation;
                }
            }
        }

        private static IOperation? GetEnclosingFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (ReferenceEquals(current, root) || current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>A task passed to WhenAll/WhenAny directly or as an element of its <c>params</c> array.</summary>
        private bool IsWhenAllArgument(IOperation value)
        {
            var current = value;
            if (current.Parent is IArrayInitializerOperation { Parent: IArrayCreationOperation creation })
            {
                current = SkipWrappers(creation);
            }

            return current.Parent is IArgumentOperation { Parent: IInvocationOperation target }
                && symbols.WhenAllOrAny.Contains(target.TargetMethod.OriginalDefinition);
        }

        /// <summary>
        /// <c>Task.WhenAll(items.Select(x => CallAsync(x)))</c>, with any chain of calls after the <c>Select</c>
        /// (<c>.ToList()</c>), directly or through a local later passed to WhenAll/WhenAny.
        /// </summary>
        private bool FlowsIntoWhenAll(IAnonymousFunctionOperation lambda, IOperation root)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation consumer })
            {
                return false;
            }

            current = consumer;
            while (true)
            {
                current = SkipWrappers(current);
                if (IsWhenAllArgument(current))
                {
                    return true;
                }

                switch (current.Parent)
                {
                    case IInvocationOperation next when ReferenceEquals(next.Instance, current):
                        current = next;
                        break;
                    case IArgumentOperation { Parent: IInvocationOperation next } argument when next.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0:
                        current = next;
                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return IsLocalPassedToWhenAll(declarator.Symbol, root);
                    default:
                        return false;
                }
            }
        }

        private bool IsLocalPassedToWhenAll(ILocalSymbol local, IOperation root)
        {
            foreach (var reference in LocalReferences.Find(local, root))
            {
                if (IsWhenAllArgument(SkipWrappers(reference)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
