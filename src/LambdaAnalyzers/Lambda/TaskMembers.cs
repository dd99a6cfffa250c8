using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The members of the BCL's task types that say something about completion (waits, awaitables, combinators,
/// completed tasks, continuations, completion checks), resolved once per compilation.
/// </summary>
internal sealed class TaskMembers
{
    private readonly Dictionary<ISymbol, TaskMember> _members = new(SymbolEqualityComparer.Default);

    private TaskMembers()
    {
    }

    /// <summary>The members of a compilation, or null when it has no <c>System.Threading.Tasks.Task</c>.</summary>
    public static TaskMembers? TryCreate(AsyncSymbols async)
    {
        if (async.Task is not { } task)
        {
            return null;
        }

        var members = new TaskMembers();
        foreach (var member in task.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { Name: "Wait", IsStatic: false } wait:
                    members.Add(wait, wait.Parameters.IsEmpty ? TaskMember.Wait : TaskMember.WaitWithArguments);
                    break;
                case IMethodSymbol { Name: "WaitAll", IsStatic: true } waitAll:
                    members.Add(waitAll, TaskMember.WaitAll);
                    break;
                case IMethodSymbol { Name: "WaitAny", IsStatic: true } waitAny:
                    members.Add(waitAny, TaskMember.WaitAny);
                    break;
                case IMethodSymbol { Name: "WhenAll", IsStatic: true } whenAll:
                    members.Add(whenAll, TaskMember.WhenAll);
                    break;
                case IMethodSymbol { Name: "WhenAny", IsStatic: true } whenAny:
                    members.Add(whenAny, TaskMember.WhenAny);
                    break;
            }
        }

        foreach (var type in new[] { task, async.ValueTask })
        {
            members.AddAll(type, TaskMember.Completed, "FromResult", "FromException", "FromCanceled", "CompletedTask");
        }

        foreach (var type in new[] { task, async.TaskOfT, async.ValueTask, async.ValueTaskOfT })
        {
            members.AddAll(type, TaskMember.ConfigureAwait, "ConfigureAwait");
            members.AddAll(type, TaskMember.CompletionCheck, "IsCompleted", "IsCompletedSuccessfully");
        }

        members.AddAll(async.TaskOfT, TaskMember.Result, "Result");
        members.AddAll(async.ValueTaskOfT, TaskMember.Result, "Result");
        members.AddAll(task, TaskMember.Continuation, "ContinueWith");
        members.AddAll(async.TaskOfT, TaskMember.Continuation, "ContinueWith");
        members.AddAll(async.TaskFactory, TaskMember.Continuation, "ContinueWhenAll", "ContinueWhenAny");
        members.AddAll(async.TaskFactoryOfT, TaskMember.Continuation, "ContinueWhenAll", "ContinueWhenAny");

