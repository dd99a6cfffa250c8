using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The code that processes one record of a batch event: the body of a <c>foreach</c> over the event's <c>Records</c>,
/// of a <c>for</c> that counts through them (<c>Records[i]</c>), or of a lambda given one record at a time
/// (<c>Records.Select(...)</c>, <c>Records.ForEach(...)</c>, <c>Parallel.ForEach</c>, <c>Parallel.ForEachAsync</c>).
/// Knows which expressions denote the current record, and which values are drawn from it.
/// </summary>
internal sealed class RecordLoop
{
    /// <summary>How far a local is followed back to the record it was drawn from.</summary>
    private const int DerivedDepth = 2;

    private readonly BatchSymbols _symbols;
    private readonly LocalAssignments _locals;
    private readonly HashSet<ISymbol> _recordVariables = new(SymbolEqualityComparer.Default);

    private RecordLoop(IOperation body, ILoopOperation? loop, IAnonymousFunctionOperation? function, ILocalSymbol? counter, BatchSymbols symbols, LocalAssignments locals)
    {
        Body = body;
        Loop = loop;
        Function = function;
        Counter = counter;
        _symbols = symbols;
        _locals = locals;
    }

    /// <summary>The code run once per record: the loop's body, or the lambda's.</summary>
    public IOperation Body { get; }

    /// <summary>The <c>foreach</c> or <c>for</c> loop; null for a lambda.</summary>
    public ILoopOperation? Loop { get; }

    /// <summary>The lambda given one record at a time; null for a loop.</summary>
    public IAnonymousFunctionOperation? Function { get; }

    /// <summary>The counter of a <c>for</c> loop over <c>Records[i]</c>.</summary>
    public ILocalSymbol? Counter { get; }

    /// <summary>
    /// The variable that holds the current record (the <c>foreach</c> variable, the lambda's parameter, a local assigned
    /// <c>Records[i]</c>), or null when the code only writes <c>Records[i]</c>.
    /// </summary>
    public ISymbol? RecordVariable { get; private set; }

    /// <summary>The first <c>Records[i]</c> of a <c>for</c> loop's body, which denotes the current record there too.</summary>
    public IOperation? RecordIndexer { get; private set; }

    /// <summary>The per-record loop of a loop operation, or null when it does not go through a batch event's records.</summary>
    public static RecordLoop? ForLoop(ILoopOperation loop, BatchSymbols symbols, LocalAssignments locals)
    {
        switch (loop)
        {
            case IForEachLoopOperation forEach when IsRecords(forEach.Collection, symbols, locals, 0)
                && forEach.LoopControlVariable is IVariableDeclaratorOperation { Symbol: { } variable }:
                var result = new RecordLoop(forEach.Body, loop, null, null, symbols, locals) { RecordVariable = variable };
                result._recordVariables.Add(variable);
                return result;
            case IForLoopOperation forLoop when CountsThroughRecords(forLoop, symbols, locals) is { } counter:
                var counted = new RecordLoop(forLoop.Body, loop, null, counter, symbols, locals);
                counted.FindIndexedRecords(forLoop.Body);
                return counted;
            default:
                return null;
        }
    }

    /// <summary>
    /// The per-record lambda of a call, or null: <c>Enumerable.Select</c> and <c>List&lt;T&gt;.ForEach</c> on the
    /// records, <c>Parallel.ForEach</c> and <c>Parallel.ForEachAsync</c> given them.
    /// </summary>
    public static RecordLoop? ForCall(IInvocationOperation invocation, BatchSymbols symbols, LocalAssignments locals)
    {
        var method = invocation.TargetMethod;
        IOperation? source = method.Name switch
        {
            "Select" when method.ContainingType.IsType(symbols.Enumerable) && invocation.Arguments.Length == 2 => invocation.Arguments[0].Value,
            "ForEach" when method.ContainingType.IsType(symbols.List) => invocation.Instance,
            "ForEach" or "ForEachAsync" when method.ContainingType.IsType(symbols.Parallel) && invocation.Arguments.Length >= 2 => invocation.Arguments[0].Value,
            _ => null,
        };
        if (source is null || !IsRecords(source, symbols, locals, 0)
            || Wrappers.Delegate(invocation.Arguments[invocation.Arguments.Length - 1].Value) is not IAnonymousFunctionOperation function
            || function.Symbol.Parameters.IsEmpty)
        {
            return null;
        }

        var record = function.Symbol.Parameters[0];
        var loop = new RecordLoop(function.Body, null, function, null, symbols, locals) { RecordVariable = record };
        loop._recordVariables.Add(record);
        return loop;
    }

