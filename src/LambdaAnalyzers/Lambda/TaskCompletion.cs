using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Which tasks one member's operation blocks know to be complete at a given position of the text: awaited (directly,
/// or through an awaited <c>Task.WhenAll</c>), waited for earlier, their <c>IsCompleted</c> checked, or compared with
/// a task known complete; and the tasks complete from the start (<c>Task.FromResult</c>, the antecedent of a
/// continuation, the task an awaited <c>Task.WhenAny</c> returns, ...).
/// Flow-insensitive: anything earlier in the text counts. Tasks are matched by their <see cref="AccessPath"/>.
/// </summary>
internal sealed class TaskCompletion
{
    /// <summary>How many assignments of a local are followed to find a task complete from the start.</summary>

    private readonly TaskMembers _members;
    private readonly LocalAssignments _locals;
    private readonly AccessPaths _paths;
    private readonly HashSet<IParameterSymbol> _antecedents = new(SymbolEqualityComparer.Default);
    private readonly List<(AccessPath Path, int End)> _completions = [];

    public TaskCompletion(ImmutableArray<IOperation> blocks, TaskMembers members, LocalAssignments locals)
    {
        _members = members;
        _locals = locals;
        _paths = new AccessPaths(blocks, members);

        var awaits = new List<IAwaitOperation>();
        var waited = new List<(ImmutableArray<IOperation> Tasks, int End)>();
        var checks = new List<IPropertyReferenceOperation>();
        var patterns = new List<IRecursivePatternOperation>();
        var comparisons = new List<IBinaryOperation>();
        foreach (var block in blocks)
        {
            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
            {
                switch (operation)
                {
                    case IAwaitOperation awaitOperation:
                        awaits.Add(awaitOperation);
                        break;
                    case IPropertyReferenceOperation property when members.Get(property.Property) == TaskMember.CompletionCheck:
                        checks.Add(property);
                        break;
                    case IRecursivePatternOperation pattern when ChecksCompletion(pattern):
                        patterns.Add(pattern);
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        comparisons.Add(comparison);
                        break;
                    case IInvocationOperation call:
                        if (members.Get(call.TargetMethod) == TaskMember.Continuation)
                        {
                            var source = AccessPaths.SourceOfLambdas(call);
                            foreach (var argument in call.Arguments)
                            {
                                if (AccessPaths.FirstLambdaParameter(argument, source) is { } antecedent)
                                {
                                    _antecedents.Add(antecedent);
                                }
                            }
                        }

                        // WaitAny leaves only one of its tasks complete.
                        if (members.Get(call.TargetMethod) != TaskMember.WaitAny && members.WaitedTasks(call) is { IsDefaultOrEmpty: false } tasks)
                        {
                            waited.Add((tasks, call.Syntax.Span.End));
                        }

                        break;
                    case IPropertyReferenceOperation { Instance: { } task } result when members.Get(result.Property) == TaskMember.Result:
                        waited.Add((ImmutableArray.Create(task), result.Syntax.Span.End));
                        break;
                }
            }
        }

        // Every path is computed once the blocks are known whole.
        foreach (var awaitOperation in awaits)
        {
            AddAwaited(awaitOperation.Operation, awaitOperation.Syntax.Span.End, 0);
        }

        foreach (var check in checks)
        {
            if (check.Instance is { } instance)
            {
                AddCompletion(instance, check.Syntax.Span.End);
            }
        }

        // task is { IsCompleted: true } completed: both the tested value and the pattern's variable.
        foreach (var pattern in patterns)
        {
            var end = pattern.Syntax.Span.End;
            if (pattern.DeclaredSymbol is ILocalSymbol local)
            {
                _completions.Add((AccessPath.Of(local), end));
            }

            if (pattern.Parent is IIsPatternOperation { Value: { } tested })
            {
                AddCompletion(tested, end);
            }
        }

        // if (await Task.WhenAny(work, timeout) == work): a check of work's completion, as IsCompleted is. A default
        // task is complete only when it is a value task: null tells nothing.
        foreach (var comparison in comparisons)
        {
            var end = comparison.Syntax.Span.End;
            if (IsComparedWithComplete(comparison.LeftOperand))
            {
                AddCompletion(comparison.RightOperand, end);
            }
            else if (IsComparedWithComplete(comparison.RightOperand))
            {
                AddCompletion(comparison.LeftOperand, end);
            }
        }

        // A task that was blocked on once is complete afterwards.
        foreach (var (tasks, end) in waited)
        {
            foreach (var task in tasks)
            {
                AddAllPaths(task, end);
            }
        }
    }

