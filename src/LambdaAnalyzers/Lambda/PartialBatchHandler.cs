using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A handler that takes a batch event (SQS, Kinesis, DynamoDB, their time-window variants) and returns its family's
/// partial-batch response: Lambda counts every record the response does not name as processed. Knows the handler's
/// per-record loops (in its body and the lambdas and local functions there, or in a method whose response it returns), the
/// failure lists that flow into the response, and where it reports failures.
/// </summary>
internal sealed class PartialBatchHandler
{
    private readonly InvocationScope _scope;
    private readonly BatchSymbols _symbols;

    private PartialBatchHandler(InvocationScope scope, Region region, BatchFamily family, BatchSymbols symbols)
    {
        _scope = scope;
        _symbols = symbols;
        Region = region;
        Family = family;
    }

    public Region Region { get; }

    public BatchFamily Family { get; }

    /// <summary>The loops and lambdas that process one record at a time.</summary>
    public ImmutableArray<RecordLoop> Loops { get; private set; }

    /// <summary>
    /// The one list of failures that flows into the response, when there is exactly one: a local given to the
    /// response's constructor or assigned to its <c>BatchItemFailures</c>, or a response local whose
    /// <c>BatchItemFailures</c> the handler adds to. Null when there is none or more than one.
    /// </summary>
    public FailureList? OnlyFailureList { get; private set; }

    /// <summary>The partial-batch handler whose region this is, or null.</summary>
    public static PartialBatchHandler? TryCreate(InvocationScope scope, Region region, BatchSymbols symbols)
    {
        if (FamilyOf(region, symbols) is not { } family)
        {
            return null;
        }

        var handler = new PartialBatchHandler(scope, region, family, symbols);
        handler.Loops = handler.FindLoops();
        handler.OnlyFailureList = handler.FindOnlyFailureList();
        return handler;
    }

    /// <summary>
    /// The family of a region that handles a batch: a handler's own code, or a reached method that takes the family's
    /// event and returns its response, where every call of the shortest chain from a handler of that family is returned
    /// by its caller (<c>return await ProcessAsync(evnt);</c>), so that the method's response is the handler's.
    /// </summary>
    private static BatchFamily? FamilyOf(Region region, BatchSymbols symbols)
    {
        if (region.Kind is RegionKind.HandlerBody or RegionKind.NestedHandler)
        {
            return symbols.HandlerFamily(region.Entry);
        }

        if (region.Reach is not { } reach
            || symbols.HandlerFamily(reach.Method) is not { } family
            || symbols.HandlerFamily(reach.Entry) != family)
        {
            return null;
        }

        for (var link = reach; link.Caller is not null; link = link.Caller)
        {
            if (!ReturnedCall.IsReturned(link.CallSite))
            {
                return null;
            }
        }

        return family;
    }

    /// <summary>What each catch of each per-record loop does with its record.</summary>
    public IEnumerable<RecordCatch> ClassifyCatches()
    {
        foreach (var loop in Loops)
        {
            foreach (var clause in RecordCatch.CatchesOf(loop))
            {
                yield return RecordCatch.Classify(clause, loop, Family, _symbols, ReportsAfter);
            }
        }
    }

    /// <summary>Whether the handler creates or adds a failure after a position of its text.</summary>
    public bool ReportsAfter(int position)
    {
        foreach (var creation in _scope.Operations.ObjectCreations)
        {
            if (creation.Syntax.SpanStart >= position && _symbols.IsFailure(creation.Type) && InRegion(creation))
            {
                return true;
            }
        }

        foreach (var argument in _scope.Operations.Arguments)
        {
            if (argument.Syntax.SpanStart >= position && _symbols.IsFailure(argument.Value.Type) && InRegion(argument))
            {
                return true;
            }
        }

        return false;
    }

    private bool InRegion(IOperation operation) => ReferenceEquals(_scope.GetRegion(operation), Region);

    private ImmutableArray<RecordLoop> FindLoops()
    {
        var loops = ImmutableArray.CreateBuilder<RecordLoop>();
        foreach (var loop in _scope.Operations.Loops)
        {
            if (loop.LoopKind is LoopKind.ForEach or LoopKind.For
                && RecordLoop.ForLoop(loop, _symbols, _scope.Locals) is { } recordLoop
                && InRegion(loop))
            {
                loops.Add(recordLoop);
            }
        }

        foreach (var invocation in _scope.Operations.Invocations)
        {
            if (invocation.TargetMethod.Name is "Select" or "ForEach" or "ForEachAsync"
                && RecordLoop.ForCall(invocation, _symbols, _scope.Locals) is { } recordLoop
                && InRegion(invocation))
            {
                loops.Add(recordLoop);
            }
        }

        return loops.ToImmutable();
    }

    private FailureList? FindOnlyFailureList()
    {
        var lists = new HashSet<FailureList>();
        foreach (var creation in _scope.Operations.ObjectCreations)
        {
            if (_symbols.IsResponse(creation.Type) && InRegion(creation))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (Wrappers.Conversions(argument.Value) is ILocalReferenceOperation list)
                    {
                        lists.Add(new FailureList(list.Local, isResponse: false));
                    }
                }
            }
        }

        foreach (var property in _scope.Operations.PropertyReferences)
        {
            if (property.Property.Name != "BatchItemFailures" || !_symbols.IsResponse(property.Property.ContainingType) || !InRegion(property))
            {
                continue;
            }

            if (property.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, property))
            {
                if (Wrappers.Conversions(assignment.Value) is ILocalReferenceOperation list)
                {
                    lists.Add(new FailureList(list.Local, isResponse: false));
                }
            }
            else if (property.Instance is ILocalReferenceOperation response && property.Parent is IInvocationOperation { TargetMethod.Name: "Add" })
            {
                lists.Add(new FailureList(response.Local, isResponse: true));
            }
        }

        if (lists.Count != 1)
        {
            return null;
        }

        foreach (var list in lists)
        {
            return list;
        }

        return null;
    }
}
