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
/// projects) name nothing here. A string's function counts whatever its runtime: a method it names is a handler for every
/// rule in every build of a multi-targeting project; only <see cref="GetDeployedNamedTypes"/> keeps to the functions this
/// build is deployed as (<see cref="BuildTarget"/>).
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
    private readonly BuildTarget _build;
    private readonly ConcurrentDictionary<string, ImmutableDictionary<IMethodSymbol, NamedTypes>> _methodsByName = new();

    private HandlerStringEntrySource(Dictionary<string, ImmutableArray<HandlerString>> byMethodName, KnownTypes types, IAssemblySymbol assembly, BuildTarget build)
    {
        _byMethodName = byMethodName;
        _types = types;
        _assembly = assembly;
        _build = build;
    }

    /// <summary>The source for a model's inputs, or nothing when no deployment file has a handler string of this assembly.</summary>
    public static ImmutableArray<IEntrySource> Create(ModelInputs inputs, BuildTarget build)
    {
        if (inputs.AdditionalFiles.IsEmpty || inputs.Compilation.AssemblyName is not { } assembly)
        {
            return ImmutableArray<IEntrySource>.Empty;
        }

        var byMethodName = new Dictionary<string, ImmutableArray<HandlerString>>(System.StringComparer.Ordinal);
        foreach (var file in inputs.AdditionalFiles)
        {
            if (DeploymentFile.TryGet(file, inputs.Options, CancellationToken.None) is not { } facts)
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
            : ImmutableArray.Create<IEntrySource>(new HandlerStringEntrySource(byMethodName, KnownTypes.Get(inputs.Compilation), inputs.Compilation.Assembly, build));
    }

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        !GetNamedTypes(method).IsEmpty;

    /// <summary>Whether the type's declarations declare a method of a name some handler string names.</summary>
    public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        DeclarationText.DeclaresMethod(type, (_, name) => _byMethodName.ContainsKey(name), cancellationToken);

    /// <summary>
    /// The types whose handler strings resolve to the method: the named types, of whose objects the runtime calls it
    /// (a base class's method is called on the named type's); empty when no handler string names it.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> GetNamedTypes(IMethodSymbol method) =>
        Find(method) is { } named ? named.All : ImmutableArray<INamedTypeSymbol>.Empty;

    /// <summary>
    /// As <see cref="GetNamedTypes"/>, from the handler strings of the functions this build is deployed as only
    /// (<see cref="BuildTarget.IsDeployedAs"/>): empty when only functions of another runtime name the method.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> GetDeployedNamedTypes(IMethodSymbol method) =>
        Find(method) is { } named ? named.Deployed : ImmutableArray<INamedTypeSymbol>.Empty;

    private NamedTypes? Find(IMethodSymbol method)
    {
        // Most methods share no name with a handler string: a string look-up answers for them.
        if (!_byMethodName.ContainsKey(method.Name))
        {
            return null;
        }

        if (!_methodsByName.TryGetValue(method.Name, out var methods))
        {
            methods = _methodsByName.GetOrAdd(method.Name, Resolve(method.Name));
        }

        return methods.TryGetValue(method.OriginalDefinition, out var named) ? named : null;
    }

    /// <summary>
    /// The methods of this assembly that the handler strings naming a method of this name resolve to, each with the types
    /// those strings name.
    /// </summary>
    private ImmutableDictionary<IMethodSymbol, NamedTypes> Resolve(string methodName)
    {
        var methods = ImmutableDictionary.CreateBuilder<IMethodSymbol, NamedTypes>(SymbolEqualityComparer.Default);
        foreach (var handler in _byMethodName[methodName])
        {
            if (HandlerStringCheck.FindMethod(handler, _types, _assembly.Name) is { } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly)
                && _types.Find(handler.Type, _assembly.Name) is { } type)
            {
                var key = method.OriginalDefinition;
                var named = methods.TryGetValue(key, out var found) ? found : NamedTypes.None;
                methods[key] = named.Add(type, _build.IsDeployedAs(handler.Runtime));
            }
        }

        return methods.ToImmutable();
    }

    /// <summary>The types whose handler strings name one method: all of them, and those of functions this build is deployed as.</summary>
    private sealed class NamedTypes
    {
        public static readonly NamedTypes None = new(ImmutableArray<INamedTypeSymbol>.Empty, ImmutableArray<INamedTypeSymbol>.Empty);

        private NamedTypes(ImmutableArray<INamedTypeSymbol> all, ImmutableArray<INamedTypeSymbol> deployed)
        {
            All = all;
            Deployed = deployed;
        }

        public ImmutableArray<INamedTypeSymbol> All { get; }

        public ImmutableArray<INamedTypeSymbol> Deployed { get; }

        public NamedTypes Add(INamedTypeSymbol type, bool isDeployed) => new(
            AddOnce(All, type),
            isDeployed ? AddOnce(Deployed, type) : Deployed);

        private static ImmutableArray<INamedTypeSymbol> AddOnce(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol type) =>
            types.IndexOf(type, 0, SymbolEqualityComparer.Default) < 0 ? types.Add(type) : types;
    }
}
