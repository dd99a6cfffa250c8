using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Recognizes values that are made once and reused, even though the code that makes them sits in a handler:
/// <c>_f ??= value</c>, <c>_f ?? (_f = value)</c>, <c>_f = _f ?? value</c>, <c>_f = _f is null ? value : _f</c>,
/// <c>if (_f is null) _f = value</c> (double-checked locks and early returns included), an <c>if</c> whose condition
/// reads a member its body then writes (<c>if (!_initialized) { ...; _initialized = true; }</c>), <c>Lazy&lt;T&gt;</c>
/// and <c>LazyInitializer.EnsureInitialized</c> factories (lambdas or local functions),
/// <c>Interlocked.CompareExchange</c>, and the miss branch of a cache-aside lookup in a long-lived dictionary
/// (<c>if (!s_clients.TryGetValue(region, out var client)) { client = ...; s_clients[region] = client; }</c>).
/// </summary>
internal sealed class OneTimeInitialization
{
    private const int MaxLocalFunctionDepth = 3;

    private readonly INamedTypeSymbol? _lazy;
    private readonly INamedTypeSymbol? _lazyInitializer;
    private readonly INamedTypeSymbol? _interlocked;

    public OneTimeInitialization(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        _lazy = types.Find(KnownTypeNames.SystemLazy1);
        _lazyInitializer = types.Find(KnownTypeNames.SystemThreadingLazyInitializer);
        _interlocked = types.Find(KnownTypeNames.SystemThreadingInterlocked);
    }

    /// <summary>
    /// Whether the value produced by <paramref name="operation"/> is made only when a long-lived member does not hold
    /// one yet. <paramref name="overwritten"/> is the field or property the value is stored into when no such guard
    /// protects it.
    /// </summary>
    public bool IsGuarded(IOperation operation, out ISymbol? overwritten) => IsGuarded(operation, out overwritten, 0, anyCacheKey: true);

    /// <summary>
    /// As <see cref="IsGuarded(IOperation, out ISymbol?)"/>, for a call reach would follow: a cache-aside miss counts
    /// only when its key is the same on every invocation (a constant, a static or a member of <c>this</c>); a
    /// response cached per request id runs its computation on nearly every invocation.
    /// </summary>
    public bool IsGuardedOnce(IOperation operation) => IsGuarded(operation, out _, 0, anyCacheKey: false);

    private bool IsGuarded(IOperation operation, out ISymbol? overwritten, int depth, bool anyCacheKey)
    {
        overwritten = null;
        var crossedStatement = false;
        var path = new List<IOperation>();
        var current = operation;

        // The local the value itself is kept in (v = value, var v = value, through conversions and await): a cache-aside
        // miss guards the value only when the branch stores that local.
        ILocalSymbol? kept = null;
        var isTheValue = true;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ICoalesceAssignmentOperation coalesce when !crossedStatement && coalesce.Value == current:
                    return IsMember(coalesce.Target, out _);

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } throughLocal when !crossedStatement && throughLocal.Value == current:
                    // A local overwritten with the value: what encloses the assignment decides.
                    kept = isTheValue ? local.Local : null;
                    break;

                case IVariableDeclaratorOperation declarator when !crossedStatement:
                    kept = isTheValue ? declarator.Symbol : null;
                    crossedStatement = true;
                    break;

                case var _ when PassesTheValueOn(parent):
                    break;

                case ISimpleAssignmentOperation assignment when !crossedStatement && assignment.Value == current:
                    if (!IsMember(assignment.Target, out var member))
                    {
                        return false;
                    }

                    if (IsGuardedOnTheWay(path, member!) || IsGuardedAround(assignment, member!)
                        || (isTheValue && IsStoredOnAMiss(assignment, anyCacheKey)))
                    {
                        return true;
                    }

                    overwritten = member;
                    return false;

                case IArgumentOperation argument when !crossedStatement && IsInterlockedCompareExchange(argument):
                    return true;

