using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether the class-library runtime can call a method as a handler, by the checks of its handler loading
/// (Amazon.Lambda.RuntimeSupport): <c>UserCodeValidator</c> refuses abstract and generic methods, a last <c>params</c>
/// parameter and varargs; an instance method needs an object, which it creates with the type's public parameterless
/// constructor; <c>InvokeDelegateBuilder</c> takes at most two parameters, the second an <c>ILambdaContext</c> (a type
/// that is one), reads an input other than <c>Stream</c> itself with the serializer and writes returned data other
/// than a <c>Stream</c> with it, and fails when there is none (<see cref="SerializerLookup"/>). Returned data is any
/// value but <c>void</c> and a <c>Task</c>; for a <c>Task&lt;T&gt;</c> (or a subclass), it is the <c>T</c>. Whether
/// the method is async void is the runtime's concern too, but a question of awaiting (<see cref="AsyncSymbols"/>).
/// </summary>
internal sealed class HandlerCallability
{
    private readonly LambdaSymbols _symbols;
    private readonly AsyncSymbols _async;
    private readonly SerializerLookup _serializers;
    private readonly INamedTypeSymbol? _stream;

    public HandlerCallability(Compilation compilation, KnownTypes types, LambdaSymbols symbols, AsyncSymbols async)
    {
        _symbols = symbols;
        _async = async;
        _serializers = new SerializerLookup(compilation, types);
        _stream = types.Find(KnownTypeNames.SystemIOStream);
    }

    /// <summary>
    /// Every reason the runtime cannot call the method, in the order it checks them (it stops at the first), or none.
    /// <paramref name="handlerTypes"/> are the types whose handler strings name the method, whose objects the runtime
    /// creates for an instance method (a base class's method is called on the named type's object); when there are
    /// none, the method's own type. A type, input or returned data that does not bind is not judged.
    /// </summary>
    public ImmutableArray<CallabilityProblem> FindProblems(IMethodSymbol method, ImmutableArray<INamedTypeSymbol> handlerTypes)
    {
        ImmutableArray<CallabilityProblem>.Builder? problems = null;
        void Add(CallabilityProblem problem) => (problems ??= ImmutableArray.CreateBuilder<CallabilityProblem>()).Add(problem);

        if (method.IsAbstract)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.Abstract));
        }

        if (method.IsGenericMethod)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.Generic));
        }

        var parameters = method.Parameters;
        if (!parameters.IsEmpty && parameters[parameters.Length - 1].IsParams)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.Params));
        }

        if (method.IsVararg)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.Arglist));
        }

        if (!method.IsStatic && FindTypeWithoutConstructor(method, handlerTypes) is { } uncreatable)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.NoPublicConstructor, uncreatable));
        }

        ITypeSymbol? input = null;
        if (parameters.Length > 2)
        {
            Add(new CallabilityProblem(CallabilityProblemKind.TooManyParameters, parameterCount: parameters.Length));
        }
        else if (parameters.Length == 2)
        {
            if (!IsContext(parameters[1].Type))
            {
                Add(new CallabilityProblem(CallabilityProblemKind.SecondParameterNotContext, parameters[1].Type));
            }

            input = parameters[0].Type;
        }
        else if (parameters.Length == 1 && !IsContext(parameters[0].Type))
        {
            input = parameters[0].Type;
        }

        // The serializer is looked up only for a method that needs one.
        if (input is { TypeKind: not TypeKind.Error } && !SymbolEqualityComparer.Default.Equals(input, _stream) && !_serializers.HasSerializer(method))
        {
            Add(new CallabilityProblem(CallabilityProblemKind.InputNeedsSerializer, input));
        }

        if (ReturnedData(method) is { TypeKind: not TypeKind.Error } output && !output.InheritsFromOrEquals(_stream) && !_serializers.HasSerializer(method))
        {
            Add(new CallabilityProblem(CallabilityProblemKind.OutputNeedsSerializer, output));
        }

        return problems is null ? ImmutableArray<CallabilityProblem>.Empty : problems.ToImmutable();
    }

    /// <summary>What the runtime writes to the response: the return value, the result of a <c>Task&lt;T&gt;</c>, or nothing.</summary>
    private ITypeSymbol? ReturnedData(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return null;
        }

        for (var type = method.ReturnType as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (type.IsType(_async.TaskOfT) && type.TypeArguments.Length == 1)
            {
                return type.TypeArguments[0];
            }

            if (type.IsType(_async.Task))
            {
                return null;
            }
        }

        return method.ReturnType;
    }

    /// <summary>The runtime passes its context to a parameter whose type is <c>ILambdaContext</c> or implements it.</summary>
    private bool IsContext(ITypeSymbol type)
    {
        if (type.IsType(_symbols.LambdaContext))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.IsType(_symbols.LambdaContext))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first class the runtime would have to create, for an instance method, that has no public parameterless constructor.</summary>
    private static INamedTypeSymbol? FindTypeWithoutConstructor(IMethodSymbol method, ImmutableArray<INamedTypeSymbol> handlerTypes)
    {
        if (handlerTypes.IsEmpty)
        {
            return method.ContainingType is { } own && !HasPublicParameterlessConstructor(own) ? own : null;
        }

        foreach (var type in handlerTypes)
        {
            if (!HasPublicParameterlessConstructor(type))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// A struct always has one; a class, when it declares one or none at all (the compiler's default). An abstract class
    /// is refused before any constructor is looked for (<see cref="HandlerStringCheck"/>), so it is not judged here.
    /// </summary>
    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            return true;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.IsEmpty && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }
}
