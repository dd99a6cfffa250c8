using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What runs per invocation inside the operation blocks of one member: either the whole body (the member is a
/// handler) or the handler lambdas and local functions nested in it (top-level statements, <c>Main</c>,
/// constructors). Everything else in those blocks is init code.
/// </summary>
internal sealed class InvocationScope
{
    private const int MaxLocalDepth = 3;

    private readonly ImmutableArray<IOperation> _blocks;
    private readonly IMethodSymbol? _handlerMethod;
    private LocalAssignments? _locals;

    private InvocationScope(ImmutableArray<IOperation> blocks, ImmutableArray<IOperation> roots, IMethodSymbol? handlerMethod, LocalAssignments? locals)
    {
        _blocks = blocks;
        Roots = roots;
        _handlerMethod = handlerMethod;
        _locals = locals;
    }

    /// <summary>The operations whose code runs per invocation: method bodies, handler lambdas and local functions.</summary>
    public ImmutableArray<IOperation> Roots { get; }

    /// <summary>The handler method when the whole member is a handler; null when only nested code is.</summary>
    public IMethodSymbol? HandlerMethod => _handlerMethod;

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

    internal static InvocationScope ForHandler(ImmutableArray<IOperation> blocks, IMethodSymbol handler)
    {
        var roots = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var block in blocks)
        {
            // Parameter default values and attributes are compile-time constants, not handler code.
            if (block.Kind is OperationKind.MethodBody or OperationKind.Block)
            {
                roots.Add(block);
            }
        }

        return new InvocationScope(blocks, roots.ToImmutable(), handler, null);
    }

    internal static InvocationScope? ForNestedHandlers(ImmutableArray<IOperation> blocks, LambdaSymbols symbols)
    {
        // Most members hold no lambda or local function, so no handler: their operations are not walked.
        if (!NestedCodeFilter.MayHoldNestedCode(blocks))
        {
            return null;
        }

        // Gather the locals only when a bootstrap registration passes one.
        LocalAssignments? locals = null;
        var roots = HandlerDiscovery.FindNestedHandlers(blocks, symbols, () => locals ??= new LocalAssignments(blocks));
        return roots.IsEmpty ? null : new InvocationScope(blocks, roots, null, locals);
    }

    /// <summary>Whether an operation of these blocks runs per invocation.</summary>
    public bool Contains(IOperation operation) => GetRoot(operation) is not null;

    /// <summary>The innermost per-invocation root that contains an operation, or null for init code.</summary>
    public IOperation? GetRoot(IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            foreach (var root in Roots)
            {
                if (ReferenceEquals(root, current))
                {
                    return root;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a value depends on the invocation: it reads a parameter of the handler (or of a lambda or local
    /// function around it in per-invocation code), directly or through any expression, or a local any of whose
    /// assignments does (followed to depth 3). The parameters of a lambda inside the value itself
    /// (<c>s_prices.Max(p =&gt; p * 2)</c>) are not invocation data: the value depends on what the lambda is applied to.
    /// What cannot be followed (deeper locals, catch variables) counts as <paramref name="unknownDepends"/>: a rule
    /// that stays silent for dependent values passes true, one that reports them passes false.
    /// </summary>
    public bool DependsOnInvocation(IOperation value, bool unknownDepends) => DependsOnInvocation(value, unknownDepends, 0, null);

    private bool DependsOnInvocation(IOperation value, bool unknownDepends, int depth, HashSet<ILocalSymbol>? visiting)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when IsInvocationParameter(parameter.Parameter) && !IsDeclaredIn(parameter.Parameter, value):
                    return true;

                case ILocalReferenceOperation local when LocalDependsOnInvocation(local.Local, unknownDepends, depth, visiting):
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

        if (_handlerMethod is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _handlerMethod.OriginalDefinition))
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
