using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether per-invocation code waits for a call's result: it is awaited (through conversions, parentheses and
/// <c>ConfigureAwait</c>), returned by the handler, or passed to <c>Task.WhenAll</c>/<c>WhenAny</c>, also from a
/// lambda whose results flow into one; and whether a call sits in cleanup code, which must run even when time is short.
/// </summary>
internal sealed class WaitedCalls(AsyncSymbols async, ImmutableHashSet<IMethodSymbol> whenAllOrAny)
{
    private readonly AsyncSymbols _async = async;
    private readonly ImmutableHashSet<IMethodSymbol> _whenAllOrAny = whenAllOrAny;

    /// <summary>Cleanup must run even when time is short: calls in <c>catch</c> and <c>finally</c> are left alone.</summary>
    public static bool IsInCleanup(IOperation operation, IOperation root)
    {
        for (var current = operation; current.Parent is { } parent && !ReferenceEquals(current, root); current = parent)
        {
            if (parent is ICatchClauseOperation
                || (parent is ITryOperation tryOperation && ReferenceEquals(tryOperation.Finally, current)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The result is awaited, returned by the handler, or passed to <c>Task.WhenAll</c>/<c>WhenAny</c> (also through a lambda).</summary>
    public bool IsWaitedFor(IInvocationOperation invocation, IOperation root)
    {
        var current = SkipWrappers(invocation);
        switch (current.Parent)
        {
            case IAwaitOperation:
                return true;
            case IReturnOperation returned when _async.IsTaskLike(invocation.Type):
                return GetEnclosingFunction(returned, root) switch
                {
                    { } function when ReferenceEquals(function, root) => true,
                    IAnonymousFunctionOperation lambda => FlowsIntoWhenAll(lambda, root),
                    _ => false,
                };
            default:
                return _async.IsTaskLike(invocation.Type) && IsWhenAllArgument(current);
        }
    }

    private IOperation SkipWrappers(IOperation operation)
    {
        while (true)
        {
            switch (operation.Parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    operation = operation.Parent;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure
                    when ReferenceEquals(configure.Instance, operation) && _async.IsTaskLike(operation.Type):
                    operation = configure;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static IOperation? GetEnclosingFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, root) || current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>A task passed to WhenAll/WhenAny directly or as an element of its <c>params</c> array.</summary>
    private bool IsWhenAllArgument(IOperation value)
    {
        var current = value;
        if (current.Parent is IArrayInitializerOperation { Parent: IArrayCreationOperation creation })
        {
            current = SkipWrappers(creation);
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation target }
            && _whenAllOrAny.Contains(target.TargetMethod.OriginalDefinition);
    }

    /// <summary>
    /// <c>Task.WhenAll(items.Select(x => CallAsync(x)))</c>, with any chain of calls after the <c>Select</c>
    /// (<c>.ToList()</c>), directly or through a local later passed to WhenAll/WhenAny.
    /// </summary>
    private bool FlowsIntoWhenAll(IAnonymousFunctionOperation lambda, IOperation root)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation consumer })
        {
            return false;
        }

        current = consumer;
        while (true)
        {
            current = SkipWrappers(current);
            if (IsWhenAllArgument(current))
            {
                return true;
            }

            switch (current.Parent)
            {
                case IInvocationOperation next when ReferenceEquals(next.Instance, current):
                    current = next;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation next } argument when next.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0:
                    current = next;
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return IsLocalPassedToWhenAll(declarator.Symbol, root);
                default:
                    return false;
            }
        }
    }

    private bool IsLocalPassedToWhenAll(ILocalSymbol local, IOperation root)
    {
        foreach (var reference in LocalReferences.Find(local, root))
        {
            if (IsWhenAllArgument(SkipWrappers(reference)))
            {
                return true;
            }
        }

        return false;
    }
}
