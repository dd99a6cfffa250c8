using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The handlers of a compilation, over every entry source, and what follows from them: which instances the runtime
/// reuses, which lambdas and local functions are handlers, which methods the class-library runtime could call. Test
/// code is never a handler: a test method, with the lambdas and local functions inside it, never; in a test project,
/// only an attribute or a registration makes one, never an <c>ILambdaContext</c> parameter alone.
/// </summary>
internal sealed class HandlerCatalog
{
    private readonly LambdaSymbols _symbols;
    private readonly bool _isClassLibrary;
    private readonly ImmutableArray<IEntrySource> _sources;
    private readonly HandlerStringEntrySource? _handlerStrings;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _reusedTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _claimedTypes = new(SymbolEqualityComparer.Default);
    private readonly Compilation _compilation;

    public HandlerCatalog(Compilation compilation, LambdaSymbols symbols, ImmutableArray<IEntrySource> extraSources)
    {
        _compilation = compilation;
        _symbols = symbols;
        _isClassLibrary = compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary;
        Tests = new TestCode(compilation);
        Callers = new CallerIndex(compilation);

        // The cheap sources first: a registration binds its file.
        _sources = ImmutableArray.Create<IEntrySource>(
                new SignatureEntrySource(compilation, symbols, Tests),
                new LambdaFunctionEntrySource(compilation, symbols),
                new RegistrationEntrySource(symbols))
            .AddRange(extraSources);

        // The deployment files' source, if any, is also asked on its own (the model makes at most one).
        foreach (var source in extraSources)
        {
            _handlerStrings ??= source as HandlerStringEntrySource;
        }
    }

    /// <summary>
    /// Whether a handler string of a deployment file names the method: the runtime calls it as a handler, whoever else
    /// in the project calls it too.
    /// </summary>
    public bool IsNamedByHandlerString(IMethodSymbol method) =>
        _handlerStrings is not null && _handlerStrings.IsEntry(method, semanticModel: null, CancellationToken.None);

    /// <summary>
    /// The types whose handler strings, of the functions this build is deployed as, name the method
    /// (<see cref="HandlerStringEntrySource.GetDeployedNamedTypes"/>), or none: in a multi-targeting project, a function
    /// of runtime <c>dotnet6</c> counts in the <c>net6.0</c> build only (<see cref="BuildTarget"/>).
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> GetHandlerStringTypes(IMethodSymbol method) =>
        _handlerStrings?.GetDeployedNamedTypes(method) ?? ImmutableArray<INamedTypeSymbol>.Empty;

