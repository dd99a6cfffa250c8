using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What happens to the work a member's per-invocation code starts: whether a task or a created object is awaited,
/// returned, passed on, stored or left (<see cref="TaskUse"/>), whether a local holding it is later waited on, stopped
/// or disposed, and whether the work signals its end to something the handler waits for. The references to each local
/// are gathered once, on first need.
/// </summary>
internal sealed class TaskFlow(AsyncSymbols symbols, SignalSymbols signals, InvocationScope scope, ImmutableArray<IOperation> blocks)
{
    private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _references;

    /// <summary>
    /// How the value of a call or creation is consumed, and the node to report: the call, or the null-conditional
    /// access that contains it.
    /// </summary>
    public static (TaskUse Use, IOperation Reported, ILocalSymbol? Local) GetUse(IOperation value)
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
                return (TaskUse.Statement, reported, null);

            case ISimpleAssignmentOperation { IsRef: false, Target: IDiscardOperation, Parent: IExpressionStatementOperation } discard
                when discard.Value == current:
                return (TaskUse.Discarded, reported, null);

            case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment
                when assignment.Value == current && !target.Local.IsRef:
                return (TaskUse.Local, reported, target.Local);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !declarator.Symbol.IsRef:
                return (TaskUse.Local, reported, declarator.Symbol);

            default:
                return (TaskUse.Used, reported, null);
        }
    }

    /// <summary>
    /// Whether the body keeps hold of the work in a local: awaits, returns, passes, stores or captures it, or waits,
    /// joins, stops or disposes it, anywhere in the member (flow-insensitive: one such use is enough).
    /// </summary>
    public bool IsKept(ILocalSymbol local, HeldWork held)
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

    private bool Keeps(ILocalReferenceOperation reference, HeldWork held)
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
                    HeldWork.Task => property.Property.Name == "Result" || Loops.Enclosing(property) is not null,
                    HeldWork.TimersTimer => property.Property.Name == "Enabled"
                        && property.Parent is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: false } } disable
                        && disable.Target == property,
                    _ => false,
                };

            case IInvocationOperation invocation when invocation.Instance == current:
                return held switch
                {
                    // Wait, GetAwaiter, ContinueWith, ConfigureAwait, AsTask, WaitAsync...: all hand the task on.
                    HeldWork.Task => true,
                    HeldWork.Thread => invocation.TargetMethod.Name == "Join",
                    HeldWork.ThreadingTimer => invocation.TargetMethod.Name is "Dispose" or "DisposeAsync"
                        || (invocation.TargetMethod.Name == "Change" && HasInfiniteDueTime(invocation.Arguments)),
                    HeldWork.TimersTimer => invocation.TargetMethod.Name is "Stop" or "Close" or "Dispose",
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

    /// <summary>
    /// <c>thread.Start()</c> or <c>timer.Start()</c> on a new object, or on a local that only ever holds new objects
    /// and that the body never joins, stops, disposes or hands on.
    /// </summary>
    public bool IsStartedAndNotReleased(IInvocationOperation start, HeldWork held)
    {
        if (!scope.Contains(start))
        {
            return false;
        }

        switch (start.Instance is null ? null : Wrappers.Conversions(start.Instance))
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
                    if (assigned is null || Wrappers.Conversions(assigned) is not IObjectCreationOperation creation || SignalsTheBody(creation.Arguments))
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
    public bool IsDisposedByUsing(ILocalSymbol local)
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
    public bool IsScheduled(IObjectCreationOperation creation)
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

    public bool IsInfinite(IOperation value)
    {
        var constant = value.ConstantValue.HasValue ? value.ConstantValue : Wrappers.Conversions(value).ConstantValue;
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

        return Wrappers.Conversions(value) is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan" } field } && field.ContainingType.IsType(signals.Timeout);
    }

    /// <summary><c>Task.FromResult</c> and its siblings: already complete, nothing runs on.</summary>
    public bool IsCompletedTask(IMethodSymbol method) =>
        method.Name is "FromResult" or "FromException" or "FromCanceled"
        && (method.ContainingType.IsType(symbols.Task) || method.ContainingType.IsType(symbols.ValueTask));

    /// <summary><c>SendAsync().ConfigureAwait(false)</c> names <c>SendAsync</c>.</summary>
    public IInvocationOperation Unconfigured(IInvocationOperation invocation)
    {
        while (invocation.TargetMethod.Name == "ConfigureAwait"
            && (symbols.IsTask(invocation.TargetMethod.ContainingType) || symbols.IsValueTask(invocation.TargetMethod.ContainingType))
            && invocation.Instance is { } instance
            && Wrappers.Conversions(instance) is IInvocationOperation inner)
        {
            invocation = inner;
        }

        return invocation;
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
            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
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
        Wrappers.Conversions(operation).ConstantValue is { HasValue: true, Value: null } || operation.ConstantValue is { HasValue: true, Value: null };

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
    public bool SignalsTheBody(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (HandlerDiscovery.UnwrapDelegate(argument.Value) is not IAnonymousFunctionOperation work)
            {
                continue;
            }

            foreach (var operation in TreeWalk.Descendants(work.Body))
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

    /// <summary>
    /// What an async void lambda or anonymous method is given to: the method or type that receives it as an argument,
    /// or else the delegate type it is converted to.
    /// </summary>
    public static (string? Receiver, ITypeSymbol? DelegateType) GetConsumer(IAnonymousFunctionOperation function)
    {
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

        var receiver = current.Parent is IArgumentOperation argument
            ? argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                IObjectCreationOperation creation => creation.Type?.Name,
                _ => null,
            }
            : null;
        return (receiver, delegateType);
    }

    /// <summary>
    /// Whether a task was started by the code around it: a call or creation there, directly or through locals whose
    /// every assignment is one (followed <see cref="LocalAssignments.ValueDepth"/> deep). A task from a parameter, a
    /// field or anything unknown was not.
    /// </summary>
    public static bool IsStartedIn(IOperation task, LocalAssignments locals) => IsStartedIn(task, locals, 0);

    private static bool IsStartedIn(IOperation task, LocalAssignments locals, int depth)
    {
        switch (Wrappers.ConversionsAndParentheses(task))
        {
            case IInvocationOperation or IObjectCreationOperation:
                return true;
            case IAwaitOperation:
                return false;
            case ILocalReferenceOperation local when depth < LocalAssignments.ValueDepth:
                var assignments = locals.Get(local.Local);
                if (assignments.Count == 0)
                {
                    return false;
                }

                foreach (var assigned in assignments)
                {
                    if (assigned is null || !IsStartedIn(assigned, locals, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The method's name, or for a delegate invocation the name of the delegate.</summary>
    public static string NameOf(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
        {
            switch (invocation.Instance is null ? null : Wrappers.Conversions(invocation.Instance))
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
}
