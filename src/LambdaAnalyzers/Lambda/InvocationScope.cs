using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What runs per invocation inside the operation blocks of one member: the regions the model's sources found (a
/// handler's whole body, handler lambdas and local functions nested in init code), minus the SnapStart callbacks in
/// them. Everything else in those blocks is init code.
/// </summary>
internal sealed class InvocationScope
{
    private const int MaxLocalDepth = LocalAssignments.ValueDepth;

    private readonly ImmutableArray<IOperation> _blocks;
    private readonly LambdaSymbols _symbols;
    private LocalAssignments? _locals;
    private BlockOperations? _operations;
    private ImmutableHashSet<IMethodSymbol>? _localFunctionCallbacks;
    private readonly Func<IParameterSymbol, bool>? _reachedArguments;
    private readonly Func<IMethodSymbol, bool>? _reachedOnLongLivedReceiver;

    internal InvocationScope(
        ImmutableArray<IOperation> blocks,
        ImmutableArray<Region> regions,
        LambdaSymbols symbols,
        LocalAssignments? locals,
        Func<IParameterSymbol, bool>? reachedArguments = null,
        Func<IMethodSymbol, bool>? reachedOnLongLivedReceiver = null)
    {
        _reachedArguments = reachedArguments;
        _reachedOnLongLivedReceiver = reachedOnLongLivedReceiver;
        _blocks = blocks;
        Regions = regions;
        _symbols = symbols;
        _locals = locals;

        var roots = ImmutableArray.CreateBuilder<IOperation>(regions.Length);
        foreach (var region in regions)
        {
            roots.Add(region.Root);
            if (region.Kind == RegionKind.HandlerBody)
            {
                HandlerMethod ??= region.Entry;
            }
            else if (region.Kind == RegionKind.Reached)
            {
                HasReachedRegions = true;
            }
        }

        Roots = roots.MoveToImmutable();
    }

    /// <summary>The per-invocation code of these blocks, and why each part runs per invocation.</summary>
    public ImmutableArray<Region> Regions { get; }

    /// <summary>The operations whose code runs per invocation: method bodies, handler lambdas and local functions.</summary>
    public ImmutableArray<IOperation> Roots { get; }

    /// <summary>The handler method when the whole member is a handler; null when only nested code is.</summary>
    public IMethodSymbol? HandlerMethod { get; }

    /// <summary>Whether some of this code runs per invocation because a handler reaches it through calls.</summary>
    public bool HasReachedRegions { get; }

    /// <summary>
    /// Whether these blocks are reached code of an instance method that some per-invocation call runs on a long-lived
    /// object (<see cref="ReachedArguments.IsCalledOnALongLivedReceiver"/>): its instance fields then outlive the invocation.
    /// </summary>
    public bool IsCalledOnALongLivedReceiver(IMethodSymbol method) =>
        HasReachedRegions && _reachedOnLongLivedReceiver is not null && _reachedOnLongLivedReceiver(method);

    /// <summary>This scope without the code a handler reaches through calls, or null when nothing else runs per invocation.</summary>
    public InvocationScope? WithoutReachedRegions()
    {
        if (!HasReachedRegions)
        {
            return this;
        }

        var kept = ImmutableArray.CreateBuilder<Region>();
        foreach (var region in Regions)
        {
            if (region.Kind != RegionKind.Reached)
            {
                kept.Add(region);
            }
        }

        return kept.Count == 0 ? null : new InvocationScope(_blocks, kept.ToImmutable(), _symbols, _locals, _reachedArguments, _reachedOnLongLivedReceiver);
    }

    /// <summary>Assignments to the locals of the member, gathered on first use.</summary>
    public LocalAssignments Locals
    {
        get
        {
            var locals = Volatile.Read(ref _locals);
            if (locals is null)
            {
                locals = new LocalAssignments(_blocks);
                Interlocked.CompareExchange(ref _locals, locals, null);
            }

            return locals;
        }
    }

    /// <summary>The operations of these blocks that rules look at, by kind, gathered on first use.</summary>
    public BlockOperations Operations
    {
        get
        {
            var operations = Volatile.Read(ref _operations);
            if (operations is null)
            {
                operations = Interlocked.CompareExchange(ref _operations, BlockOperations.Gather(_blocks), null) ?? _operations!;
            }

            return operations;
        }
    }

