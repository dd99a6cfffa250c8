using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The long-lived state one member's per-invocation code reaches: which member an expression stores into, whether it
/// outlives the invocation (a static, a member of a reused handler instance, a captured primary-constructor parameter,
/// one level deep into an object held there), and the cache shapes that make a write harmless. Members listed as
/// intentional are not state holders.
/// </summary>
internal sealed class StateHolders(LongLivedState state, InvocationScope scope, ISymbol owningSymbol, ImmutableHashSet<ISymbol> intentional)
{
    /// <summary>
    /// The long-lived member a write target stores into: the member itself, or the array or collection whose element
    /// it writes (<paramref name="indexer"/> is then the indexer reference, when it is one).
    /// </summary>
    public bool TryGetWrittenHolder(IOperation target, out StateHolder holder, out IPropertyReferenceOperation? indexer)
    {
        indexer = null;
        target = Unwrap(target);
        switch (target)
        {
            case IArrayElementReferenceOperation element:
                return TryGetHolder(element.ArrayReference, out holder);

            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } property:
                indexer = property;
                return TryGetHolder(instance, out holder);

            default:
                return TryGetHolder(target, out holder);
        }
    }

    public bool TryGetHolder(IOperation operation, out StateHolder holder)
    {
        holder = default;
        operation = Unwrap(operation);
        if (!TryGetMember(operation, out var member, out var instance))
        {
            return false;
        }

        if (IsLongLivedRoot(member!, instance, out var isStatic, out var held))
        {
            holder = new StateHolder(operation, member!, null, isStatic, held);
            return !IsIntentional(member!);
        }

        // One level deep: a field or auto-property of an object held in a long-lived member (_state.LastUser).
        if (instance is null
            || member!.IsStatic
            || !state.IsDeclaredInSource(member)
            || !TryGetMember(Unwrap(instance), out var outer, out var outerInstance)
            || !IsLongLivedRoot(outer!, outerInstance, out isStatic, out held))
        {
            return false;
        }

        holder = new StateHolder(operation, outer!, member, isStatic, held);
        return !IsIntentional(outer!) && !IsIntentional(member);
    }

    /// <summary>A field, an auto-property (both in source), or a captured primary-constructor parameter.</summary>
    private bool TryGetMember(IOperation operation, out ISymbol? member, out IOperation? instance)
    {
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsConst: false } field } reference:
                member = field;
                instance = reference.Instance;
                return true;

            case IPropertyReferenceOperation { Property: { IsIndexer: false } property } reference when state.IsDeclaredInSource(property) && state.IsAutoProperty(property):
                member = property;
                instance = reference.Instance;
                return true;

            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
                when !SymbolEqualityComparer.Default.Equals(constructor, owningSymbol):
                // A constructor parameter used outside its constructor is a primary-constructor parameter the class captures.
                member = parameter;
                instance = null;
                return true;

            default:
                member = null;
                instance = null;
                return false;
        }
    }

    private bool IsLongLivedRoot(ISymbol member, IOperation? instance, out bool isStatic, out bool held)
    {
        isStatic = false;
        held = false;
        if (member is IParameterSymbol { ContainingSymbol.ContainingType: { } parameterOwner })
        {
            return state.IsDeclaredInSource(parameterOwner) && state.IsReusedInstance(parameterOwner);
        }

        if (!state.IsDeclaredInSource(member))
        {
            // Statics of referenced assemblies (AWSConfigs.*, JsonConvert.DefaultSettings) are library configuration.
            return false;
        }

        if (member.IsStatic)
        {
            isStatic = true;
            return state.IsLongLivedStatic(member);
        }

        // A member of the reused handler instance, or, in reached code, of an object some per-invocation call runs the
        // method on while a static or the reused instance holds it (s_audit.Record(user)).
        if (instance is null
            || Unwrap(instance) is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, Type: INamedTypeSymbol type })
        {
            return false;
        }

        if (state.IsReusedInstance(type))
        {
            return true;
        }

        held = OwningMethod() is { } method && scope.IsCalledOnALongLivedReceiver(method);
        return held;
    }

    /// <summary>The method whose instance <c>this</c> is in these blocks (a lambda's <c>this</c> is its method's).</summary>
    private IMethodSymbol? OwningMethod()
    {
        var symbol = owningSymbol;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
        {
            symbol = nested.ContainingSymbol;
        }

        return symbol as IMethodSymbol is { MethodKind: MethodKind.Ordinary or MethodKind.PropertySet or MethodKind.PropertyGet, IsStatic: false } method ? method : null;
    }

    private bool IsIntentional(ISymbol member) =>
        !intentional.IsEmpty
        && (intentional.Contains(member.OriginalDefinition)
            || (member.ContainingType is { } type && intentional.Contains(type.OriginalDefinition)));

    /// <summary>
    /// A one-slot cache: the member is overwritten in a branch of an <c>if</c> or <c>?:</c> whose condition reads it,
    /// directly or through a local initialized from it (<c>var cached = s_rates; ... cached.Base == currency ? cached : (s_rates = Fetch(currency))</c>).
    /// </summary>
    public bool IsRefreshOfCachedValue(IOperation write, StateHolder holder)
    {
        var current = write;
        for (var parent = write.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition != current && ReadsHolder(conditional.Condition, holder):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                    return false;
            }
        }

        return false;
    }

    private bool ReadsHolder(IOperation condition, StateHolder holder)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(condition))
        {
            var read = operation is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } initializer
                ? Unwrap(initializer)
                : operation;
            if (read is IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation
                && TryGetHolder(read, out var other) && other.IsSame(holder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The cache-aside shape: the same body has already looked the key up in the same dictionary (<c>TryGetValue</c>,
    /// <c>ContainsKey</c>, an indexer read) before writing it.
    /// </summary>
    public bool IsCacheAside(StateHolder holder, ITypeSymbol? dictionaryType, IOperation write, IOperation? key)
    {
        if (key is null || !state.IsDictionary(dictionaryType) || scope.GetRoot(write) is not { } root)
        {
            return false;
        }

        // Before the write, or in its own value (d[k] = d[k] + 1); the written indexer itself is not a lookup.
        var writeEnd = write.Syntax.Span.End;
        foreach (var operation in TreeWalk.Descendants(root))
        {
            if (operation.Syntax.SpanStart >= writeEnd)
            {
                continue;
            }

            IOperation? receiver;
            IOperation? lookedUp;
            switch (operation)
            {
                case IInvocationOperation invocation when LongLivedState.IsKeyLookup(invocation.TargetMethod.Name):
                    receiver = LongLivedState.KeyedReceiver(invocation, out lookedUp, out _);
                    break;

                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: > 0 } read
                    when !(read.Parent is ISimpleAssignmentOperation assignment && assignment.Target == read):
                    receiver = read.Instance;
                    lookedUp = read.Arguments[0].Value;
                    break;

                default:
                    continue;
            }

            if (receiver is not null && lookedUp is not null
                && TryGetHolder(receiver, out var other) && other.IsSame(holder)
                && AreSameKey(lookedUp, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same constant, or the same expression: the key a cache looks up and the one it stores under.</summary>
    public static bool AreSameKey(IOperation left, IOperation right)
    {
        left = Unwrap(left);
        right = Unwrap(right);
        if (left.ConstantValue.HasValue || right.ConstantValue.HasValue)
        {
            return left.ConstantValue.HasValue && right.ConstantValue.HasValue && Equals(left.ConstantValue.Value, right.ConstantValue.Value);
        }

        return SyntaxFactory.AreEquivalent(left.Syntax, right.Syntax);
    }

    /// <summary>Implicit conversions and parentheses change nothing about which member is written.</summary>
    public static IOperation Unwrap(IOperation operation) => Wrappers.ImplicitConversionsAndParentheses(operation);
}
