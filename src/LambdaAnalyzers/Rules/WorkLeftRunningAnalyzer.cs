using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TaskRule, StartedTaskRule, ContinuationRule, QueuedWorkRule, ThreadRule, TimerRule, AsyncVoidCallRule, AsyncLambdaArgumentRule, AsyncLambdaConversionRule);

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

            var signals = new SignalSymbols(compilationContext.Compilation);
            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(model.Async, signals, scope, blockContext.OperationBlocks);
                blockContext.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
                blockContext.RegisterOperationAction(analyzer.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                blockContext.RegisterOperationAction(analyzer.AnalyzeAnonymousFunction, OperationKind.AnonymousFunction);
            });
        });
    }

    private static ImmutableDictionary<string, string?> KindOf(string kind) => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);

    /// <summary>How the value of a task-returning call or a created object is consumed.</summary>
    private enum Shape
    {
        /// <summary>Awaited, returned, passed, stored or otherwise used: not reported.</summary>
        Used,
        Statement,
        Discarded,
        Local,
    }

    /// <summary>What a local holds, which decides the uses that keep its work from being lost.</summary>
    private enum Held
    {
        Task,
        Thread,
        ThreadingTimer,
        TimersTimer,
    }

    /// <summary>
    /// The types through which background work tells the handler that it is done (the handler then waits for the
    /// signal rather than for the work), and <c>Timeout</c>; resolved once per compilation.
    /// </summary>
    private sealed class SignalSymbols
    {
        private readonly ImmutableArray<INamedTypeSymbol> _exact;
        private readonly INamedTypeSymbol? _waitHandle;

        public SignalSymbols(Compilation compilation)
        {
            Timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
            _waitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
            var exact = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in new[]
            {
                "System.Threading.Tasks.TaskCompletionSource", "System.Threading.Tasks.TaskCompletionSource`1", "System.Threading.CountdownEvent",
                "System.Threading.ManualResetEventSlim", "System.Threading.SemaphoreSlim", "System.Threading.Barrier",
            })
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    exact.Add(type);
                }
            }

            _exact = exact.ToImmutable();
        }

        public INamedTypeSymbol? Timeout { get; }

        public bool IsSignal(ITypeSymbol type)
        {
            foreach (var candidate in _exact)
            {
                if (type.IsType(candidate))
                {
                    return true;
                }
            }

            return type.InheritsFromOrEquals(_waitHandle);
        }
    }

    private sealed class BlockAnalyzer(AsyncSymbols symbols, SignalSymbols signals, InvocationScope scope, ImmutableArray<IOperation> blocks)
    {
        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _references;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.IsAsync && method.ReturnsVoid)
            {
                if (scope.Contains(invocation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(AsyncVoidCallRule, invocation.Syntax.GetLocation(), s_asyncVoidCall, method.Name));
                }

                return;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            if (type.IsType(symbols.ThreadPool))
            {
                if (method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" && scope.Contains(invocation) && !SignalsTheBody(invocation.Arguments))
                {
                    context.ReportDiagnostic(Diagnostic.Create(QueuedWorkRule, invocation.Syntax.GetLocation(), s_startedWork, method.Name));
                }

                return;
            }

            if (type.IsType(symbols.Thread))
            {
                if (method.Name is "Start" or "UnsafeStart" && IsStartedAndNotReleased(invocation, Held.Thread))
                {
                    context.ReportDiagnostic(Diagnostic.Create(ThreadRule, invocation.Syntax.GetLocation(), s_startedWork, method.Name));
                }

                return;
            }

            if (type.IsType(symbols.TimersTimer))
            {
                if (method.Name == "Start" && IsStartedAndNotReleased(invocation, Held.TimersTimer))
                {
                    context.ReportDiagnostic(Diagnostic.Create(TimerRule, invocation.Syntax.GetLocation(), s_startedWork, "System.Timers.Timer"));
                }

                return;
            }

            if (!symbols.IsTaskLike(invocation.Type) || IsCompletedTask(method))
            {
                return;
            }

            var (shape, reported, local) = GetShape(invocation);
            if (shape == Shape.Used || !scope.Contains(invocation))
            {
                return;
            }

            if (shape == Shape.Local && IsKept(local!, Held.Task))
            {
                return;
            }

            var core = Unconfigured(invocation);
            var coreMethod = core.TargetMethod;
            var descriptor = TaskRule;
            if ((coreMethod.Name == "Run" && coreMethod.ContainingType.IsType(symbols.Task))
                || (coreMethod.Name == "StartNew" && (coreMethod.ContainingType.IsType(symbols.TaskFactory) || coreMethod.ContainingType.IsType(symbols.TaskFactoryOfT))))
            {
                if (SignalsTheBody(core.Arguments))
                {
                    return;
                }

                descriptor = StartedTaskRule;
            }
            else if (coreMethod.Name == "ContinueWith" && symbols.IsTask(coreMethod.ContainingType))
            {
                descriptor = ContinuationRule;
            }

            var properties = reported != invocation ? s_conditionalAccess : shape switch
            {
                Shape.Statement => s_statement,
                Shape.Discarded => s_discarded,
                _ => s_local,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, reported.Syntax.GetLocation(), properties, NameOf(core)));
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!creation.Type.IsType(symbols.ThreadingTimer) || !IsScheduled(creation) || SignalsTheBody(creation.Arguments))
            {
                return;
            }

            var (shape, _, local) = GetShape(creation);
            if (shape == Shape.Used || !scope.Contains(creation))
            {
                return;
            }

            if (shape == Shape.Local && (IsDisposedByUsing(local!) || IsKept(local!, Held.ThreadingTimer)))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(TimerRule, creation.Syntax.GetLocation(), s_startedWork, "System.Threading.Timer"));
        }

        public void AnalyzeAnonymousFunction(OperationAnalysisContext context)
        {
            var function = (IAnonymousFunctionOperation)context.Operation;
            if (!function.Symbol.IsAsync || !function.Symbol.ReturnsVoid)
            {
                return;
            }

            // A handler lambda that is itself async void is LMB0003's; this rule looks at the lambdas inside handlers.
            if (scope.GetRoot(function) is not { } root || ReferenceEquals(root, function))
            {
                return;
            }

            IOperation current = function;
            ITypeSymbol? delegateType = null;
            while (true)
            {
                switch (current.Parent)
                {
                    case IDelegateCreationOperation creation:
                        delegateType ??= creation.Type;
                        current = creation;
                        continue;
                    case IConversionOperation conversion:
                        current = conversion;
                        continue;
                    case IArrayInitializerOperation { Parent: IArrayCreationOperation { IsImplicit: true } paramsArray }:
                        current = paramsArray;
                        continue;
                }

                break;
            }

            var location = AsyncHeadLocation(function.Syntax);
            var receiver = current.Parent is IArgumentOperation argument
                ? argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.Name,
                    IObjectCreationOperation creation => creation.Type?.Name,
                    _ => null,
                }
                : null;
            if (receiver is { Length: > 0 })
            {
                context.ReportDiagnostic(Diagnostic.Create(AsyncLambdaArgumentRule, location, s_asyncLambda, receiver));
            }
            else if (delegateType is { Name.Length: > 0 })
            {
                context.ReportDiagnostic(Diagnostic.Create(AsyncLambdaConversionRule, location, s_asyncLambda, delegateType.Name));
            }
        }

        /// <summary><c>async x =&gt;</c> or <c>async delegate (...)</c>: the head of the function, not its whole body.</summary>
        private static Location AsyncHeadLocation(SyntaxNode syntax)
        {
            if (syntax is not AnonymousFunctionExpressionSyntax function)
            {
                return syntax.GetLocation();
            }

            var start = function.SpanStart;
            foreach (var modifier in function.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.AsyncKeyword))
                {
                    start = modifier.SpanStart;
                    break;
                }
            }

            var end = function switch
            {
                LambdaExpressionSyntax lambda when !lambda.ArrowToken.IsMissing => lambda.ArrowToken.Span.End,
                AnonymousMethodExpressionSyntax method => method.ParameterList?.Span.End ?? method.DelegateKeyword.Span.End,
                _ => function.Span.End,
            };
            return end > start ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, end)) : syntax.GetLocation();
        }

        /// <summary>
        /// How the value of a call or creation is consumed, and the node to report: the call, or the null-conditional
        /// access that contains it.
        /// </summary>
        private static (Shape Shape, IOperation Reported, ILocalSymbol? Local) GetShape(IOperation value)
        {
            var current = value;
            var reported = value;
            while (current.Parent is IConditionalAccessOperation access && access.WhenNotNull == current)
            {
                current = access;
                reported = access;
            }

            while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
            }

            switch (current.Parent)
            {
                case IExpressionStatementOperation:
                    return (Shape.Statement, reported, null);

                case ISimpleAssignmentOperation { IsRef: false, Target: IDiscardOperation, Parent: IExpressionStatementOperation } discard
                    when discard.Value == current:
                    return (Shape.Discarded, reported, null);

                case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment
                    when assignment.Value == current && !target.Local.IsRef:
                    return (Shape.Local, reported, target.Local);

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !declarator.Symbol.IsRef:
                    return (Shape.Local, reported, declarator.Symbol);

                default:
                    return (Shape.Used, reported, null);
            }
        }

        /// <summary>
        /// Whether the body keeps hold of the work in a local: awaits, returns, passes, stores or captures it, or waits,
        /// joins, stops or disposes it, anywhere in the member (flow-insensitive: one such use is enough).
        /// </summary>
        private bool IsKept(ILocalSymbol local, Held held)
        {
            if (!References.TryGetValue(local, out var references))
            {
                return false;
            }

            foreach (var reference in references)
            {
                if (IsCaptured(reference, local) || Keeps(reference, held))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Keeps(ILocalReferenceOperation reference, Held held)
        {
            IOperation current = reference;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            switch (current.Parent)
            {
                case ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Target == current:
                    // Overwriting the local loses the work it held; it does not keep it.
                    return false;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when IsNull(comparison.LeftOperand) || IsNull(comparison.RightOperand):
                    return false;

                case IIsPatternOperation { Pattern: var pattern } when IsNullPattern(pattern):
                    return false;

                case INameOfOperation:
                    return false;

                case IEventReferenceOperation @event when @event.Instance == current:
                    return false;

                case IPropertyReferenceOperation property when property.Instance == current:
                    return held switch
                    {
                        // Result waits; polling IsCompleted or Status in a loop waits too.
                        Held.Task => property.Property.Name == "Result" || IsInLoop(property),
                        Held.TimersTimer => property.Property.Name == "Enabled"
                            && property.Parent is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: false } } disable
                            && disable.Target == property,
                        _ => false,
                    };

                case IInvocationOperation invocation when invocation.Instance == current:
                    return held switch
                    {
                        // Wait, GetAwaiter, ContinueWith, ConfigureAwait, AsTask, WaitAsync...: all hand the task on.
                        Held.Task => true,
                        Held.Thread => invocation.TargetMethod.Name == "Join",
                        Held.ThreadingTimer => invocation.TargetMethod.Name is "Dispose" or "DisposeAsync"
                            || (invocation.TargetMethod.Name == "Change" && HasInfiniteDueTime(invocation.Arguments)),
                        Held.TimersTimer => invocation.TargetMethod.Name is "Stop" or "Close" or "Dispose",
                        _ => true,
                    };

                default:
                    // Awaited, returned, passed as an argument, stored, put in a collection, used by `using`: kept.
                    return true;
            }
        }

        /// <summary>A reference from inside a lambda or local function that the local is not declared in.</summary>
        private static bool IsCaptured(IOperation reference, ILocalSymbol local)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation function:
                        return !SymbolEqualityComparer.Default.Equals(function.Symbol, local.ContainingSymbol);
                    case ILocalFunctionOperation function:
                        return !SymbolEqualityComparer.Default.Equals(function.Symbol, local.ContainingSymbol);
                }
            }

            return false;
        }

        private static bool IsInLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>thread.Start()</c> or <c>timer.Start()</c> on a new object, or on a local that only ever holds new objects
        /// and that the body never joins, stops, disposes or hands on.
        /// </summary>
        private bool IsStartedAndNotReleased(IInvocationOperation start, Held held)
        {
            if (!scope.Contains(start))
            {
                return false;
            }

            switch (start.Instance is null ? null : Unwrap(start.Instance))
            {
                case IObjectCreationOperation creation:
                    return !SignalsTheBody(creation.Arguments);

                case ILocalReferenceOperation { Local: var local }:
                    var assignments = scope.Locals.Get(local);
                    if (assignments.Count == 0)
                    {
                        return false;
                    }

                    foreach (var assigned in assignments)
                    {
                        // Only threads and timers made in this body; one from elsewhere may be managed elsewhere.
                        if (assigned is null || Unwrap(assigned) is not IObjectCreationOperation creation || SignalsTheBody(creation.Arguments))
                        {
                            return false;
                        }
                    }

                    return !IsDisposedByUsing(local) && !IsKept(local, held);

                default:
                    return false;
            }
        }

        /// <summary>A local declared by <c>using var</c> or <c>using (var ...)</c>.</summary>
        private bool IsDisposedByUsing(ILocalSymbol local)
        {
            foreach (var assigned in scope.Locals.Get(local))
            {
                var current = assigned;
                while (current?.Parent is IConversionOperation conversion)
                {
                    current = conversion;
                }

                if (current?.Parent is not IVariableInitializerOperation initializer)
                {
                    continue;
                }

                IOperation? declaration = initializer.Parent;
                while (declaration is IVariableDeclaratorOperation or IVariableDeclarationOperation or IVariableDeclarationGroupOperation)
                {
                    declaration = declaration.Parent;
                }

                if (declaration is IUsingDeclarationOperation or IUsingOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A <c>System.Threading.Timer</c> created with a due time: one without, or with an infinite one, never fires.</summary>
        private bool IsScheduled(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "dueTime")
                {
                    return !IsInfinite(argument.Value);
                }
            }

            return false;
        }

        /// <summary><c>Change(Timeout.Infinite, ...)</c>: the timer stops.</summary>
        private bool HasInfiniteDueTime(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == "dueTime")
                {
                    return IsInfinite(argument.Value);
                }
            }

            return false;
        }

        private bool IsInfinite(IOperation value)
        {
            var constant = value.ConstantValue.HasValue ? value.ConstantValue : Unwrap(value).ConstantValue;
            if (constant.HasValue)
            {
                return constant.Value switch
                {
                    int i => i == -1,
                    long l => l == -1,
                    uint u => u == uint.MaxValue,
                    _ => false,
                };
            }

            return Unwrap(value) is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan" } field } && field.ContainingType.IsType(signals.Timeout);
        }

        /// <summary><c>Task.FromResult</c> and its siblings: already complete, nothing runs on.</summary>
        private bool IsCompletedTask(IMethodSymbol method) =>
            method.Name is "FromResult" or "FromException" or "FromCanceled"
            && (method.ContainingType.IsType(symbols.Task) || method.ContainingType.IsType(symbols.ValueTask));

        /// <summary><c>SendAsync().ConfigureAwait(false)</c> names <c>SendAsync</c>.</summary>
        private IInvocationOperation Unconfigured(IInvocationOperation invocation)
        {
            while (invocation.TargetMethod.Name == "ConfigureAwait"
                && (symbols.IsTask(invocation.TargetMethod.ContainingType) || symbols.IsValueTask(invocation.TargetMethod.ContainingType))
                && invocation.Instance is { } instance
                && Unwrap(instance) is IInvocationOperation inner)
            {
                invocation = inner;
            }

            return invocation;
        }

        /// <summary>The method's name, or for a delegate invocation the name of the delegate.</summary>
        private static string NameOf(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
            {
                switch (invocation.Instance is null ? null : Unwrap(invocation.Instance))
                {
                    case ILocalReferenceOperation local:
                        return local.Local.Name;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter.Name;
                    case IFieldReferenceOperation field:
                        return field.Field.Name;
                    case IPropertyReferenceOperation property:
                        return property.Property.Name;
                }
            }

            return invocation.TargetMethod.Name;
        }

        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References
        {
            get
            {
                var references = Volatile.Read(ref _references);
                if (references is null)
                {
                    references = CollectReferences(blocks);
                    Interlocked.CompareExchange(ref _references, references, null);
                }

                return references;
            }
        }

        private static Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> CollectReferences(ImmutableArray<IOperation> blocks)
        {
            var result = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation reference)
                    {
                        if (!result.TryGetValue(reference.Local, out var list))
                        {
                            list = new List<ILocalReferenceOperation>();
                            result.Add(reference.Local, list);
                        }

                        list.Add(reference);
                    }
                }
            }

            return result;
        }

        private static bool IsNull(IOperation operation) =>
            Unwrap(operation).ConstantValue is { HasValue: true, Value: null } || operation.ConstantValue is { HasValue: true, Value: null };

        private static bool IsNullPattern(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation constant => IsNull(constant.Value),
            INegatedPatternOperation negated => IsNullPattern(negated.Pattern),
            _ => false,
        };

        /// <summary>
        /// Whether a lambda given as the work signals a local of the enclosing body (a <c>TaskCompletionSource</c>, a
        /// <c>CountdownEvent</c>, a wait handle...): the body then waits for the signal instead of the work itself.
        /// </summary>
        private bool SignalsTheBody(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (HandlerDiscovery.UnwrapDelegate(argument.Value) is not IAnonymousFunctionOperation work)
                {
                    continue;
                }

                foreach (var operation in work.Body.Descendants())
                {
                    if (operation is ILocalReferenceOperation reference
                        && signals.IsSignal(reference.Local.Type)
                        && IsCaptured(reference, reference.Local)
                        && !IsDeclaredInside(reference.Local, work))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsDeclaredInside(ILocalSymbol local, IOperation operation)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == operation.Syntax.SyntaxTree && operation.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
