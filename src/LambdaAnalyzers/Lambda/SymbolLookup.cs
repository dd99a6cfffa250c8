using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

internal static class SymbolLookup
{
    /// <summary>
    /// The type with this metadata name defined in the named assembly, or null. A look-alike type declared
    /// elsewhere (in the user's own code, say) is not the library's type.
    /// </summary>
    public static INamedTypeSymbol? GetType(Compilation compilation, string metadataName, string assemblyName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (type.ContainingAssembly?.Name == assemblyName)
            {
                return type;
            }
        }

        return null;
    }

    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsType(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}