        // new ValueTask<T>(result) is complete.
        if (async.ValueTaskOfT is { } valueTaskOfT)
        {
            foreach (var constructor in valueTaskOfT.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.TypeKind == TypeKind.TypeParameter)
                {
                    members.Add(constructor, TaskMember.Completed);
                }
            }
        }

        // GetAwaiter() of every awaitable the BCL defines, and GetResult() of the awaiters they return.
        foreach (var type in new[]
        {
            task, async.TaskOfT, async.ValueTask, async.ValueTaskOfT, async.ConfiguredTaskAwaitable,
            async.ConfiguredTaskAwaitableOfT, async.ConfiguredValueTaskAwaitable, async.ConfiguredValueTaskAwaitableOfT,
        })
        {
            if (type is null)
            {
                continue;
            }

            foreach (var member in type.GetMembers("GetAwaiter"))
            {
                if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false } getAwaiter)
                {
                    members.Add(getAwaiter, TaskMember.GetAwaiter);
                    members.AddAll(getAwaiter.ReturnType.OriginalDefinition as INamedTypeSymbol, TaskMember.GetResult, "GetResult");
                }
            }
        }

        if (async.Thread is { } thread)
        {
            foreach (var member in thread.GetMembers("Sleep"))
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } sleep)
                {
                    members.Add(sleep, TaskMember.Sleep);
                }
            }
        }

        return members;
    }

    public TaskMember Get(ISymbol? symbol) =>
        symbol is not null && _members.TryGetValue(symbol.OriginalDefinition, out var member) ? member : TaskMember.None;

    /// <summary>Conversions, parentheses, <c>ConfigureAwait(...)</c> and <c>?.</c> change nothing about which task it is.</summary>
    public IOperation Strip(IOperation operation)
    {
        while (true)
        {
            operation = Wrappers.ConversionsAndParentheses(operation);
            switch (operation)
            {
                case IInvocationOperation { Instance: { } instance } call when Get(call.TargetMethod) == TaskMember.ConfigureAwait:
                    operation = instance;
                    break;
                case IConditionalAccessInstanceOperation accessed when ReceiverOf(accessed) is { } receiver:
                    operation = receiver;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The tasks a call blocks on: the receiver of <c>Wait</c>, the task of the <c>GetAwaiter().GetResult()</c> idiom,
    /// the tasks of <c>WaitAll</c> and <c>WaitAny</c>. Default for any other call, <c>Thread.Sleep</c> included.
    /// </summary>
    public ImmutableArray<IOperation> WaitedTasks(IInvocationOperation call) => Get(call.TargetMethod) switch
    {
        TaskMember.Wait or TaskMember.WaitWithArguments when call.Instance is { } task => ImmutableArray.Create(task),

        // Only the idiom: an awaiter kept in a variable is usually a hand-written await (IsCompleted, OnCompleted,
        // then GetResult), which does not block.
        TaskMember.GetResult when call.Instance is IInvocationOperation { Instance: { } task } getAwaiter
            && Get(getAwaiter.TargetMethod) == TaskMember.GetAwaiter => ImmutableArray.Create(task),
        TaskMember.WaitAll or TaskMember.WaitAny => TasksOf(call),
        _ => default,
    };

    /// <summary>
    /// The tasks of <c>WaitAll</c>/<c>WaitAny</c>: each element of an array or collection built in the call
    /// (<c>WaitAll(a, b)</c>, <c>WaitAll(new[] { a, b })</c>, <c>WaitAll([a, b])</c>), or the collection passed.
    /// </summary>
    public static ImmutableArray<IOperation> TasksOf(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            // Every overload takes the tasks first: an array, or from .NET 9 on a span or an enumerable.
            if (argument.Parameter is { Ordinal: 0 } parameter)
            {
                return ElementsOf(argument.Value, parameter);
            }
        }

        return ImmutableArray<IOperation>.Empty;
    }

    private static ImmutableArray<IOperation> ElementsOf(IOperation value, IParameterSymbol parameter)
    {
        var collection = value;
        while (collection is IConversionOperation { Operand: var operand })
        {
            collection = operand;
        }

        if (collection is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        // A collection expression, or the collection a compiler newer than this package's Roslyn builds for a params
        // span: no interface names them here, but their children are the elements.
        if (collection.Syntax is CollectionExpressionSyntax || collection.IsImplicit && parameter.IsParams)
        {
            var elements = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var element in TreeWalk.Children(collection))
            {
                elements.Add(element);
            }

            return elements.ToImmutable();
        }

        return ImmutableArray.Create(value);
    }

    /// <summary>What <c>x?.Result</c> reads the member of: the operand of the innermost enclosing <c>?.</c>.</summary>
    private static IOperation? ReceiverOf(IConditionalAccessInstanceOperation accessed)
    {
        IOperation child = accessed;
        for (var current = accessed.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IConditionalAccessOperation access && access.WhenNotNull == child)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private void Add(ISymbol symbol, TaskMember member) => _members[symbol.OriginalDefinition] = member;

    private void AddAll(INamedTypeSymbol? type, TaskMember member, params string[] names)
    {
        if (type is null)
        {
            return;
        }

        foreach (var name in names)
        {
            foreach (var symbol in type.GetMembers(name))
            {
                if (symbol is IMethodSymbol or IPropertySymbol)
                {
                    Add(symbol, member);
                }
            }
        }
    }
}