    /// <summary>Whether a task is complete when the code at a position of the text runs.</summary>
    public bool IsComplete(IOperation task, int position)
    {
        if (IsKnownComplete(task))
        {
            return true;
        }

        var path = _paths.Of(task);
        if (path.IsNone)
        {
            return false;
        }

        foreach (var (completed, end) in _completions)
        {
            if (end <= position && completed.Equals(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a task is complete wherever it is read: <c>Task.FromResult</c>, <c>Task.CompletedTask</c> and their kin,
    /// the antecedent a continuation receives (and its elements), the task an awaited <c>Task.WhenAny</c> returns, or a
    /// local only ever assigned such a task.
    /// </summary>
    public bool IsKnownComplete(IOperation task) => IsKnownComplete(task, 0);

    private bool IsKnownComplete(IOperation task, int depth)
    {
        task = _members.Strip(task);
        switch (task)
        {
            case IInvocationOperation call when _members.Get(call.TargetMethod) == TaskMember.Completed:
            case IPropertyReferenceOperation property when _members.Get(property.Property) == TaskMember.Completed:
            case IObjectCreationOperation creation when _members.Get(creation.Constructor) == TaskMember.Completed:
            case IDefaultValueOperation:
                return true;
            case IAwaitOperation awaited:
                return IsWhenAny(awaited.Operation);
            case IParameterReferenceOperation parameter:
                return _antecedents.Contains(parameter.Parameter)
                    || depth < AccessPaths.MaxDepth && _paths.SourceOf(parameter.Parameter) is { } source && IsKnownComplete(source, depth + 1);
            case IArrayElementReferenceOperation element:
                return depth < AccessPaths.MaxDepth && IsKnownComplete(element.ArrayReference, depth + 1);
            case IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: { } indexed }:
                return depth < AccessPaths.MaxDepth && IsKnownComplete(indexed, depth + 1);
            case ILocalReferenceOperation local when _paths.SourceOf(local.Local) is { } collection:
                return depth < AccessPaths.MaxDepth && IsKnownComplete(collection, depth + 1);
            case ILocalReferenceOperation local when depth < LocalAssignments.ValueDepth:
                var assigned = _locals.Get(local.Local);
                if (assigned.Count == 0)
                {
                    return false;
                }

                foreach (var value in assigned)
                {
                    if (value is null || !IsKnownComplete(value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private bool IsComparedWithComplete(IOperation operand) =>
        _members.Strip(operand) is not IDefaultValueOperation && IsKnownComplete(operand);

    private bool ChecksCompletion(IRecursivePatternOperation pattern)
    {
        foreach (var subpattern in pattern.PropertySubpatterns)
        {
            if (subpattern.Member is IPropertyReferenceOperation property && _members.Get(property.Property) == TaskMember.CompletionCheck)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Task.WhenAny(...)</c>, directly or through a local assigned only that.</summary>
    private bool IsWhenAny(IOperation operation)
    {
        operation = _members.Strip(operation);
        if (operation is ILocalReferenceOperation local && _locals.GetSingleAssignment(local.Local) is { } value)
        {
            operation = _members.Strip(value);
        }

        return operation is IInvocationOperation call && _members.Get(call.TargetMethod) == TaskMember.WhenAny;
    }

    private void AddAwaited(IOperation awaited, int end, int depth)
    {
        awaited = _members.Strip(awaited);

        switch (awaited is IInvocationOperation call ? _members.Get(call.TargetMethod) : TaskMember.None)
        {
            case TaskMember.WhenAll:
                foreach (var argument in ((IInvocationOperation)awaited).Arguments)
                {
                    AddAllPaths(argument.Value, end);
                }

                return;

            // Only the task WhenAny returns is complete, not the ones it was given.
            case TaskMember.WhenAny:
                return;
        }

        // var all = Task.WhenAll(a, b); await all;
        if (awaited is ILocalReferenceOperation local && depth == 0 && _locals.GetSingleAssignment(local.Local) is { } value)
        {
            AddAwaited(value, end, depth + 1);
        }

        AddCompletion(awaited, end);
    }

    /// <summary>Every variable and member an expression reads: the tasks handed to WhenAll, WaitAll, ...</summary>
    private void AddAllPaths(IOperation operation, int end)
    {
        foreach (var part in TreeWalk.DescendantsAndSelf(operation))
        {
            if (part is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                or IPropertyReferenceOperation or IArrayElementReferenceOperation)
            {
                AddCompletion(part, end);
            }
        }
    }

    private void AddCompletion(IOperation task, int end)
    {
        var path = _paths.Of(task);
        if (!path.IsNone)
        {
            _completions.Add((path, end));
        }
    }
}