    /// <summary>
    /// In code a handler reaches: whether an operation only runs when a parameter is null (<c>client ?? new X()</c>,
    /// <c>client ??= new X()</c>, <c>client is null ? new X() : client</c>), which the callers decide.
    /// </summary>
    public bool IsParameterFallback(IOperation operation)
    {
        if (!HasReachedRegions)
        {
            return false;
        }

        for (var current = operation; current.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                    return Wrappers.ConversionsAndParentheses(coalesce.Value) is IParameterReferenceOperation;
                case ICoalesceAssignmentOperation assignment when assignment.Value == current:
                    return Wrappers.ConversionsAndParentheses(assignment.Target) is IParameterReferenceOperation;
                case IConditionalOperation conditional when conditional.Condition != current:
                    return TestsParameterForNull(conditional.Condition);
                case IConversionOperation or IParenthesizedOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool TestsParameterForNull(IOperation condition) => condition switch
    {
        IIsPatternOperation { Value: var value, Pattern: IConstantPatternOperation or INegatedPatternOperation } =>
            Wrappers.ConversionsAndParentheses(value) is IParameterReferenceOperation,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
            Wrappers.ConversionsAndParentheses(binary.LeftOperand) is IParameterReferenceOperation
            || Wrappers.ConversionsAndParentheses(binary.RightOperand) is IParameterReferenceOperation,
        _ => false,
    };

    /// <summary>Whether an operation of these blocks runs per invocation.</summary>
    public bool Contains(IOperation operation) => GetRegion(operation) is not null;

    /// <summary>The innermost per-invocation root that contains an operation, or null for init code.</summary>
    public IOperation? GetRoot(IOperation operation) => GetRegion(operation)?.Root;

    /// <summary>
    /// The innermost region that contains an operation, or null for init code and for the SnapStart callbacks inside
    /// per-invocation code, which run when a snapshot is taken or restored.
    /// </summary>
    public Region? GetRegion(IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            foreach (var region in Regions)
            {
                if (ReferenceEquals(region.Root, current))
                {
                    return region;
                }
            }

            if (IsSnapStartCallback(current))
            {
                return null;
            }
        }

        return null;
    }

    private bool IsSnapStartCallback(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.AnonymousFunction:
                return SnapStartCallbacks.IsCallback((IAnonymousFunctionOperation)operation, _symbols);
            case OperationKind.LocalFunction when !_symbols.SnapshotRegistrations.IsEmpty:
                var callbacks = Volatile.Read(ref _localFunctionCallbacks);
                if (callbacks is null)
                {
                    callbacks = SnapStartCallbacks.FindLocalFunctionCallbacks(_blocks, _symbols);
                    Interlocked.CompareExchange(ref _localFunctionCallbacks, callbacks, null);
                }

                return callbacks.Contains(((ILocalFunctionOperation)operation).Symbol.OriginalDefinition);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether a value depends on the invocation: it reads a parameter of the handler (or of a lambda or local
    /// function around it in per-invocation code), directly or through any expression, or a local any of whose
    /// assignments does (followed to depth 3). The parameters of a lambda inside the value itself
    /// (<c>s_prices.Max(p =&gt; p * 2)</c>) are not invocation data: the value depends on what the lambda is applied to.
    /// What cannot be followed (deeper locals, catch variables) counts as <paramref name="unknownDepends"/>: a rule
    /// that stays silent for dependent values passes true, one that reports them passes false.
    /// </summary>
    public bool DependsOnInvocation(IOperation value, bool unknownDepends) =>
        !IsLambdaLogger(value) && DependsOnInvocation(value, unknownDepends, 0, null);

    /// <summary>The invocation's logger (<see cref="LambdaSymbols.LambdaLogger"/>): the same writer for every invocation.</summary>
    private bool IsLambdaLogger(IOperation value) =>
        _symbols.LambdaLogger is { } logger && Wrappers.ConversionsAndParentheses(value).Type.IsType(logger);

    private bool DependsOnInvocation(IOperation value, bool unknownDepends, int depth, HashSet<ILocalSymbol>? visiting)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(value))
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when IsInvocationParameter(parameter.Parameter) && !IsDeclaredIn(parameter.Parameter, value)
                    && !ReadsOnlyTheLogger(parameter, value, _symbols.LambdaLogger):
                    return true;

                // What a reached method is given: invocation data when some per-invocation call passes it some.
                case IParameterReferenceOperation parameter when HasReachedRegions && _reachedArguments is not null
                    && parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) }
                    && _reachedArguments(parameter.Parameter):
                    return true;

                // Otherwise what it is given, and the state of the object it runs on, come from callers that are not
                // followed here: unknown.
                case IParameterReferenceOperation when HasReachedRegions && unknownDepends:
                    return true;

                case IMemberReferenceOperation { Instance: IInstanceReferenceOperation } when HasReachedRegions && unknownDepends:
                    return true;

                case ILocalReferenceOperation local when LocalDependsOnInvocation(local.Local, unknownDepends, depth, visiting):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a read of the context only gives its logger to the value (<c>new LoggerAdapter(context.Logger)</c>):
    /// something between the read and the value is an <see cref="LambdaSymbols.LambdaLogger"/>.
    /// </summary>
    internal static bool ReadsOnlyTheLogger(IOperation read, IOperation value, INamedTypeSymbol? logger)
    {
        if (logger is null)
        {
            return false;
        }

        for (var current = read.Parent; current is not null && current != value.Parent; current = current.Parent)
        {
            if (current.Type.IsType(logger))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredIn(IParameterSymbol parameter, IOperation value)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } method)
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == value.Syntax.SyntaxTree && value.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private bool LocalDependsOnInvocation(ILocalSymbol local, bool unknownDepends, int depth, HashSet<ILocalSymbol>? visiting)
    {
        visiting ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!visiting.Add(local))
        {
            // Already being followed: a self-reference adds nothing.
            return false;
        }

        try
        {
            if (depth >= MaxLocalDepth)
            {
                return unknownDepends;
            }

            foreach (var assigned in Locals.Get(local))
            {
                if (assigned is null ? unknownDepends : DependsOnInvocation(assigned, unknownDepends, depth + 1, visiting))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            visiting.Remove(local);
        }
    }

    /// <summary>A parameter of the handler, or of a lambda or local function declared inside per-invocation code.</summary>
    public bool IsInvocationParameter(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        if (HandlerMethod is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, HandlerMethod.OriginalDefinition))
        {
            return true;
        }

        if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var root in Roots)
            {
                if (root.Syntax.SyntaxTree == reference.SyntaxTree && root.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
