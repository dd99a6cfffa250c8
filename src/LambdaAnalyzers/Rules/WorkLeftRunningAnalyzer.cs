using System;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0002: work that is still running when the handler returns: a task that is not awaited, background work started
/// with <c>Task.Run</c>, the thread pool, a thread or a timer, a call of an <c>async void</c> method, or an async lambda
/// converted to a void-returning delegate. Lambda freezes the execution environment when the handler returns.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkLeftRunningAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Do not leave work running when the handler returns";
    private const string Description =
        "When a Lambda handler returns, the runtime freezes the execution environment. A task that is not awaited, work queued to the " +
        "thread pool, a thread or a timer is suspended mid-flight and resumes only if the environment is reused, during a later, unrelated " +
        "invocation, or never: messages are not sent, writes are left half done, logs and traces are lost. Await the work before the handler returns.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.WorkLeftRunning, Title, RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor TaskRule = s_descriptors.Create(
        "The task returned by '{0}' is not awaited; it is frozen when the handler returns and may never complete");

    internal static readonly DiagnosticDescriptor StartedTaskRule = s_descriptors.Create(
        "The work started by '{0}' is not awaited; it is frozen when the handler returns and may never complete");

    internal static readonly DiagnosticDescriptor ContinuationRule = s_descriptors.Create(
        "The continuation added by '{0}' is not awaited; it is frozen when the handler returns and may never run");

    internal static readonly DiagnosticDescriptor QueuedWorkRule = s_descriptors.Create(
        "The work queued by '{0}' cannot be awaited; it is frozen when the handler returns and may never complete");

    internal static readonly DiagnosticDescriptor ThreadRule = s_descriptors.Create(
        "The thread started by '{0}' is never joined; it is frozen when the handler returns and its work may never complete");

    internal static readonly DiagnosticDescriptor TimerRule = s_descriptors.Create(
        "The '{0}' started here is never stopped or disposed; it is frozen when the handler returns and its callback runs during a later invocation, or never");

    internal static readonly DiagnosticDescriptor AsyncVoidCallRule = s_descriptors.Create(
        "'{0}' is async void; the handler regains control at its first await, and the rest is frozen when the handler returns and may never complete");

    internal static readonly DiagnosticDescriptor AsyncLambdaArgumentRule = s_descriptors.Create(
        "The async lambda passed to '{0}' runs as async void; the caller regains control at its first await, and the rest is frozen when the handler returns and may never complete");

    internal static readonly DiagnosticDescriptor AsyncLambdaConversionRule = s_descriptors.Create(
        "The async lambda converted to '{0}' runs as async void; the caller regains control at its first await, and the rest is frozen when the handler returns and may never complete");

    /// <summary>Diagnostic property: the shape of the reported code, one of the <c>Kind...</c> values below.</summary>
    internal const string KindProperty = "Kind";

    // Additional locations of the task reports: the declaration of the handler method around the work when that method
    // returns void or a plain value (SyncHandlerMethod), which the await fix may make async.

    /// <summary>A task-like call used as an expression statement (<c>SendAsync();</c>): <c>await</c> can be added in front.</summary>
    internal const string KindStatement = "Statement";

    /// <summary>A task-like call assigned to a discard (<c>_ = SendAsync();</c>): the discard becomes <c>await</c>.</summary>
    internal const string KindDiscarded = "Discarded";

    /// <summary>
    /// A task-like call whose value initializes or is assigned to a local that the body never awaits or uses; the
    /// diagnostic is on the call. Adding <c>await</c> changes the local's type.
    /// </summary>
    internal const string KindLocal = "Local";

    /// <summary>
    /// A task-like call behind a null-conditional access (<c>_queue?.FlushAsync();</c>, also discarded); the diagnostic
    /// is on the whole conditional access. <c>await</c> alone would throw when the receiver is null.
    /// </summary>
    internal const string KindConditionalAccess = "ConditionalAccess";

    /// <summary>Work that cannot be awaited: <c>ThreadPool.QueueUserWorkItem</c>, <c>Thread.Start()</c>, a timer.</summary>
    internal const string KindStartedWork = "StartedWork";

    /// <summary>A call of an <c>async void</c> method; it returns nothing to await.</summary>
    internal const string KindAsyncVoidCall = "AsyncVoidCall";

    /// <summary>An async lambda or anonymous method converted to a void-returning delegate; the diagnostic is on <c>async x =&gt;</c>.</summary>
    internal const string KindAsyncLambda = "AsyncLambda";

    private static readonly ImmutableDictionary<string, string?> s_statement = KindOf(KindStatement);
    private static readonly ImmutableDictionary<string, string?> s_discarded = KindOf(KindDiscarded);
    private static readonly ImmutableDictionary<string, string?> s_local = KindOf(KindLocal);
    private static readonly ImmutableDictionary<string, string?> s_conditionalAccess = KindOf(KindConditionalAccess);
    private static readonly ImmutableDictionary<string, string?> s_startedWork = KindOf(KindStartedWork);
    private static readonly ImmutableDictionary<string, string?> s_asyncVoidCall = KindOf(KindAsyncVoidCall);
    private static readonly ImmutableDictionary<string, string?> s_asyncLambda = KindOf(KindAsyncLambda);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(
        TaskRule, StartedTaskRule, ContinuationRule, QueuedWorkRule, ThreadRule, TimerRule, AsyncVoidCallRule, AsyncLambdaArgumentRule, AsyncLambdaConversionRule);

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

            var signals = new SignalSymbols(compilationContext.Compilation);
            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.WorkLeftRunning) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(model.Async, scope, new TaskFlow(model.Async, signals, scope, blockContext.OperationBlocks));
                foreach (var invocation in scope.Operations.Invocations)
                {
                    analyzer.AnalyzeInvocation(blockContext, invocation);
                }

                foreach (var creation in scope.Operations.ObjectCreations)
                {
                    analyzer.AnalyzeObjectCreation(blockContext, creation);
                }

                foreach (var function in scope.Operations.AnonymousFunctions)
                {
                    analyzer.AnalyzeAnonymousFunction(blockContext, function);
                }
            });
        });
    }

    private static ImmutableDictionary<string, string?> KindOf(string kind) => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);

    private sealed class BlockAnalyzer(AsyncSymbols symbols, InvocationScope scope, TaskFlow flow)
    {
        public void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsAsync && method.ReturnsVoid)
            {
                if (scope.Contains(invocation))
                {
                    context.ReportDiagnostic(Reached.Create(AsyncVoidCallRule, invocation.Syntax.GetLocation(), null, s_asyncVoidCall, scope.GetRegion(invocation), method.Name));
                }

                return;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            // The name first: most calls are none of these, and a type comparison costs more than a string one.
            switch (method.Name)
            {
                case "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" when type.IsType(symbols.ThreadPool):
                    if (scope.Contains(invocation) && !flow.SignalsTheBody(invocation.Arguments))
                    {
                        context.ReportDiagnostic(Reached.Create(QueuedWorkRule, invocation.Syntax.GetLocation(), null, s_startedWork, scope.GetRegion(invocation), method.Name));
                    }

                    return;
                case "Start" or "UnsafeStart" when type.IsType(symbols.Thread):
                    if (flow.IsStartedAndNotReleased(invocation, HeldWork.Thread))
                    {
                        context.ReportDiagnostic(Reached.Create(ThreadRule, invocation.Syntax.GetLocation(), null, s_startedWork, scope.GetRegion(invocation), method.Name));
                    }

                    return;
                case "Start" when type.IsType(symbols.TimersTimer):
                    if (flow.IsStartedAndNotReleased(invocation, HeldWork.TimersTimer))
                    {
                        context.ReportDiagnostic(Reached.Create(TimerRule, invocation.Syntax.GetLocation(), null, s_startedWork, scope.GetRegion(invocation), "System.Timers.Timer"));
                    }

                    return;
            }

            // The other members of ThreadPool, Thread and Timer return no task.
            if (!symbols.IsTaskLike(invocation.Type) || flow.IsCompletedTask(method))
            {
                return;
            }

            var (use, reported, local) = TaskFlow.GetUse(invocation);
            if (use == TaskUse.Used || !scope.Contains(invocation))
            {
                return;
            }

            if (use == TaskUse.Local && flow.IsKept(local!, HeldWork.Task))
            {
                return;
            }

            var core = flow.Unconfigured(invocation);
            var coreMethod = core.TargetMethod;
            var descriptor = TaskRule;
            if ((coreMethod.Name == "Run" && coreMethod.ContainingType.IsType(symbols.Task))
                || (coreMethod.Name == "StartNew" && (coreMethod.ContainingType.IsType(symbols.TaskFactory) || coreMethod.ContainingType.IsType(symbols.TaskFactoryOfT))))
            {
                if (flow.SignalsTheBody(core.Arguments))
                {
                    return;
                }

                descriptor = StartedTaskRule;
            }
            else if (coreMethod.Name == "ContinueWith" && symbols.IsTask(coreMethod.ContainingType))
            {
                descriptor = ContinuationRule;
            }

            var properties = reported != invocation ? s_conditionalAccess : use switch
            {
                TaskUse.Statement => s_statement,
                TaskUse.Discarded => s_discarded,
                _ => s_local,
            };
            // A handler method that can become async, for the await fix.
            var region = scope.GetRegion(invocation);
            var handler = SyncHandlerMethod.GetDeclaration(region, symbols) is { } declaration ? [declaration] : Array.Empty<Location>();
            context.ReportDiagnostic(Reached.Create(descriptor, reported.Syntax.GetLocation(), handler, properties, region, TaskFlow.NameOf(core)));
        }

        public void AnalyzeObjectCreation(OperationBlockAnalysisContext context, IObjectCreationOperation creation)
        {
            if (!creation.Type.IsType(symbols.ThreadingTimer) || !flow.IsScheduled(creation) || flow.SignalsTheBody(creation.Arguments))
            {
                return;
            }

            var (use, _, local) = TaskFlow.GetUse(creation);
            if (use == TaskUse.Used || !scope.Contains(creation))
            {
                return;
            }

            if (use == TaskUse.Local && (flow.IsDisposedByUsing(local!) || flow.IsKept(local!, HeldWork.ThreadingTimer)))
            {
                return;
            }

            context.ReportDiagnostic(Reached.Create(TimerRule, creation.Syntax.GetLocation(), null, s_startedWork, scope.GetRegion(creation), "System.Threading.Timer"));
        }

        public void AnalyzeAnonymousFunction(OperationBlockAnalysisContext context, IAnonymousFunctionOperation function)
        {
            if (!function.Symbol.IsAsync || !function.Symbol.ReturnsVoid)
            {
                return;
            }

            // A handler lambda that is itself async void is LMB0003's; this rule looks at the lambdas inside handlers.
            if (scope.GetRoot(function) is not { } root || ReferenceEquals(root, function))
            {
                return;
            }

            var (receiver, delegateType) = TaskFlow.GetConsumer(function);
            var location = FunctionSyntax.AsyncHeadLocation(function.Syntax);
            if (receiver is { Length: > 0 })
            {
                context.ReportDiagnostic(Reached.Create(AsyncLambdaArgumentRule, location, null, s_asyncLambda, scope.GetRegion(function), receiver));
            }
            else if (delegateType is { Name.Length: > 0 })
            {
                context.ReportDiagnostic(Reached.Create(AsyncLambdaConversionRule, location, null, s_asyncLambda, scope.GetRegion(function), delegateType.Name));
            }
        }
    }
}
