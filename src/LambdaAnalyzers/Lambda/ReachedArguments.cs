using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What a reached method is given: a parameter carries invocation data when some per-invocation call of the method
/// (<see cref="ReachIndex.CallSitesOf"/>) passes, for it, a value that reads a parameter of the handler (or of a lambda
/// or local function inside the handler), directly or through the caller's locals, or a parameter of a reached caller
/// that carries invocation data in its turn. <c>Audit.Record(record.User)</c> makes <c>user</c> in <c>Record</c>
/// invocation data; <c>Audit.Record("system")</c> alone does not. What cannot be followed (fields, calls' results,
/// <c>this</c>) does not count: the answer is for rules that report what depends on the invocation. Also what a reached
/// instance method runs on: whether some per-invocation call's receiver is long-lived.
/// </summary>
internal sealed class ReachedArguments(Compilation compilation, ReachIndex reach)
{
    /// <summary>How many call sites of one method are read; beyond, the parameter counts as given no invocation data.</summary>
    private const int MaxSites = 16;

    /// <summary>How many reached callers are followed up the chain.</summary>
    private const int MaxCallerDepth = 3;

    private readonly ConcurrentDictionary<IParameterSymbol, bool> _answers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _receivers = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _logger = KnownTypes.Get(compilation).Find(KnownTypeNames.AmazonLambdaCoreILambdaLogger, KnownTypeNames.AmazonLambdaCoreAssemblyName);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>
    /// The answer for a parameter, the same whatever was asked before: only the answers to these questions are kept;
    /// what the callers' parameters carry is worked out anew for each, within <see cref="MaxCallerDepth"/> callers of
    /// the parameter's method, and a parameter already being worked out on the way (recursion) counts as carrying
    /// nothing.
    /// </summary>
    public bool CarriesInvocationData(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var key = parameter.OriginalDefinition;
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = CarriesInvocationData(key, 0, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default), cancellationToken);
        _answers[key] = answer;
        return answer;
    }

    private bool CarriesInvocationData(IParameterSymbol parameter, int depth, HashSet<IParameterSymbol> visiting, CancellationToken cancellationToken)
    {
        if (depth >= MaxCallerDepth || parameter.ContainingSymbol is not IMethodSymbol method || !visiting.Add(parameter))
        {
            return false;
        }

        try
        {
            return AnySite(method, cancellationToken, (caller, site) =>
                ArgumentAt(site, method, parameter.Ordinal, cancellationToken) is { } value
                && DependsOnInvocation(value, caller, LocalAssignments.ForBlockOf(value), depth, visiting, 0, cancellationToken));
        }
        finally
        {
            visiting.Remove(parameter);
        }
    }

    /// <summary>
    /// Whether some per-invocation call of a reached method passes, for a task-typed parameter, a task that the caller
    /// has not awaited before the call: the result of a call or a creation, directly or through a local of the caller
    /// that the caller does not complete before the call (<see cref="TaskCompletion"/>: awaited, waited on, checked). A synchronous wrapper that waits on a task its caller already
    /// awaited (<c>Wait(task)</c> after <c>await task</c>) blocks on nothing.
    /// </summary>
    public bool PassesUnawaitedTask(IParameterSymbol parameter, TaskMembers members, CancellationToken cancellationToken)
    {
        if (parameter.OriginalDefinition.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        return AnySite(method, cancellationToken, (_, site) =>
        {
            if (ArgumentAt(site, method, parameter.Ordinal, cancellationToken) is not { } value)
            {
                return false;
            }

            var task = Wrappers.ConversionsAndParentheses(value);
            if (task is IInvocationOperation or IObjectCreationOperation)
            {
                return true;
            }

            // A local the caller started the work in, and did not complete (await, wait on) before the call.
            var root = RootOf(value);
            var locals = new LocalAssignments(ImmutableArray.Create(root));
            return task is ILocalReferenceOperation
                && TaskFlow.IsStartedIn(task, locals)
                && !new TaskCompletion(ImmutableArray.Create(root), members, locals).IsComplete(task, site.SourceSpan.Start);
        });
    }

    /// <summary>Whether one of the first <see cref="MaxSites"/> per-invocation calls of the method passes a test.</summary>
    private bool AnySite(IMethodSymbol method, CancellationToken cancellationToken, Func<ReachPath, Location, bool> test)
    {
        var sites = reach.CallSitesOf(method);
        for (var i = 0; i < sites.Count && i < MaxSites; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (test(sites[i].Caller, sites[i].Site))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some per-invocation call of a reached instance method runs it on a long-lived object: a static member of
    /// the project (<see cref="LongLivedState.IsLongLivedStatic"/>), a member of the reused handler instance, a member of
    /// such an object, or <c>this</c> in a caller that runs on one in its turn (within <see cref="MaxCallerDepth"/>
    /// callers), directly or through a local assigned once. An object created per invocation, a parameter, or a call's
    /// result is not known to be long-lived: it does not count.
    /// </summary>
    public bool IsCalledOnALongLivedReceiver(IMethodSymbol method, LongLivedState state, CancellationToken cancellationToken)
    {
        var key = method.OriginalDefinition;
        if (_receivers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = IsCalledOnALongLivedReceiver(key, state, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);
        _receivers[key] = answer;
        return answer;
    }

    private bool IsCalledOnALongLivedReceiver(IMethodSymbol method, LongLivedState state, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        if (method.IsStatic || depth >= MaxCallerDepth || !visiting.Add(method))
        {
            return false;
        }

        try
        {
            return AnySite(method, cancellationToken, (caller, site) =>
                OperationAt(site, cancellationToken) switch
                {
                    IInvocationOperation { Instance: { } instance } invocation when IsCallOf(invocation.TargetMethod, method) => instance,
                    IPropertyReferenceOperation { Instance: { } instance } => instance,
                    _ => null,
                } is { } receiver
                && IsLongLived(receiver, caller, state, depth, visiting, 0, cancellationToken));
        }
        finally
        {
            visiting.Remove(method);
        }
    }

    private bool IsLongLived(
        IOperation receiver, ReachPath caller, LongLivedState state, int depth, HashSet<IMethodSymbol> visiting, int localDepth, CancellationToken cancellationToken)
    {
        switch (Wrappers.ConversionsAndParentheses(receiver))
        {
            // A property that computes its value (=> new Audit(), => s_local.Value) holds no object of its own.
            case IPropertyReferenceOperation property when !state.IsAutoProperty(property.Property):
                return false;

            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when member.Member.IsStatic:
                return state.IsLongLivedStatic(member.Member);

            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol, Instance: { } instance } member when state.IsDeclaredInSource(member.Member):
                return IsLongLived(instance, caller, state, depth, visiting, localDepth, cancellationToken);

            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                // The caller's own instance: the reused handler instance, or an object its callers run it on.
                return caller.Method is { IsStatic: false } callerMethod
                    && ((callerMethod.ContainingType is { } type && state.IsReusedInstance(type))
                        || (caller.Depth > 0 && IsCalledOnALongLivedReceiver(callerMethod.OriginalDefinition, state, depth + 1, visiting, cancellationToken)));

            case ILocalReferenceOperation local when localDepth < LocalAssignments.ValueDepth:
                var assigned = LocalAssignments.ForBlockOf(local).Get(local.Local);
                return assigned.Count == 1 && assigned[0] is { } value
                    && IsLongLived(value, caller, state, depth, visiting, localDepth + 1, cancellationToken);

            default:
                return false;
        }
    }

    private static bool IsCallOf(IMethodSymbol target, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method)
        || (target.Name == method.Name && target.Parameters.Length == method.Parameters.Length);

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// The value a call of the method passes for the parameter at an ordinal, or null (a default value, a call not bound,
    /// a site that resolves a service rather than calling the method).
    /// </summary>
    private IOperation? ArgumentAt(Location site, IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        var (target, arguments) = OperationAt(site, cancellationToken) switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => ((IMethodSymbol?)null, ImmutableArray<IArgumentOperation>.Empty),
        };

        // The call's target is the method, or the member it overrides or implements (a dispatched call).
        if (target is null || !IsCallOf(target, method))
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The call, creation or property reference at a call site, or null when the site is no longer in its tree.</summary>
    private IOperation? OperationAt(Location site, CancellationToken cancellationToken)
    {
        if (site.SourceTree is not { } tree || !tree.TryGetRoot(out var root) || site.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(site.SourceSpan, getInnermostNodeForTie: true);
        return ModelOf(tree).GetOperation(node, cancellationToken);
    }

    private bool DependsOnInvocation(
        IOperation value, ReachPath caller, LocalAssignments locals, int depth, HashSet<IParameterSymbol> visiting, int localDepth, CancellationToken cancellationToken)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(value))
        {
            switch (operation)
            {
                case IParameterReferenceOperation reference when IsEntryParameter(reference.Parameter, caller)
                    && !InvocationScope.ReadsOnlyTheLogger(reference, value, _logger):
                    return true;
                case IParameterReferenceOperation reference when caller.Depth > 0
                    && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol.OriginalDefinition, caller.Method.OriginalDefinition)
                    && CarriesInvocationData(reference.Parameter.OriginalDefinition, depth + 1, visiting, cancellationToken):
                    return true;
                case ILocalReferenceOperation local when localDepth < LocalAssignments.ValueDepth:
                    foreach (var assigned in locals.Get(local.Local))
                    {
                        if (assigned is not null && DependsOnInvocation(assigned, caller, locals, depth, visiting, localDepth + 1, cancellationToken))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>A parameter of the entry that starts the caller's chain, or of a lambda or local function written inside the entry.</summary>
    private static bool IsEntryParameter(IParameterSymbol parameter, ReachPath caller)
    {
        if (caller.Depth != 0 || parameter.ContainingSymbol is not IMethodSymbol owner)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, caller.Method.OriginalDefinition))
        {
            return true;
        }

        if (owner.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
        {
            return false;
        }

        foreach (var entrySyntax in caller.Method.DeclaringSyntaxReferences)
        {
            foreach (var ownerSyntax in owner.DeclaringSyntaxReferences)
            {
                if (entrySyntax.SyntaxTree == ownerSyntax.SyntaxTree && entrySyntax.Span.Contains(ownerSyntax.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }

#pragma warning disable RS1030 // The call sites of a reached method are in other members; the driver's semantic model provider shares the models, as for the reach index.
    private SemanticModel ModelOf(SyntaxTree tree) => _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