                case IConditionalOperation conditional when conditional.Condition != current
                    && (GuardsItsBody(conditional, current) || (kept is not null && IsCacheMiss(conditional, current, kept, anyCacheKey))):
                    // The value goes through a local: the enclosing if still makes it at most once (per key, for a cache).
                    return true;

                case IBlockOperation block when kept is not null && FollowsCacheHit(block, current, kept, anyCacheKey):
                    return true;

                case IAnonymousFunctionOperation lambda:
                    // The factory of a Lazy<T> or LazyInitializer runs once, whatever its body does.
                    return IsLazyFactory(lambda);

                case ILocalFunctionOperation localFunction:
                    return depth < MaxLocalFunctionDepth && IsOnlyUsedOnce(localFunction, depth, anyCacheKey);

                case IMethodBodyOperation:
                    return false;

                case IExpressionStatementOperation or IVariableDeclaratorOperation or IReturnOperation or IBlockOperation:
                    crossedStatement = true;
                    break;
            }

            isTheValue &= PassesTheValueOn(parent);

            path.Add(parent);
        }

        return false;
    }

    /// <summary>An operation whose value is its operand's: a conversion, an <c>await</c>, parentheses, an initializer.</summary>
    private static bool PassesTheValueOn(IOperation parent) =>
        parent is IConversionOperation or IAwaitOperation or IParenthesizedOperation or IVariableInitializerOperation;

    /// <summary>
    /// <c>d[k] = value</c> (or <c>d.Add(k, value)</c> alike) in the miss branch of a lookup of <c>k</c> in the same
    /// long-lived dictionary: <c>if (!d.ContainsKey(k)) d[k] = new X();</c>.
    /// </summary>
    private static bool IsStoredOnAMiss(ISimpleAssignmentOperation assignment, bool anyCacheKey)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: > 0 } element
            || !IsLongLivedMember(Wrappers.Conversions(instance), out var dictionary))
        {
            return false;
        }

        var key = element.Arguments[0].Value;
        var current = (IOperation)assignment;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition != current
                    && TryGetLookup(conditional.Condition, out var looked, out var lookedKey, out var hitWhenTrue)
                    && SymbolEqualityComparer.Default.Equals(looked, dictionary) && StateHolders.AreSameKey(lookedKey!, key)
                    && (hitWhenTrue ? conditional.WhenFalse : conditional.WhenTrue) == current:
                    return anyCacheKey || IsTheSameOnEveryInvocation(key);
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                    return false;
            }
        }

        return false;
    }

    private bool IsInterlockedCompareExchange(IArgumentOperation argument) =>
        argument.Parent is IInvocationOperation invocation
        && invocation.TargetMethod.ContainingType.IsType(_interlocked)
        && invocation.TargetMethod.Name == nameof(System.Threading.Interlocked.CompareExchange);

    /// <summary><c>_f = _f ?? value</c> and <c>_f = _f is null ? value : _f</c>.</summary>
    private static bool IsGuardedOnTheWay(List<IOperation> path, ISymbol member)
    {
        foreach (var operation in path)
        {
            switch (operation)
            {
                case ICoalesceOperation coalesce when IsReferenceTo(coalesce.Value, member):
                    return true;
                case IConditionalOperation conditional when TestsForNull(conditional.Condition, member):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the assignment sits in <c>_f ?? (_f = value)</c>, or under an <c>if</c> that tests the member for null
    /// (enclosing it, or preceding it in an enclosing block: the early-return shape), or under an <c>if</c> that
    /// reads a member its body writes.
    /// </summary>
    private static bool IsGuardedAround(IOperation assignment, ISymbol member)
    {
        var current = assignment;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ICoalesceOperation coalesce when coalesce.WhenNull == current && IsReferenceTo(coalesce.Value, member):
                    return true;

                case IConditionalOperation conditional when conditional.Condition != current
                    && (TestsForNull(conditional.Condition, member) || GuardsItsBody(conditional, current)):
                    return true;

                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == current)
                        {
                            break;
                        }

                        if (statement is IConditionalOperation earlier && TestsForNull(earlier.Condition, member))
                        {
                            return true;
                        }
                    }

                    break;

                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>An <c>if</c> whose condition reads a field or property that the branch holding the code writes.</summary>
    private static bool GuardsItsBody(IConditionalOperation conditional, IOperation branch)
    {
        if (branch != conditional.WhenTrue)
        {
            return false;
        }

        foreach (var read in TreeWalk.DescendantsAndSelf(conditional.Condition))
        {
            if (IsLongLivedMember(read, out var member) && Writes(branch, member!))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The miss branch of a cache-aside lookup: <c>if (!d.TryGetValue(k, out v)) { miss }</c> or
    /// <c>if (d.TryGetValue(k, out v)) { ... } else { miss }</c> (<c>ContainsKey</c> alike), where <c>d</c> is a static
    /// member or a member of <c>this</c> and the miss branch stores into it, as a cache does.
    /// </summary>
    private static bool IsCacheMiss(IConditionalOperation conditional, IOperation branch, ILocalSymbol kept, bool anyCacheKey)
    {
        if (!TryGetLookup(conditional.Condition, out var dictionary, out var key, out var hitWhenTrue)
            || !(anyCacheKey || IsTheSameOnEveryInvocation(key!)))
        {
            return false;
        }

        var miss = hitWhenTrue ? conditional.WhenFalse : conditional.WhenTrue;
        return miss == branch && StoresInto(branch, dictionary!, key!, kept);
    }

    /// <summary>
    /// A statement after <c>if (d.TryGetValue(k, out var v)) return v;</c> in the same block, where the block stores
    /// into <c>d</c>: the early-return form of the cache-aside miss.
    /// </summary>
    private static bool FollowsCacheHit(IBlockOperation block, IOperation statement, ILocalSymbol kept, bool anyCacheKey)
    {
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenFalse: null } hit
                && TryGetLookup(hit.Condition, out var dictionary, out var key, out var hitWhenTrue) && hitWhenTrue
                && (anyCacheKey || IsTheSameOnEveryInvocation(key!))
                && Leaves(hit.WhenTrue)
                && StoresInto(block, dictionary!, key!, kept))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>d.TryGetValue(...)</c> or <c>d.ContainsKey(...)</c> on a long-lived member, negated or not.</summary>
    private static bool TryGetLookup(IOperation condition, out ISymbol? dictionary, out IOperation? key, out bool hitWhenTrue)
    {
        dictionary = null;
        key = null;
        hitWhenTrue = true;
        while (true)
        {
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    hitWhenTrue = !hitWhenTrue;
                    condition = not.Operand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, RightOperand.ConstantValue: { HasValue: true, Value: false } } equalsFalse:
                    hitWhenTrue = !hitWhenTrue;
                    condition = equalsFalse.LeftOperand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, LeftOperand.ConstantValue: { HasValue: true, Value: false } } falseEquals:
                    hitWhenTrue = !hitWhenTrue;
                    condition = falseEquals.RightOperand;
                    continue;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: false } } } isFalse:
                    hitWhenTrue = !hitWhenTrue;
                    condition = isFalse.Value;
                    continue;
                case IConversionOperation conversion:
                    condition = conversion.Operand;
                    continue;
            }

            break;
        }

        if (condition is not IInvocationOperation lookup
            || !LongLivedState.IsKeyLookup(lookup.TargetMethod.Name)
            || lookup.Type?.SpecialType != SpecialType.System_Boolean
            || LongLivedState.KeyedReceiver(lookup, out key, out _) is not { } receiver)
        {
            return false;
        }

        return key is not null && IsLongLivedMember(Wrappers.Conversions(receiver), out dictionary);
    }

    /// <summary>
    /// The kept local stored into the member under the looked-up key: <c>d[k] = v</c>, <c>d.Add(k, v)</c>,
    /// <c>d.TryAdd</c>, <c>cache.Set</c>.
    /// </summary>
    private static bool StoresInto(IOperation body, ISymbol dictionary, IOperation key, ILocalSymbol kept)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(body))
        {
            IOperation? receiver = null;
            IOperation? storedKey = null;
            IOperation? value = null;
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: > 0 } element } assignment:
                    (receiver, storedKey, value) = (element.Instance, element.Arguments[0].Value, assignment.Value);
                    break;
                case IInvocationOperation call when LongLivedState.StoresUnderAKey(call.TargetMethod.Name):
                    receiver = LongLivedState.KeyedReceiver(call, out storedKey, out value);
                    break;
            }

            if (receiver is not null && storedKey is not null && value is not null
                && IsReferenceTo(receiver, dictionary) && StateHolders.AreSameKey(storedKey, key)
                && Wrappers.Conversions(value) is ILocalReferenceOperation stored && SymbolEqualityComparer.Default.Equals(stored.Local, kept))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key that names no parameter or local: a constant, a static member, a member of <c>this</c>.</summary>
    private static bool IsTheSameOnEveryInvocation(IOperation key) =>
        Wrappers.Conversions(key) switch
        {
            { ConstantValue.HasValue: true } => true,
            IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } => true,
            _ => false,
        };

    private static bool Leaves(IOperation branch) =>
        branch is IReturnOperation or IThrowOperation
        || (branch is IBlockOperation { Operations: { Length: > 0 } operations } && operations[operations.Length - 1] is IReturnOperation or IThrowOperation);

    private static bool Writes(IOperation body, ISymbol member)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(body))
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            if (target is not null && IsReferenceTo(target, member))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsLazyFactory(IAnonymousFunctionOperation lambda) => IsLazyFactoryArgument(lambda);

    /// <summary>A delegate (lambda or method group) given to <c>new Lazy&lt;T&gt;(...)</c> or <c>LazyInitializer</c>.</summary>
    private bool IsLazyFactoryArgument(IOperation @delegate)
    {
        var current = @delegate;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation argument)
        {
            return false;
        }

        return argument.Parent switch
        {
            IObjectCreationOperation creation => creation.Type.IsType(_lazy),
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType.IsType(_lazyInitializer),
            _ => false,
        };
    }

    /// <summary>
    /// A local function whose every use makes its result once: passed as a Lazy factory, or called where the call
    /// itself is guarded (<c>_f ??= Create()</c>). An unused local function never runs.
    /// </summary>
    private bool IsOnlyUsedOnce(ILocalFunctionOperation localFunction, int depth, bool anyCacheKey)
    {
        IOperation top = localFunction;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        foreach (var operation in TreeWalk.Descendants(top))
        {
            switch (operation)
            {
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, localFunction.Symbol):
                    if (!IsLazyFactoryArgument(reference))
                    {
                        return false;
                    }

                    break;

                case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, localFunction.Symbol):
                    if (!IsGuarded(call, out _, depth + 1, anyCacheKey))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>A static member, or a member of <c>this</c>: state that outlives the invocation, unlike members of the event.</summary>
    private static bool IsLongLivedMember(IOperation operation, out ISymbol? member)
    {
        member = null;
        return operation is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation }
            && IsMember(operation, out member);
    }

    private static bool IsMember(IOperation target, out ISymbol? member)
    {
        member = target switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };
        return member is not null;
    }

    private static bool TestsForNull(IOperation condition, ISymbol member)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(condition))
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when (IsReferenceTo(binary.LeftOperand, member) && IsNullConstant(binary.RightOperand))
                      || (IsReferenceTo(binary.RightOperand, member) && IsNullConstant(binary.LeftOperand)):
                    return true;

                case IIsPatternOperation pattern when IsReferenceTo(pattern.Value, member):
                    return true;
            }
        }

        return false;
    }

    private static bool IsReferenceTo(IOperation operation, ISymbol member) =>
        IsMember(Wrappers.Conversions(operation), out var referenced) && SymbolEqualityComparer.Default.Equals(referenced, member);

    private static bool IsNullConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null };
}
