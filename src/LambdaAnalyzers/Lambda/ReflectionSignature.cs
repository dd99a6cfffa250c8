using System.Text;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method as .NET's <c>MethodInfo.ToString()</c> writes it, which is what a handler string's method part is compared
/// with when it is a signature: <c>System.String Handle(System.String, Amazon.Lambda.Core.ILambdaContext)</c>. A type is
/// written by its short name when it (or the element type of its array, pointer or reference) is a primitive, nested,
/// <c>void</c> or <c>TypedReference</c> (<c>Int32</c>, <c>Void</c>, <c>Inner</c>, <c>Byte[]</c>), and by its full name
/// otherwise, generic arguments in brackets (<c>System.Threading.Tasks.Task`1[System.String]</c>); a <c>ref</c>, <c>in</c>
/// or <c>out</c> parameter is followed by <c> ByRef</c>, and a generic method's type parameters follow its name
/// (<c>Handle[T]</c>).
/// </summary>
internal static class ReflectionSignature
{
    /// <summary>The signature of a method, or null when a type in it has no name reflection would give (an error type).</summary>
    public static string? Of(IMethodSymbol method)
    {
        var text = new StringBuilder();
        if (!AppendShortOrFull(text, method.ReturnType, method.ReturnsByRef || method.ReturnsByRefReadonly ? "&" : string.Empty))
        {
            return null;
        }

        text.Append(' ').Append(method.MetadataName);
        if (method.IsGenericMethod)
        {
            text.Append('[');
            for (var i = 0; i < method.TypeArguments.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                if (!AppendFull(text, method.TypeArguments[i]))
                {
                    return null;
                }
            }

            text.Append(']');
        }

        text.Append('(');
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (i > 0)
            {
                text.Append(", ");
            }

            if (!AppendShortOrFull(text, parameter.Type, string.Empty))
            {
                return null;
            }

            if (parameter.RefKind != RefKind.None)
            {
                text.Append(" ByRef");
            }
        }

        if (method.IsVararg)
        {
            text.Append(method.Parameters.IsEmpty ? "..." : ", ...");
        }

        return text.Append(')').ToString();
    }

    /// <summary>
    /// A type as <c>Type.FormatTypeName()</c> writes it: the short name when its root element type is a primitive, nested,
    /// void or TypedReference, the full name otherwise; with a suffix (<c>&amp;</c> of a reference return).
    /// </summary>
    private static bool AppendShortOrFull(StringBuilder text, ITypeSymbol type, string suffix)
    {
        var root = type;
        while (root is IArrayTypeSymbol or IPointerTypeSymbol)
        {
            root = root is IArrayTypeSymbol array ? array.ElementType : ((IPointerTypeSymbol)root).PointedAtType;
        }

        var ok = IsShort(root) ? AppendShort(text, type) : AppendFull(text, type);
        text.Append(suffix);
        return ok;
    }

    private static bool IsShort(ITypeSymbol root) =>
        root.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
            or SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Void or SpecialType.System_TypedReference
        || root.ContainingType is not null
        || root is ITypeParameterSymbol;

    /// <summary><c>Type.Name</c>: the type's own metadata name, without namespace or generic arguments, with its array or pointer suffixes.</summary>
    private static bool AppendShort(StringBuilder text, ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return AppendShort(text, array.ElementType) && AppendRank(text, array);
            case IPointerTypeSymbol pointer:
                var ok = AppendShort(text, pointer.PointedAtType);
                text.Append('*');
                return ok;
            case IErrorTypeSymbol:
                return false;
            default:
                text.Append(type.MetadataName);
                return true;
        }
    }

    /// <summary><c>Type.ToString()</c>: namespace, containing types after <c>+</c>, generic arguments in brackets.</summary>
    private static bool AppendFull(StringBuilder text, ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol:
                return false;
            case IArrayTypeSymbol array:
                return AppendFull(text, array.ElementType) && AppendRank(text, array);
            case IPointerTypeSymbol pointer:
                var ok = AppendFull(text, pointer.PointedAtType);
                text.Append('*');
                return ok;
            case ITypeParameterSymbol parameter:
                text.Append(parameter.Name);
                return true;
            case IDynamicTypeSymbol:
                text.Append("System.Object");
                return true;
            case INamedTypeSymbol named:
                if (named.ContainingType is { } outer)
                {
                    if (!AppendFullDefinition(text, outer))
                    {
                        return false;
                    }

                    text.Append('+');
                }
                else if (named.ContainingNamespace is { IsGlobalNamespace: false } space)
                {
                    text.Append(space.ToDisplayString()).Append('.');
                }

                text.Append(named.MetadataName);
                var arguments = AllTypeArguments(named);
                if (arguments.Count > 0 && !named.IsUnboundGenericType)
                {
                    text.Append('[');
                    for (var i = 0; i < arguments.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        if (!AppendFull(text, arguments[i]))
                        {
                            return false;
                        }
                    }

                    text.Append(']');
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A containing type as part of a nested type's name: its name chain, without generic arguments (those go last).</summary>
    private static bool AppendFullDefinition(StringBuilder text, INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            if (!AppendFullDefinition(text, outer))
            {
                return false;
            }

            text.Append('+');
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } space)
        {
            text.Append(space.ToDisplayString()).Append('.');
        }

        text.Append(type.MetadataName);
        return type is not IErrorTypeSymbol;
    }

    /// <summary>The generic arguments of a type and of the types containing it, outermost first, as reflection lists them.</summary>
    private static System.Collections.Generic.List<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type)
    {
        var arguments = new System.Collections.Generic.List<ITypeSymbol>();
        if (type.ContainingType is { } outer)
        {
            arguments.AddRange(AllTypeArguments(outer));
        }

        arguments.AddRange(type.TypeArguments);
        return arguments;
    }

    private static bool AppendRank(StringBuilder text, IArrayTypeSymbol array)
    {
        text.Append('[');
        if (array.Rank > 1)
        {
            text.Append(',', array.Rank - 1);
        }
        else if (!array.IsSZArray)
        {
            text.Append('*');
        }

        text.Append(']');
        return true;
    }
}
