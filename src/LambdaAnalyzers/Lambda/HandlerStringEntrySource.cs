using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method of this assembly named by a handler string of a deployment file among the analysis's additional files:
/// the class-library runtime calls it, whatever its parameters. The method is the one the runtime resolves
/// (<see cref="HandlerStringCheck"/>): declared by the named type or, failing that, by the first base class that
/// declares the name, so an inherited handler counts. Handler strings of other assemblies (a template shared by several
/// projects) name nothing here.
/// </summary>
/// <remarks>
/// The files are read when the model is made, but a handler string is resolved to a method only when a method of its
/// name is asked about: resolving looks up the named type and its members, which the compiler builds anyway when it
/// compiles that type, and an earlier look-up would build them first.
/// </remarks>
internal sealed class HandlerStringEntrySource : IEntrySource
{
    private readonly Dictionary<string, ImmutableArray<HandlerString>> _byMethodName;
    private readonly KnownTypes _types;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<string, ImmutableDictionary<IMethodSymbol, ImmutableArray<INamedTypeSymbol>>> _methodsByName = new();

    private HandlerStringEntrySource(Dictionary<string, ImmutableArray<HandlerString>> byMethodName, KnownTypes types, IAssemblySymbol assembly)
    {
        _byMethodName = byMethodName;
        _types = types;
        _assembly = assembly;
    }

    /// <summary>The source for a model's inputs, or nothing when no deployment file has a handler string of this assembly.</summary>
    public static ImmutableArray<IEntrySource> Create(ModelInputs inputs)
    {
        if (inputs.AdditionalFiles.IsEmpty || inputs.Compilation.AssemblyName is not { } assembly)
        {
            return ImmutableArray<IEntrySource>.Empty;
        }

        var byMethodName = new Dictionary<string, ImmutableArray<HandlerString>>(System.StringComparer.Ordinal);
        foreach (var file in inputs.AdditionalFiles)
        {
            if (DeploymentFile.TryGet(file, CancellationToken.None) is not { } facts)
            {
                continue;
            }

            foreach (var handler in facts.Handlers)
            {
                if (handler.Assembly == assembly)
                {
                    byMethodName[handler.Method] = byMethodName.TryGetValue(handler.Method, out var named) ? named.Add(handler) : ImmutableArray.Create(handler);
                }
            }
        }

        return byMethodName.Count == 0
            ? ImmutableArray<IEntrySource>.Empty
            : ImmutableArray.Create<IEntrySource>(new HandlerStringEntrySource(byMethodName, KnownTypes.Get(inputs.Compilation), inputs.Compilation.Assembly));
    }

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        !GetNamedTypes(method).IsEmpty;

    /// <summary>
    /// The types whose handler strings resolve to the method: the named types, of whose objects the runtime calls it
    /// (a base class's method is called on the named type's); empty when no handler string names it.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> GetNamedTypes(IMethodSymbol method)
    {
        // Most methods share no name with a handler string: a string look-up answers for them.
        if (!_byMethodName.ContainsKey(method.Name))
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        if (!_methodsByName.TryGetValue(method.Name, out var methods))
        {
            methods = _methodsByName.GetOrAdd(method.Name, Resolve(method.Name));
        }

        return methods.TryGetValue(method.OriginalDefinition, out var types) ? types : ImmutableArray<INamedTypeSymbol>.Empty;
    }

    /// <summary>
    /// The methods of this assembly that the handler strings naming a method of this name resolve to, each with the types
    /// those strings name.
    /// </summary>
    private ImmutableDictionary<IMethodSymbol, ImmutableArray<INamedTypeSymbol>> Resolve(string methodName)
    {
        var methods = ImmutableDictionary.CreateBuilder<IMethodSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var handler in _byMethodName[methodName])
        {
            if (HandlerStringCheck.FindMethod(handler, _types, _assembly.Name) is { } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly)
                && _types.Find(handler.Type, _assembly.Name) is { } type)
            {
                var key = method.OriginalDefinition;
                var types = methods.TryGetValue(key, out var found) ? found : ImmutableArray<INamedTypeSymbol>.Empty;
                if (types.IndexOf(type, 0, SymbolEqualityComparer.Default) < 0)
                {
                    methods[key] = types.Add(type);
                }
            }
        }

        return methods.ToImmutable();
    }
}
