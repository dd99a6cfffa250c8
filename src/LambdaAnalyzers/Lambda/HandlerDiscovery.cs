using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Finds handlers in every .NET programming model: methods taking an <c>ILambdaContext</c>, <c>[LambdaFunction]</c>
/// methods, delegates registered with a bootstrap, lambdas and local functions taking an <c>ILambdaContext</c>, and
/// the local functions those call.
/// </summary>
internal static class HandlerDiscovery
{
    [System.ThreadStatic]
    private static Stack<IOperation>? t_pending;

    /// <summary>Whether a method carries <c>[Amazon.Lambda.Annotations.LambdaFunction]</c>.</summary>
    public static bool IsLambdaFunction(IMethodSymbol method, LambdaSymbols symbols)
    {
        if (symbols.LambdaFunctionAttribute is not { } attribute || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass.IsType(attribute))
            {
                return true;
            }
        }

        return false;
    }

    public static bool TakesLambdaContext(IMethodSymbol method, LambdaSymbols symbols) => GetLambdaContextParameter(method, symbols) is not null;

    /// <summary>The first parameter of type <c>ILambdaContext</c>, or null.</summary>
    public static IParameterSymbol? GetLambdaContextParameter(IMethodSymbol method, LambdaSymbols symbols)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.IsType(symbols.LambdaContext))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// The handler argument of a bootstrap registration (<c>LambdaBootstrapBuilder.Create</c>,
    /// <c>HandlerWrapper.GetHandlerWrapper</c>, <c>new LambdaBootstrap(...)</c>), or null. The initializer argument is
    /// init code and never returned.
    /// </summary>
    public static IOperation? GetBootstrapHandlerArgument(IOperation operation, LambdaSymbols symbols)
    {
        if (symbols.BootstrapRegistrations.IsEmpty)
        {
            return null;
        }

        ImmutableArray<IArgumentOperation> arguments;
        IMethodSymbol? target;
        switch (operation)
        {
            // The names rule out nearly every call before the set is searched.
            case IInvocationOperation invocation when invocation.TargetMethod.Name is "Create" or "GetHandlerWrapper":
                target = invocation.TargetMethod;
                arguments = invocation.Arguments;
                break;
            case IObjectCreationOperation { Constructor.ContainingType.Name: "LambdaBootstrap" } creation:
                target = creation.Constructor;
                arguments = creation.Arguments;
                break;
            default:
                return null;
        }

        if (target is null || !symbols.BootstrapRegistrations.Contains(target.OriginalDefinition))
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type is { TypeKind: TypeKind.Delegate } type && !type.IsType(symbols.BootstrapInitializer))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Roots of per-invocation code inside the operation blocks of a member that is not itself a handler: lambdas and
    /// local functions that are handlers by their parameters (the catalog decides), delegates registered with a
    /// bootstrap, and local functions those call.
    /// </summary>
    public static ImmutableArray<IOperation> FindNestedHandlers(
        ImmutableArray<IOperation> blocks, LambdaSymbols symbols, HandlerCatalog catalog, System.Func<LocalAssignments> locals)
    {
        // Most members hold none of these: nothing is allocated until one is found.
        List<IOperation>? roots = null;
        Dictionary<IMethodSymbol, ILocalFunctionOperation>? localFunctions = null;
        List<IMethodSymbol>? registeredLocalFunctions = null;

        // Every operation of every member passes through here: an explicit stack instead of the iterator of Descendants(),
        // kept for the next member of this thread so that it grows once. Nothing called below walks again.
        var pending = t_pending ?? new Stack<IOperation>();
        t_pending = null;
        pending.Clear();
        foreach (var block in blocks)
        {
            pending.Push(block);
        }

        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            foreach (var child in TreeWalk.Children(operation))
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }

            // Switch on the kind first: most operations are none of these, and a type test per case costs more.
            switch (operation.Kind)
            {
                case OperationKind.AnonymousFunction:
                    if (catalog.IsNestedHandler(((IAnonymousFunctionOperation)operation).Symbol))
                    {
                        (roots ??= new List<IOperation>()).Add(operation);
                    }

                    break;
                case OperationKind.LocalFunction:
                    var localFunction = (ILocalFunctionOperation)operation;
                    (localFunctions ??= new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default))[localFunction.Symbol] = localFunction;
                    if (catalog.IsNestedHandler(localFunction.Symbol))
                    {
                        (roots ??= new List<IOperation>()).Add(localFunction);
                    }

                    break;
                case OperationKind.Invocation or OperationKind.ObjectCreation:
                    if (GetBootstrapHandlerArgument(operation, symbols) is { } argument)
                    {
                        var code = UnwrapDelegate(argument);
                        if (code is ILocalReferenceOperation local && locals().GetSingleAssignment(local.Local) is { } value)
                        {
                            code = UnwrapDelegate(value);
                        }

                        if (code is IAnonymousFunctionOperation registered)
                        {
                            (roots ??= new List<IOperation>()).Add(registered);
                        }
                        else if (code is IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference)
                        {
                            (registeredLocalFunctions ??= new List<IMethodSymbol>()).Add(reference.Method.OriginalDefinition);
                        }
                    }

                    break;
            }
        }

        t_pending = pending;
        if (localFunctions is null)
        {
            return roots is null ? ImmutableArray<IOperation>.Empty : InSourceOrder(roots);
        }

        roots ??= new List<IOperation>();
        foreach (var symbol in registeredLocalFunctions ?? Enumerable.Empty<IMethodSymbol>())
        {
            if (localFunctions.TryGetValue(symbol, out var localFunction))
            {
                roots.Add(localFunction);
            }
        }

        // Local functions of the same body that a handler calls run per invocation too.
        for (var i = 0; i < roots.Count; i++)
        {
            foreach (var operation in TreeWalk.Descendants(roots[i]))
            {
                if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call
                    && localFunctions.TryGetValue(call.TargetMethod.OriginalDefinition, out var callee)
                    && !roots.Contains(callee))
                {
                    roots.Add(callee);
                }
            }
        }

        return roots.Count == 0 ? ImmutableArray<IOperation>.Empty : InSourceOrder(roots);
    }

    private static ImmutableArray<IOperation> InSourceOrder(List<IOperation> roots) =>
        roots.Distinct().OrderBy(root => root.Syntax.SpanStart).ToImmutableArray();

    /// <summary>The lambda, method reference or local reference that supplies a delegate's code.</summary>
    public static IOperation UnwrapDelegate(IOperation operation) => Wrappers.Delegate(operation);
}
