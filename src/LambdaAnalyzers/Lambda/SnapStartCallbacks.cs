using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The callbacks given to <c>SnapshotRestore.RegisterBeforeSnapshot</c> and <c>RegisterAfterRestore</c>: a lambda, an
/// anonymous method or a method group. They run when a SnapStart snapshot is taken or restored, never per invocation,
/// wherever the registration is. (Registering on every invocation is a defect of its own.)
/// </summary>
internal static class SnapStartCallbacks
{
    /// <summary>Whether a lambda or anonymous method is given to a SnapStart registration.</summary>
    public static bool IsCallback(IAnonymousFunctionOperation function, LambdaSymbols symbols)
    {
        if (symbols.SnapshotRegistrations.IsEmpty)
        {
            return false;
        }

        IOperation current = function;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation invocation } && IsRegistration(invocation, symbols);
    }

    /// <summary>The local functions the blocks give to a SnapStart registration as method groups.</summary>
    public static ImmutableHashSet<IMethodSymbol> FindLocalFunctionCallbacks(ImmutableArray<IOperation> blocks, LambdaSymbols symbols)
    {
        if (symbols.SnapshotRegistrations.IsEmpty)
        {
            return ImmutableHashSet<IMethodSymbol>.Empty;
        }

        ImmutableHashSet<IMethodSymbol>.Builder? found = null;
        var pending = new Stack<IOperation>();
        foreach (var block in blocks)
        {
            pending.Push(block);
        }

        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            foreach (var child in TreeWalk.Children(operation))
            {
                pending.Push(child);
            }

            if (operation is not IInvocationOperation invocation || !IsRegistration(invocation, symbols))
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (HandlerDiscovery.UnwrapDelegate(argument.Value) is IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference)
                {
                    (found ??= ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(reference.Method.OriginalDefinition);
                }
            }
        }

        return found?.ToImmutable() ?? ImmutableHashSet<IMethodSymbol>.Empty;
    }

    private static bool IsRegistration(IInvocationOperation invocation, LambdaSymbols symbols) =>
        invocation.TargetMethod.Name is "RegisterBeforeSnapshot" or "RegisterAfterRestore"
        && symbols.SnapshotRegistrations.Contains(invocation.TargetMethod.OriginalDefinition);
}