    /// <summary>
    /// Whether the class-library runtime is taken to call the method though no handler string names it: in a class
    /// library (the only kind of project it loads), the method has the class-library handler shape
    /// (<see cref="HasClassLibraryHandlerShape"/>) and the project never calls it or uses it as a method group itself;
    /// a method the project uses is a helper of its caller.
    /// </summary>
    public bool IsInferredClassLibraryHandler(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        _isClassLibrary
        && HasClassLibraryHandlerShape(method)
        && !Callers.IsUsedInCompilation(method, semanticModel, cancellationToken);

    /// <summary>Test methods and test projects.</summary>
    public TestCode Tests { get; }

    /// <summary>Whether the project calls a method itself.</summary>
    public CallerIndex Callers { get; }

    /// <summary>
    /// Whether the runtime calls a method as a handler, by any entry source. Without a semantic model, only the sources
    /// that need no binding answer.
    /// </summary>
    public bool IsHandler(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        // Every block's method is asked: in a type no source claims (a record, a repository), one look-up answers.
        if (method.ContainingType is { } type && !MayDeclareEntries(type, cancellationToken))
        {
            return false;
        }

        foreach (var source in _sources)
        {
            if (source.IsEntry(method, semanticModel, cancellationToken))
            {
                // Asked last: most methods are no handler by any source.
                return !Tests.IsTestMethod(method);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some entry source may make a method the type declares a handler, from the declarations' text
    /// (<see cref="IEntrySource.MayDeclareEntries"/>): a type none of them claims need not have its members listed.
    /// </summary>
    public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var key = type.OriginalDefinition;
        if (!_claimedTypes.TryGetValue(key, out var claimed))
        {
            claimed = _claimedTypes.GetOrAdd(key, ComputeMayDeclareEntries(key, cancellationToken));
        }

        return claimed;
    }

    private bool ComputeMayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            if (source.MayDeclareEntries(type, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a lambda, anonymous method or local function is a handler by its own parameters: it takes an
    /// <c>ILambdaContext</c>, outside a test project. (Test methods have no nested handlers at all.)
    /// </summary>
    public bool IsNestedHandler(IMethodSymbol function) =>
        !Tests.IsTestProject && HandlerDiscovery.TakesLambdaContext(function, _symbols);

    /// <summary>Whether a method carries <c>[LambdaFunction]</c>.</summary>
    public bool IsLambdaFunction(IMethodSymbol method) => HandlerDiscovery.IsLambdaFunction(method, _symbols);

    /// <summary>
    /// Whether the runtime creates one instance of this type per execution environment and invokes it many times: a
    /// concrete, non-generic class or struct with a public parameterless constructor and an instance handler, or the
    /// class of a <c>[LambdaFunction]</c> method. A class without a public parameterless constructor whose methods take
    /// an ILambdaContext is a per-invocation helper.
    /// </summary>
    public bool IsReusedHandlerInstance(INamedTypeSymbol type)
    {
        // A lookup first: GetOrAdd with a method group allocates a delegate on every call.
        var key = type.OriginalDefinition;
        return _reusedTypes.TryGetValue(key, out var reused) ? reused : _reusedTypes.GetOrAdd(key, ComputeIsReusedHandlerInstance(key));
    }

    private bool ComputeIsReusedHandlerInstance(INamedTypeSymbol type)
    {
        if (type.IsStatic || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        // An abstract or generic base class of the project (SqsEventHandler<TMessage>): its instance is the reused one
        // when a class deriving from it is.
        if (type.IsAbstract || type.IsGenericType)
        {
            return HasReusedDerivedClass(type);
        }

        var isAnnotationsClass = false;
        var hasInstanceHandler = false;
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method
                || !IsHandler(method, semanticModel: null, CancellationToken.None))
            {
                continue;
            }

            hasInstanceHandler = true;
            isAnnotationsClass |= IsLambdaFunction(method);
        }

        // A handler the class inherits from a base class of the project: the runtime calls it on this class's instance.
        for (var baseType = type.BaseType; !hasInstanceHandler && baseType is not null && IsInThisCompilation(baseType); baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false, IsAbstract: false, MethodKind: MethodKind.Ordinary } method && IsInheritedHandler(method))
                {
                    hasInstanceHandler = true;
                    break;
                }
            }
        }

        if (!hasInstanceHandler)
        {
            return false;
        }

        if (isAnnotationsClass || type.TypeKind == TypeKind.Struct)
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

    /// <summary>
    /// A handler of a base class, called on a derived class's instance: one the catalog knows, or, in a generic base
    /// (which the class-library shape leaves out), a public method whose last of at most two parameters is the
    /// <c>ILambdaContext</c>.
    /// </summary>
    private bool IsInheritedHandler(IMethodSymbol method) =>
        IsHandler(method.OriginalDefinition, semanticModel: null, CancellationToken.None)
        || (method.ContainingType.IsGenericType
            && method.DeclaredAccessibility == Accessibility.Public
            && method.Parameters.Length is 1 or 2
            && method.Parameters[method.Parameters.Length - 1].Type.IsType(_symbols.LambdaContext));

    private bool IsInThisCompilation(INamedTypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

    /// <summary>Whether a concrete class of the project that derives from a type (its definition) is a reused handler instance.</summary>
    private bool HasReusedDerivedClass(INamedTypeSymbol baseDefinition)
    {
        if (!IsInThisCompilation(baseDefinition))
        {
            return false;
        }

        foreach (var candidate in SourceTypes.Of(_compilation))
        {
            if (candidate.TypeKind != TypeKind.Class || candidate.IsAbstract || candidate.IsGenericType)
            {
                continue;
            }

            for (var current = candidate.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseDefinition))
                {
                    if (IsReusedHandlerInstance(candidate))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }


    /// <summary>
    /// Whether the class-library runtime could call the method from a handler string, outside test code: at most two parameters, the last
    /// an ILambdaContext, no ref or params parameters, not generic, in a non-generic class or struct, neither abstract
    /// nor an override or an interface implementation (those are called through the member they implement).
    /// </summary>
    public bool HasClassLibraryHandlerShape(IMethodSymbol method)
    {
        // A type no entry source claims names no ILambdaContext (nor an alias of it): its methods' parameters need not be bound.
        if (Tests.IsTestProject || method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod || method.IsAbstract || method.IsOverride
            || (method.ContainingType is { } containing && !MayDeclareEntries(containing, CancellationToken.None))
            || method.Parameters.Length is 0 or > 2
            || !method.Parameters[method.Parameters.Length - 1].Type.IsType(_symbols.LambdaContext))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return false;
            }
        }

        var type = method.ContainingType;
        if (type is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || (type.IsAbstract && !method.IsStatic))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return false;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return false;
                }
            }
        }

        return !Tests.IsTestMethod(method);
    }
}
