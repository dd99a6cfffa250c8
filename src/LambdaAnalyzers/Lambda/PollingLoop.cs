using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A <c>while</c>, <c>do</c> or <c>for</c> loop in per-invocation code that waits between attempts (its own code, not
/// nested lambdas or local functions, calls a delay) and that is bounded neither by a counter nor by any notion of time:
/// Lambda kills the invocation mid-loop at its timeout. LMB0010 reports it; LMB0009 leaves its delays to it.
/// </summary>
internal sealed class PollingLoop
{
    private PollingLoop(ILoopOperation loop, SyntaxToken keyword, ImmutableArray<IInvocationOperation> delays)
    {
        Loop = loop;
        Keyword = keyword;
        Delays = delays;
    }

    public ILoopOperation Loop { get; }

    /// <summary>The loop's keyword: <c>while</c>, <c>do</c> or <c>for</c>.</summary>
    public SyntaxToken Keyword { get; }

    /// <summary>The delays the loop waits with, in source order.</summary>
    public ImmutableArray<IInvocationOperation> Delays { get; }

    /// <summary>The loop as a polling loop without a deadline, or null when it is none.</summary>
    public static PollingLoop? TryCreate(ILoopOperation loop, InvocationScope scope, DeadlineSymbols symbols)
    {
        if (!Loops.TryGetCondition(loop, out var condition) || !scope.Contains(loop) || GetKeyword(loop.Syntax) is not { } keyword)
        {
            return null;
        }

        var walk = new LoopWalk(symbols);
        walk.Visit(loop);
        if (walk.Delays is not { } delays || walk.KnowsTime
            || (condition is not null && !Loops.IsConstantTrue(condition) && Loops.ComparesCounter(condition, Loops.Counters(loop))))
        {
            return null;
        }

        // The walk pops operations in reverse: put the delays back in source order.
        delays.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return new PollingLoop(loop, keyword, delays.ToImmutableArray());
    }

    /// <summary>Whether a delay is one that a polling loop without a deadline around it waits with.</summary>
    public static bool IsPollingDelay(IInvocationOperation delay, InvocationScope scope, DeadlineSymbols symbols)
    {
        // A loop outside a lambda or local function does not wait with code that runs later, or elsewhere.
        for (var loop = Loops.Enclosing(delay); loop is not null; loop = Loops.Enclosing(loop))
        {
            if (TryCreate(loop, scope, symbols) is { } polling && polling.Delays.Contains(delay))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxToken? GetKeyword(SyntaxNode syntax) => syntax switch
    {
        WhileStatementSyntax whileStatement => whileStatement.WhileKeyword,
        DoStatementSyntax doStatement => doStatement.DoKeyword,
        ForStatementSyntax forStatement => forStatement.ForKeyword,
        _ => null,
    };

    /// <summary>
    /// One pass over a loop's own code (<see cref="Loops.OwnCode"/>): its delays, and whether anything in it knows
    /// about time or cancellation.
    /// </summary>
    private sealed class LoopWalk(DeadlineSymbols symbols)
    {
        /// <summary>The delays found, or null for none: most loops do not wait.</summary>
        public List<IInvocationOperation>? Delays { get; private set; }

        public bool KnowsTime { get; private set; }

        public void Visit(ILoopOperation loop)
        {
            // Code that runs later, or elsewhere, neither waits nor knows the time for this loop.
            foreach (var operation in Loops.OwnCode(loop))
            {
                VisitOne(operation);
            }
        }

        private void VisitOne(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    VisitInvocation(invocation);
                    break;

                case IPropertyReferenceOperation property:
                    if (symbols.IsRemainingTime(property.Property)
                        || (!property.Property.IsStatic && symbols.IsCancellationToken(property.Property.ContainingType))
                        || property.Property.ContainingType.IsType(symbols.CancellationTokenSource)
                        || property.Property.ContainingType.IsType(symbols.Stopwatch)
                        || symbols.IsTickCount(property.Property))
                    {
                        KnowsTime = true;
                    }

                    break;

                case IBinaryOperation binary when IsTimeComparison(binary):
                    KnowsTime = true;
                    break;
            }
        }

        private void VisitInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (symbols.Delays.Contains(method.OriginalDefinition))
            {
                (Delays ??= new List<IInvocationOperation>(1)).Add(invocation);
            }

            // token.ThrowIfCancellationRequested(), Stopwatch.GetTimestamp/GetElapsedTime, sw.Restart...
            if ((!method.IsStatic && symbols.IsCancellationToken(method.ContainingType)) || method.ContainingType.IsType(symbols.Stopwatch))
            {
                KnowsTime = true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && symbols.IsCancellationToken(parameter.Type) && !symbols.GivesNoToken(argument))
                {
                    KnowsTime = true;
                }
            }
        }

        private bool IsTimeComparison(IBinaryOperation binary)
        {
            if (binary.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
            {
                return false;
            }

            // DateTime/DateTimeOffset compared directly, or through their difference: `DateTime.UtcNow - started > limit`.
            return HasTimeValue(binary.LeftOperand) || HasTimeValue(binary.RightOperand);
        }

        private bool HasTimeValue(IOperation operand)
        {
            foreach (var operation in TreeWalk.DescendantsAndSelf(operand))
            {
                if (operation.Type is { } type && (type.IsType(symbols.DateTime) || type.IsType(symbols.DateTimeOffset)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
