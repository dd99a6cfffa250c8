using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers;

/// <summary>
/// The types of <see cref="KnownTypeNames"/> in one compilation, each looked up once and shared by every analyzer and
/// fixer that asks. The only place that resolves a type by its metadata name: the raw look-ups are banned elsewhere
/// (BannedSymbols.txt), so no caller can take a look-alike in user code for a library's type.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> s_types = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _bcl = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string MetadataName, string AssemblyName), INamedTypeSymbol?> _libraries = new();

    private KnownTypes(Compilation compilation)
    {
        _compilation = compilation;
    }

    public static KnownTypes Get(Compilation compilation) => s_types.GetValue(compilation, static c => new KnownTypes(c));

    /// <summary>
    /// A BCL type as the compilation's references define it, or null when none does or more than one does (as
    /// <c>Compilation.GetTypeByMetadataName</c> decides among references). A type of the same name declared in the
    /// compilation's own code is not the BCL's; and the compilation's own declarations are not looked at, so that a
    /// look-up made when analysis starts does not build the declaration table the compiler builds alongside.
    /// </summary>
    public INamedTypeSymbol? Find(string metadataName)
    {
        if (_bcl.TryGetValue(metadataName, out var type))
        {
            return type;
        }

        return _bcl.GetOrAdd(metadataName, FindInReferences(metadataName));
    }

    /// <summary>
    /// A library type defined in the named assembly, or null. A look-alike declared elsewhere (in the user's own code,
    /// say) is not the library's type.
    /// </summary>
    public INamedTypeSymbol? Find(string metadataName, string assemblyName)
    {
        var key = (metadataName, assemblyName);
        if (_libraries.TryGetValue(key, out var type))
        {
            return type;
        }

        return _libraries.GetOrAdd(key, FindInAssembly(metadataName, assemblyName));
    }

    private INamedTypeSymbol? FindInReferences(string metadataName)
    {
        INamedTypeSymbol? found = null;
#pragma warning disable RS0030 // The one look-up across the references, behind the cache.
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // A type forwarded to another reference is that reference's type, met again.
            if (assembly.GetTypeByMetadataName(metadataName) is not { DeclaredAccessibility: Accessibility.Public } type
                || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly)
                || SymbolEqualityComparer.Default.Equals(type, found))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = type;
        }
#pragma warning restore RS0030

        return found;
    }

    private INamedTypeSymbol? FindInAssembly(string metadataName, string assemblyName)
    {
#pragma warning disable RS0030 // The one look-up inside a single assembly, behind the cache.
        // Only the named assembly is searched: a search of the whole compilation looks into every reference.
        if (_compilation.Assembly.Name == assemblyName)
        {
            return _compilation.Assembly.GetTypeByMetadataName(metadataName);
        }

        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == assemblyName && assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                return type;
            }
        }
#pragma warning restore RS0030

        return null;
    }
}
