using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What the model knows about loops: the loop around an operation in the same function, a loop's condition and own
/// code, the variables it counts with, and how many times a counted <c>for</c> loop runs. LMB0002 (polling a task in a
/// loop), LMB0006 (writes repeated by a counted loop) and LMB0010 (polling loops without a deadline) ask here.
/// </summary>
internal static class Loops
{
    /// <summary>
    /// The innermost loop of any kind (<c>foreach</c> too) around <paramref name="operation"/> in its own function, or
    /// null when a lambda or local function comes first: code that runs later, or elsewhere, is in no loop of the
    /// function around it. Pass the loop back in to get the next loop out.
    /// </summary>
    public static ILoopOperation? Enclosing(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the loop runs while a condition holds (<c>while</c>, <c>do</c> and <c>for</c>), and that condition: null
    /// for a <c>for</c> without one, which runs until left. False for <c>foreach</c>, which ends with its collection.
    /// </summary>
    public static bool TryGetCondition(ILoopOperation loop, out IOperation? condition)
    {
        switch (loop)
        {
            case IWhileLoopOperation whileLoop:
                condition = whileLoop.Condition;
                return true;
            case IForLoopOperation forLoop:
                condition = forLoop.Condition;
                return true;
            default:
                condition = null;
                return false;
        }
    }

    /// <summary>Whether a condition is the constant <c>true</c>: <c>while (true)</c> never ends by its condition.</summary>
    public static bool IsConstantTrue(IOperation condition) => condition.ConstantValue is { HasValue: true, Value: true };

    /// <summary>
    /// The loop's own operations, itself included, but not the code of lambdas or local functions in it: that code
    /// runs later, or elsewhere. The order is a stack's, not the source's.
    /// </summary>
    public static IEnumerable<IOperation> OwnCode(ILoopOperation loop)
    {
        // An explicit stack: a long generated expression in a loop must not exhaust the thread's stack.
        var pending = new Stack<IOperation>();
        pending.Push(loop);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            yield return operation;
            foreach (var child in TreeWalk.Children(operation))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// The variables the loop's own code (see <see cref="OwnCode"/>) counts with: incremented or decremented, or
    /// changed with <c>+=</c> or <c>-=</c>. Locals, fields, properties and indexed elements alike.
    /// </summary>
    public static HashSet<ISymbol> Counters(ILoopOperation loop)
    {
        var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in OwnCode(loop))
        {
            var counted = operation switch
            {
                IIncrementOrDecrementOperation increment => AccessPath.VariableOf(increment.Target, withIndexers: true),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound =>
                    AccessPath.VariableOf(compound.Target, withIndexers: true),
                _ => null,
            };
            if (counted is not null)
            {
                counters.Add(counted);
            }
        }

        return counters;
    }

    /// <summary>Whether the condition compares one of the counters (see <see cref="Counters"/>) against a bound.</summary>
    public static bool ComparesCounter(IOperation condition, HashSet<ISymbol> counters)
    {
        if (counters.Count == 0)
        {
            return false;
        }

        foreach (var operation in TreeWalk.DescendantsAndSelf(condition))
        {
            if (operation is IBinaryOperation
                {
                    OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
                        or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals or BinaryOperatorKind.Equals,
                } comparison
                && (IsCounter(comparison.LeftOperand, counters) || IsCounter(comparison.RightOperand, counters)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many times <paramref name="operation"/> runs, as far as the code right around it shows: 1 outside any loop;
    /// the count (see <see cref="CountedIterations"/>) of the counted <c>for</c> loop whose body runs it on every
    /// iteration, that loop's count alone (loops further out are not looked at); null under a condition, in another
    /// kind of loop, a catch or a finally. Only awaits, conversions, statements, blocks, <c>ConfigureAwait</c>, and the
    /// bodies of <c>using</c> and <c>try</c> may stand between it and the loop; the walk ends at its function (method,
    /// constructor, lambda or local function).
    /// </summary>
    /// <param name="constant">A compile-time integer value, or null: the caller's notion of a constant.</param>
    public static long? Iterations(IOperation operation, LocalAssignments locals, Func<IOperation, long?> constant)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IAwaitOperation or IConversionOperation or IExpressionStatementOperation or IBlockOperation:
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == current:
                    current = parent;
                    continue;
                case IUsingOperation usingOperation when usingOperation.Body == current:
                case ITryOperation tryOperation when tryOperation.Body == current:
                    current = parent;
                    continue;
                case IForLoopOperation loop when loop.Body == current:
                    return CountedIterations(loop, locals, constant);
                case IMethodBodyOperation or IConstructorBodyOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return 1;
                default:
                    return null;
            }
        }

        return 1;
    }

    /// <summary>
    /// The iterations of <c>for (int i = C0; i &lt; C1; i++)</c> (or <c>&lt;=</c>, a <c>long</c> counter) whose body
    /// neither leaves early (<c>break</c>, <c>continue</c>, <c>goto</c>, <c>return</c>, <c>throw</c>) nor writes the
    /// counter; null for any other loop, an overflow, or no iteration.
    /// </summary>
    /// <param name="locals">
    /// The assignments of the loop's member: the counter's start is its single assignment, so a step written
    /// <c>i += 1</c>, itself an assignment, leaves the start unknown.
    /// </param>
    /// <param name="constant">A compile-time integer value, or null: the caller's notion of a constant.</param>
    public static long? CountedIterations(IForLoopOperation loop, LocalAssignments locals, Func<IOperation, long?> constant)
    {
        if (loop.Locals.Length != 1
            || loop.Locals[0] is not { Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } counter
            || loop.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } condition
            || FileSystemModel.Unwrap(condition.LeftOperand) is not ILocalReferenceOperation conditionLocal
            || !SymbolEqualityComparer.Default.Equals(conditionLocal.Local, counter)
            || constant(condition.RightOperand) is not { } end
            || locals.GetSingleAssignment(counter) is not { } initializer
            || constant(initializer) is not { } start
            || !IncrementsByOne(loop, counter)
            || LeavesEarlyOrWritesCounter(loop.Body, counter))
        {
            return null;
        }

        // Checked 64-bit arithmetic: an overflow counts nothing.
        if ((start < 0 && end > long.MaxValue + start) || (start > 0 && end < long.MinValue + start))
        {
            return null;
        }

        var count = end - start;
        if (condition.OperatorKind == BinaryOperatorKind.LessThanOrEqual)
        {
            if (count == long.MaxValue)
            {
                return null;
            }

            count++;
        }

        return count > 0 ? count : null;
    }

    private static bool IsCounter(IOperation operand, HashSet<ISymbol> counters)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(operand))
        {
            if (AccessPath.VariableOf(operation, withIndexers: true) is { } variable && counters.Contains(variable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IncrementsByOne(IForLoopOperation loop, ILocalSymbol counter)
    {
        if (loop.AtLoopBottom.Length != 1)
        {
            return false;
        }

        var step = loop.AtLoopBottom[0] is IExpressionStatementOperation statement ? statement.Operation : loop.AtLoopBottom[0];
        return step switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } =>
                SymbolEqualityComparer.Default.Equals(target.Local, counter),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } } =>
                SymbolEqualityComparer.Default.Equals(target.Local, counter),
            _ => false,
        };
    }

    /// <summary><c>break</c>, <c>continue</c>, <c>goto</c>, <c>return</c>, <c>throw</c>, or a write to the counter in the body.</summary>
    private static bool LeavesEarlyOrWritesCounter(IOperation body, ILocalSymbol counter)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(body))
        {
            switch (operation)
            {
                case IBranchOperation or IReturnOperation or IThrowOperation:
                    return true;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                    return true;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                    return true;
            }
        }

        return false;
    }
}
