using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether the class-library runtime can find the method a handler string of this assembly names, by the checks its
/// handler loading makes (Amazon.Lambda.RuntimeSupport): the type by its full name, then the first type up the base
/// chain that declares a method of that name, at any accessibility; for a method part that is a signature, the first
/// type up the chain that declares a method whose <c>MethodInfo.ToString()</c> is that signature
/// (<see cref="ReflectionSignature"/>), as the runtime looks it up when no method has the part as its name.
/// </summary>
internal static class HandlerStringCheck
{
    /// <summary>The runtime's limit on the length of a handler string.</summary>
    public const int MaximumLength = 127;

    /// <summary>Why the runtime cannot load the handler, in words for a diagnostic, or null when it can.</summary>
    public static string? FindProblem(HandlerString handler, KnownTypes types, string assemblyName) =>
        Resolve(handler, types, assemblyName, out _);

    /// <summary>The method the runtime calls for a handler string (declared by the named type or a base class), or null when it finds none.</summary>
    public static IMethodSymbol? FindMethod(HandlerString handler, KnownTypes types, string assemblyName)
    {
        Resolve(handler, types, assemblyName, out var method);
        return method;
    }

    private static string? Resolve(HandlerString handler, KnownTypes types, string assemblyName, out IMethodSymbol? resolved)
    {
        resolved = null;
        var text = handler.Text.Trim();
        if (text.Length > MaximumLength)
        {
            return $"'{text}' is longer than the {MaximumLength} characters a handler string may have";
        }

        if (types.Find(handler.Type, assemblyName) is not { } type)
        {
            return $"'{text}' names no type '{handler.Type}' in '{assemblyName}'";
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsGenericType)
        {
            return $"'{text}' names '{handler.Type}', which is not a non-generic class or struct";
        }

        if (handler.HasSignature)
        {
            return ResolveSignature(handler, type, text, out resolved);
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            var methods = new List<IMethodSymbol>();
            foreach (var member in current.GetMembers(handler.Method))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    methods.Add(method);
                }
            }

            if (methods.Count == 0)
            {
                continue;
            }

            if (methods.Count > 1)
            {
                return $"'{text}' names '{handler.Method}', which '{current.Name}' declares more than once; write the method part as a signature";
            }

            if (!methods[0].IsStatic && type.IsAbstract)
            {
                return $"'{text}' names the instance method '{handler.Method}' of the abstract type '{handler.Type}'";
            }

            resolved = methods[0];
            return null;
        }

        return $"'{text}' names no method '{handler.Method}' in '{handler.Type}'";
    }

    /// <summary>
    /// The method whose reflection signature is the method part: declared by the named type or, failing that, by the
    /// first base class that declares one (methods of every kind but constructors, at any accessibility).
    /// </summary>
    private static string? ResolveSignature(HandlerString handler, INamedTypeSymbol type, string text, out IMethodSymbol? resolved)
    {
        resolved = null;
        var bracket = handler.Method.IndexOf('[');
        var name = bracket > 0 ? handler.Method.Substring(0, bracket) : handler.Method;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } method
                    && ReflectionSignature.Of(method) == handler.MethodPart)
                {
                    if (!method.IsStatic && type.IsAbstract)
                    {
                        return $"'{text}' names the instance method '{handler.Method}' of the abstract type '{handler.Type}'";
                    }

                    resolved = method;
                    return null;
                }
            }
        }

        return $"'{text}' names no method with the signature '{handler.MethodPart}' in '{handler.Type}'";
    }
}