    /// <summary>Whether an expression denotes the current record: its variable, or <c>Records[i]</c> in a counted loop.</summary>
    public bool IsRecord(IOperation operation)
    {
        switch (Wrappers.Conversions(operation))
        {
            case ILocalReferenceOperation local:
                return _recordVariables.Contains(local.Local);
            case IParameterReferenceOperation parameter:
                return _recordVariables.Contains(parameter.Parameter);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when Counter is not null:
                return indexer.Instance is { } instance && IsRecords(instance, _symbols, _locals, 0)
                    && Wrappers.Conversions(indexer.Arguments[0].Value) is ILocalReferenceOperation index
                    && SymbolEqualityComparer.Default.Equals(index.Local, Counter);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether any part of some code reads the current record, or a local drawn from it (<c>var order =
    /// Parse(record.Body)</c>, followed two assignments back). The code of lambdas inside counts too.
    /// </summary>
    public bool ReadsRecord(IOperation code)
    {
        return ReadsRecordWithin(code, 0);
    }

    /// <summary>Whether an expression is the records of a batch event: <c>e.Records</c>, <c>e.Records ?? []</c>, a local holding them.</summary>
    public static bool IsRecords(IOperation operation, BatchSymbols symbols, LocalAssignments locals, int depth)
    {
        var value = Wrappers.ConversionsAndParentheses(operation);
        if (value is ICoalesceOperation coalesce)
        {
            value = Wrappers.ConversionsAndParentheses(coalesce.Value);
        }

        switch (value)
        {
            case IPropertyReferenceOperation property:
                return symbols.IsRecords(property.Property);
            case IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray", Arguments.Length: 1 } copy
                when copy.TargetMethod.ContainingType.IsType(symbols.Enumerable):
                return IsRecords(copy.Arguments[0].Value, symbols, locals, depth);
            case ILocalReferenceOperation local when depth < DerivedDepth:
                return locals.GetSingleAssignment(local.Local) is { } assigned && IsRecords(assigned, symbols, locals, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The counter of <c>for (var i = 0; i &lt; records.Count; i++)</c>, or null.</summary>
    private static ILocalSymbol? CountsThroughRecords(IForLoopOperation loop, BatchSymbols symbols, LocalAssignments locals)
    {
        if (loop.Locals.Length != 1
            || loop.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition
            || Wrappers.Conversions(condition.LeftOperand) is not ILocalReferenceOperation counter
            || !SymbolEqualityComparer.Default.Equals(counter.Local, loop.Locals[0])
            || Wrappers.Conversions(condition.RightOperand) is not IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } records }
            || !IsRecords(records, symbols, locals, 0))
        {
            return null;
        }

        return counter.Local;
    }

    /// <summary>The locals of a counted loop's body assigned <c>Records[i]</c> become record variables; the first indexer is kept.</summary>
    private void FindIndexedRecords(IOperation body)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(body))
        {
            if (operation is IPropertyReferenceOperation { Property.IsIndexer: true } indexer && IsRecord(indexer))
            {
                RecordIndexer ??= indexer;
                if (indexer.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    && _locals.CountAssignments(declarator.Symbol) == 1)
                {
                    _recordVariables.Add(declarator.Symbol);
                    RecordVariable ??= declarator.Symbol;
                }
            }
        }
    }

    private bool IsDerived(ILocalSymbol local, int depth)
    {
        if (_recordVariables.Contains(local))
        {
            return true;
        }

        if (depth >= DerivedDepth)
        {
            return false;
        }

        foreach (var assigned in _locals.Get(local))
        {
            if (assigned is not null && ReadsRecordWithin(assigned, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReadsRecordWithin(IOperation value, int depth)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(value))
        {
            if (IsRecord(operation) || (operation is ILocalReferenceOperation local && IsDerived(local.Local, depth)))
            {
                return true;
            }
        }

        return false;
    }
}
