using System.Collections.Generic;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0010: a loop in per-invocation code that waits between attempts (a polling loop) and is bounded neither by a
/// counter nor by any notion of time, so the invocation is killed mid-loop at its timeout.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PollingLoopWithoutDeadlineAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.PollingLoopWithoutDeadline,
        "Polling loop ignores the remaining time",
        "This polling loop never checks the remaining time; the invocation will be killed mid-loop",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Lambda kills an invocation at its timeout with no cleanup: no finally, no partial-batch response, no log line. A loop that waits " +
            "between attempts until some outside state changes must stop in time: check ILambdaContext.RemainingTime, a CancellationToken " +
            "derived from it, or a Stopwatch, or bound the number of attempts.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PollingLoopWithoutDeadline));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext.Compilation) is not { } model)
            {
                return;
            }

            var symbols = DeadlineSymbols.Get(model);
            if (symbols.Delays.IsEmpty)
            {
                return;
            }

            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                blockContext.RegisterOperationAction(
                    operationContext => AnalyzeLoop(operationContext, scope, symbols),
                    OperationKind.Loop);
            });
        });
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, InvocationScope scope, DeadlineSymbols symbols)
    {
        var loop = (ILoopOperation)context.Operation;
        IOperation? condition;
        switch (loop)
        {
            case IWhileLoopOperation whileLoop:
                condition = whileLoop.Condition;
                break;
            case IForLoopOperation forLoop:
                condition = forLoop.Condition;
                break;
            default:
                // foreach walks a collection: it ends with it.
                return;
        }

        if (!scope.Contains(loop) || GetKeyword(loop.Syntax) is not { } keyword)
        {
            return;
        }

        var walk = new LoopWalk(symbols);
        walk.Visit(loop);
        if (!walk.HasDelay || walk.KnowsTime)
        {
            return;
        }

        if (condition is not null && !IsConstantTrue(condition) && ComparesCounter(condition, walk.Counters))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, keyword.GetLocation()));
    }

    private static SyntaxToken? GetKeyword(SyntaxNode syntax) => syntax switch
    {
        WhileStatementSyntax whileStatement => whileStatement.WhileKeyword,
        DoStatementSyntax doStatement => doStatement.DoKeyword,
        ForStatementSyntax forStatement => forStatement.ForKeyword,
        _ => null,
    };

    private static bool IsConstantTrue(IOperation condition) => condition.ConstantValue is { HasValue: true, Value: true };

    /// <summary>Whether the condition compares a variable the loop increments or decrements against a bound.</summary>
    private static bool ComparesCounter(IOperation condition, HashSet<ISymbol> counters)
    {
        if (counters.Count == 0)
        {
            return false;
        }

        foreach (var operation in condition.DescendantsAndSelf())
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

    private static bool IsCounter(IOperation operand, HashSet<ISymbol> counters)
    {
        foreach (var operation in operand.DescendantsAndSelf())
        {
            if (GetVariable(operation) is { } variable && counters.Contains(variable))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? GetVariable(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>
    /// One pass over a loop's own code (not nested lambdas or local functions): its delays, the variables it counts
    /// with, and whether anything in it knows about time or cancellation.
    /// </summary>
    private sealed class LoopWalk(DeadlineSymbols symbols)
    {
        public bool HasDelay { get; private set; }

        public bool KnowsTime { get; private set; }

        public HashSet<ISymbol> Counters { get; } = new(SymbolEqualityComparer.Default);

        public void Visit(IOperation root)
        {
            // An explicit stack: a long generated expression in a loop must not exhaust the thread's stack.
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    // Code that runs later, or elsewhere, neither waits nor knows the time for this loop.
                    continue;
                }

                VisitOne(operation);
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
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

                case IIncrementOrDecrementOperation increment when GetVariable(increment.Target) is { } counted:
                    Counters.Add(counted);
                    break;

                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound
                    when GetVariable(compound.Target) is { } counted:
                    Counters.Add(counted);
                    break;
            }
        }

        private void VisitInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (symbols.Delays.Contains(method.OriginalDefinition))
            {
                HasDelay = true;
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
            foreach (var operation in operand.DescendantsAndSelf())
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
