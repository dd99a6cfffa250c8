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
        // Only the named assembly is searched: a search of the whole compilation looks into every reference.
        if (compilation.Assembly.Name == assemblyName)
        {
            return compilation.Assembly.GetTypeByMetadataName(metadataName);
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == assemblyName && assembly.GetTypeByMetadataName(metadataName) is { } type)
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
