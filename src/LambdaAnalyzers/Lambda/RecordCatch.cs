using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What a <c>catch</c> inside a per-record loop does with the record whose processing failed: drops it (neither rethrows,
/// nor reports it, nor hands it on, and ends the record's processing), reports it and ends the whole loop, or something
/// the model leaves alone (rethrows, reports, hands the record to a method that is not logging, writes a variable of
/// the code around it, recovers and goes on processing).
/// </summary>
internal sealed class RecordCatch
{
    private RecordCatch(ICatchClauseOperation clause, RecordLoop loop, RecordCatchOutcome outcome, IOperation? loopEnd, bool endsLoop = false)
    {
        Clause = clause;
        Loop = loop;
        Outcome = outcome;
        LoopEnd = loopEnd;
        EndsLoop = endsLoop;
    }

    public ICatchClauseOperation Clause { get; }

    public RecordLoop Loop { get; }

    public RecordCatchOutcome Outcome { get; }

    /// <summary>The <c>break</c> or <c>return</c> that ends the loop after reporting the record; null otherwise.</summary>
    public IOperation? LoopEnd { get; }

    /// <summary>Whether the catch ends the whole loop (<c>break</c>, <c>return</c> from the function around it).</summary>
    public bool EndsLoop { get; }

    /// <summary>The catches of the loop's own code (not those of lambdas or local functions in it), in source order.</summary>
    public static IEnumerable<ICatchClauseOperation> CatchesOf(RecordLoop loop)
    {
        var pending = new Stack<IOperation>();
        pending.Push(loop.Body);
        var found = new List<ICatchClauseOperation>();
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is ICatchClauseOperation clause)
            {
                found.Add(clause);
            }

            foreach (var child in TreeWalk.Children(operation))
            {
                pending.Push(child);
            }
        }

        found.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return found;
    }

    /// <summary>What a catch of a per-record loop does with the record.</summary>
    /// <param name="reportsAfter">Whether the handler reports failures after a position of the text (code after the loop).</param>
    public static RecordCatch Classify(ICatchClauseOperation clause, RecordLoop loop, BatchFamily family, BatchSymbols symbols, System.Func<int, bool> reportsAfter)
    {
        var leave = new RecordCatch(clause, loop, RecordCatchOutcome.None, null);

        // A filter that calls something may log and let the exception pass ("when (Log(e))"); the try must be about
        // the record: a best-effort side task (metrics, a cache) that fails leaves the record processed.
        if ((clause.Filter is { } filter && ContainsCall(filter))
            || clause.Parent is not ITryOperation tryOperation
            || !loop.ReadsRecord(tryOperation.Body))
        {
            return leave;
        }

        var facts = new CatchFacts(clause, loop, symbols);
        if (facts.Leaves)
        {
            return leave;
        }

        var end = EndOf(clause, tryOperation, loop, out var jump);
        if (facts.FailureReports > 0)
        {
            // SQS only: a stream checkpoints at the lowest failed sequence number, so stopping there is right.
            return family == BatchFamily.Sqs && end == End.Loop && facts.FailureReports == 1 && !facts.MayReportOthers
                && !(jump is IBranchOperation && reportsAfter(loop.Loop!.Syntax.Span.End))
                ? new RecordCatch(clause, loop, RecordCatchOutcome.ReportedThenLoopEnds, jump)
                : leave;
        }

        return end == End.None ? leave : new RecordCatch(clause, loop, RecordCatchOutcome.Dropped, null, end == End.Loop);
    }

    private enum End
    {
        /// <summary>The record's processing goes on after the catch, or the model cannot tell.</summary>
        None,

        /// <summary>The catch ends the current record: <c>continue</c>, a lambda's <c>return</c>, the end of the loop's body.</summary>
        Record,

        /// <summary>The catch ends the whole loop: <c>break</c>, or <c>return</c> from the function around the loop.</summary>
        Loop,
    }

    /// <summary>How control leaves the catch: by its last statement, or by falling to the end of the record's code.</summary>
    private static End EndOf(ICatchClauseOperation clause, ITryOperation tryOperation, RecordLoop loop, out IOperation? jump)
    {
        jump = null;
        var statements = clause.Handler.Operations;
        var last = statements.IsEmpty ? null : statements[statements.Length - 1];
        switch (last)
        {
            case IBranchOperation { BranchKind: BranchKind.Continue } branch when loop.Loop is { } continued
                && SymbolEqualityComparer.Default.Equals(branch.Target, continued.ContinueLabel):
                return End.Record;
            case IBranchOperation { BranchKind: BranchKind.Break } branch when loop.Loop is { } broken
                && SymbolEqualityComparer.Default.Equals(branch.Target, broken.ExitLabel):
                jump = branch;
                return End.Loop;
            case IReturnOperation { Kind: OperationKind.Return } returned:
                jump = returned;
                return loop.Function is null ? End.Loop : End.Record;
            case IBranchOperation or IReturnOperation:
                return End.None;
        }

        return FallsToEndOfRecord(tryOperation, loop) ? End.Record : End.None;
    }

    /// <summary>
    /// Whether nothing of the record's code follows the try: it is the last statement of every block between it and the
    /// loop's (or lambda's) body, through <c>if</c>, <c>using</c>, <c>lock</c> and the body of another <c>try</c> only.
    /// </summary>
    private static bool FallsToEndOfRecord(ITryOperation tryOperation, RecordLoop loop)
    {
        IOperation current = tryOperation;
        while (!ReferenceEquals(current, loop.Body))
        {
            switch (current.Parent)
            {
                case IBlockOperation block:
                    if (!IsLastStatement(block, current))
                    {
                        return false;
                    }

                    break;
                case IConditionalOperation:
                case IUsingOperation usingOperation when ReferenceEquals(usingOperation.Body, current):
                case ILockOperation lockOperation when ReferenceEquals(lockOperation.Body, current):
                case ITryOperation outer when ReferenceEquals(outer.Body, current):
                    break;
                default:
                    return false;
            }

            current = current.Parent;
        }

        return true;
    }

    /// <summary>Whether an operation ends a block, but for the implicit <c>return</c> the compiler adds to a lambda's body.</summary>
    private static bool IsLastStatement(IBlockOperation block, IOperation operation)
    {
        var operations = block.Operations;
        for (var i = operations.Length - 1; i >= 0; i--)
        {
            if (ReferenceEquals(operations[i], operation))
            {
                return true;
            }

            if (operations[i] is not IReturnOperation { IsImplicit: true })
            {
                return false;
            }
        }

        return false;
    }

    private static bool ContainsCall(IOperation operation)
    {
        foreach (var descendant in TreeWalk.DescendantsAndSelf(operation))
        {
            if (descendant is IInvocationOperation or IObjectCreationOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the catch's own code does, read in one walk (lambdas and local functions in it are not its code).</summary>
    private sealed class CatchFacts
    {
        public CatchFacts(ICatchClauseOperation clause, RecordLoop loop, BatchSymbols symbols)
        {
            var span = clause.Syntax.Span;
            var pending = new Stack<IOperation>();
            pending.Push(clause.Handler);
            while (pending.Count > 0 && !Leaves)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation function:
                        // Not the catch's code, but what it makes may be reported (AddRange(rest.Select(m => new ...))).
                        if (CreatesFailure(function, symbols))
                        {
                            FailureReports++;
                            MayReportOthers = true;
                        }

                        continue;
                    case ILocalFunctionOperation:
                        continue;
                    case IThrowOperation:
                        // Rethrown, or thrown anew: the batch fails and is retried.
                        Leaves = true;
                        continue;
                    case IInvocationOperation invocation when symbols.IsLogging(invocation):
                        // What a log line is made of is not handed on.
                        continue;
                    case IObjectCreationOperation creation when symbols.IsFailure(creation.Type):
                        FailureReports++;
                        continue;
                    case IObjectCreationOperation creation when symbols.IsResponse(creation.Type):
                        // The response returned with the failures so far: what it holds is counted where it is made.
                        break;
                    case IInvocationOperation invocation:
                        Note(invocation.Arguments, loop, symbols);
                        MayReportOthers |= invocation.TargetMethod.Name == "AddRange";
                        break;
                    case IObjectCreationOperation creation:
                        Leaves |= creation.Initializer is { } initializer && loop.ReadsRecord(initializer);
                        Note(creation.Arguments, loop, symbols);
                        break;
                    case ISimpleAssignmentOperation assignment:
                        // A flag or a value kept for later (failed = true; error = ex;) may be reported after the try.
                        Leaves |= Wrappers.Conversions(assignment.Target) is ILocalReferenceOperation target && !IsDeclaredIn(target.Local, span);
                        Leaves |= !(assignment.Target is IPropertyReferenceOperation member && symbols.IsResponse(member.Property.ContainingType))
                            && loop.ReadsRecord(assignment.Value);
                        break;
                    case IReturnOperation { ReturnedValue: { } value } when loop.Function is not null:
                        // A per-record lambda's result may name the record to the code that gathers the results.
                        Leaves = true;
                        continue;
                    case ILoopOperation:
                        MayReportOthers = true;
                        break;
                    case IPropertyReferenceOperation property when symbols.IsRecords(property.Property):
                        MayReportOthers = true;
                        break;
                }

                foreach (var child in TreeWalk.Children(operation))
                {
                    pending.Push(child);
                }
            }
        }

        /// <summary>Rethrows, hands the record on, keeps a value for later, or returns a lambda's result: not a drop.</summary>
        public bool Leaves { get; private set; }

        /// <summary>The <c>BatchItemFailure</c>s the catch creates or adds.</summary>
        public int FailureReports { get; private set; }

        /// <summary>Whether the catch may report more records than the current one (a loop, the records, <c>AddRange</c>).</summary>
        public bool MayReportOthers { get; private set; }

        private void Note(IEnumerable<IArgumentOperation> arguments, RecordLoop loop, BatchSymbols symbols)
        {
            foreach (var argument in arguments)
            {
                if (symbols.IsFailure(argument.Value.Type))
                {
                    // A failure created in the argument is counted as a creation.
                    FailureReports += Wrappers.Conversions(argument.Value) is IObjectCreationOperation ? 0 : 1;
                }
                else if (IsFailures(argument.Value.Type, symbols))
                {
                    FailureReports++;
                    MayReportOthers = true;
                }
                else if (loop.ReadsRecord(argument.Value))
                {
                    Leaves = true;
                }
            }
        }

        private static bool CreatesFailure(IAnonymousFunctionOperation function, BatchSymbols symbols)
        {
            foreach (var operation in TreeWalk.Descendants(function))
            {
                if (operation is IObjectCreationOperation creation && symbols.IsFailure(creation.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A sequence of failures (<c>IEnumerable&lt;BatchItemFailure&gt;</c>, a list, an array).</summary>
        private static bool IsFailures(ITypeSymbol? type, BatchSymbols symbols)
        {
            if (type is IArrayTypeSymbol array)
            {
                return symbols.IsFailure(array.ElementType);
            }

            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            foreach (var implemented in named.AllInterfaces.Add(named))
            {
                if (implemented is { TypeArguments.Length: 1, OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T }
                    && symbols.IsFailure(implemented.TypeArguments[0]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclaredIn(ILocalSymbol local, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (!span.Contains(reference.Span))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
