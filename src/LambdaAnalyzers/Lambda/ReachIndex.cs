using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The code a handler runs beyond its own body: the methods of this compilation that per-invocation code calls,
/// transitively, up to the largest <c>lambda_analyzers.reach_depth</c> any file sets (3 by default). Built once per
/// model, on the first question, by binding the entries' bodies and then the callees actually reached, breadth first,
/// so that each method keeps its shortest chain; at most <see cref="MaxBoundMethods"/> methods are bound, and what
/// lies beyond is not reached. What runs only under a one-time guard (<see cref="OneTimeInitialization"/>), in a
/// <c>Lazy&lt;T&gt;</c>, <c>LazyInitializer</c> or cache factory, or in a SnapStart callback is not followed.
/// </summary>
internal sealed class ReachIndex
{
    /// <summary>How many methods the index binds at most.</summary>
    public const int MaxBoundMethods = 2000;

    /// <summary>How many overrides or implementations a virtual or interface call may have and still be followed.</summary>
    public const int MaxDispatchCandidates = 3;

    private static readonly string[] s_cacheFactoryMethods = ["GetOrAdd", "AddOrUpdate", "GetOrCreate", "GetOrCreateAsync"];

    private readonly Dictionary<IMethodSymbol, ReachPath> _methods;
    private readonly Dictionary<INamedTypeSymbol, ReachPath> _createdTypes;
    private Dictionary<IMethodSymbol, List<(ReachPath Caller, Location Site)>>? _callSites;
    private Dictionary<SyntaxNode, ReachPath>? _factories;

    private ReachIndex(Dictionary<IMethodSymbol, ReachPath> methods, Dictionary<INamedTypeSymbol, ReachPath> createdTypes, int boundMethods, bool stopped, int cachedBodies = 0)
    {
        _methods = methods;
        _createdTypes = createdTypes;
        BoundMethods = boundMethods;
        StoppedAtLimit = stopped;
        CachedBodies = cachedBodies;
    }

    public static ReachIndex Empty { get; } = new(
        new Dictionary<IMethodSymbol, ReachPath>(SymbolEqualityComparer.Default),
        new Dictionary<INamedTypeSymbol, ReachPath>(SymbolEqualityComparer.Default),
        0,
        stopped: false);

    /// <summary>Whether nothing is reached (every file sets <c>lambda_analyzers.reach_depth</c> to 0, or no entry calls into the project).</summary>
    public bool IsEmpty => _methods.Count == 0 && _createdTypes.Count == 0 && (_factories is null || _factories.Count == 0);

    /// <summary>How many method bodies the index bound or read from <see cref="ReachEdgeCache"/>.</summary>
    public int BoundMethods { get; }

    /// <summary>How many of them it read from <see cref="ReachEdgeCache"/> instead of binding them.</summary>
    public int CachedBodies { get; }

    /// <summary>Whether the index stopped at <see cref="MaxBoundMethods"/> with callees left.</summary>
    public bool StoppedAtLimit { get; }

    /// <summary>The methods reached, entries excluded.</summary>
    public int ReachedCount => _methods.Count;

    /// <summary>How a method is reached from an entry through calls, or null when no per-invocation code calls it.</summary>
    public ReachPath? Get(IMethodSymbol method) =>
        _methods.TryGetValue(method.OriginalDefinition, out var path) && path.Depth > 0 ? path : null;

    /// <summary>
    /// Every call of a reached method in per-invocation code within the index's depth (its caller's chain, and where the
    /// call is written); empty for a method nothing reaches.
    /// </summary>
    public IReadOnlyList<(ReachPath Caller, Location Site)> CallSitesOf(IMethodSymbol method) =>
        _callSites is not null && _callSites.TryGetValue(method.OriginalDefinition, out var sites) ? sites : Array.Empty<(ReachPath, Location)>();

    /// <summary>
    /// The dependency-injection factory lambdas that run per invocation (a transient or scoped registration's, resolved
    /// in per-invocation code), each with its chain; empty for a tree that has none.
    /// </summary>
    public IEnumerable<(SyntaxNode Lambda, ReachPath Path)> FactoriesIn(SyntaxTree tree)
    {
        if (_factories is null)
        {
            yield break;
        }

        foreach (var pair in _factories)
        {
            if (pair.Key.SyntaxTree == tree)
            {
                yield return (pair.Key, pair.Value);
            }
        }
    }

    /// <summary>
    /// How the instance initializers of a type run per invocation (per-invocation code creates it), or null.
    /// </summary>
    public ReachPath? GetCreatedType(INamedTypeSymbol type) =>
        _createdTypes.TryGetValue(type.OriginalDefinition, out var path) ? path : null;

    /// <summary>
    /// Code a host runs once to set the application up, whoever else calls it: the entry point,
    /// <c>ConfigureServices(IServiceCollection)</c>, and the methods of an Amazon.Lambda.Annotations
    /// <c>[LambdaStartup]</c> class (by name, like test attributes).
    /// </summary>
    internal static bool IsInitMethod(IMethodSymbol method)
    {
        if (method.IsStatic && method.Name is "Main" or "<Main>$")
        {
            return true;
        }

        if (method.Name == "ConfigureServices")
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.Name == "IServiceCollection")
                {
                    return true;
                }
            }
        }

        foreach (var attribute in method.ContainingType.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "LambdaStartupAttribute" or "LambdaStartup")
            {
                return true;
            }
        }

        return false;
    }

    public static ReachIndex Build(Compilation compilation, AnalyzerOptions options, HandlerCatalog catalog, LambdaSymbols symbols, OneTimeInitialization once, CancellationToken cancellationToken)
    {
        var depth = 0;
        var excludedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var treeOptions = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            depth = Math.Max(depth, LambdaOptions.ReachDepth(treeOptions));
            if (LambdaOptions.ReachExclude(treeOptions) is { } excluded)
            {
                foreach (var id in excluded.Split('|'))
                {
                    if (id.Trim() is { Length: > 0 } trimmed)
                    {
                        excludedIds.Add(trimmed);
                    }
                }
            }
        }

        if (depth == 0)
        {
            return Empty;
        }

        var builder = new Builder(compilation, catalog, symbols, once, depth, cancellationToken);
        foreach (var id in excludedIds)
        {
            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                if (symbol is IMethodSymbol method)
                {
                    builder.Exclude(method);
                }
            }
        }

        return builder.Run();
    }

    /// <summary>One build of the index: the work list, the semantic models it asked for, what it found.</summary>
    private sealed class Builder(Compilation compilation, HandlerCatalog catalog, LambdaSymbols symbols, OneTimeInitialization once, int maxDepth, CancellationToken cancellationToken)
    {
        private readonly Dictionary<IMethodSymbol, ReachPath> _methods = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, ReachPath> _createdTypes = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
        private readonly HashSet<IMethodSymbol> _excluded = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> _callees = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, List<(ReachPath Caller, Location Site)>> _callSites = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxNode, ReachPath> _factories = new();
        private readonly Dictionary<string, ISymbol?> _symbolsOfIds = new(StringComparer.Ordinal);
        private readonly Dictionary<IMethodSymbol, bool> _initMethods = new(SymbolEqualityComparer.Default);
        private readonly Queue<(ReachPath Path, IOperation? Body, SyntaxNode? Initializer)> _pending = new();
        private readonly List<ReachPath> _entries = new();
        private readonly INamedTypeSymbol? _lazy = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemLazy1);
        private readonly INamedTypeSymbol? _lazyInitializer = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemThreadingLazyInitializer);
        private readonly bool _aliasesHideWords = UsingAliases.Name(compilation, "ILambdaContext", "LambdaBootstrap", "HandlerWrapper");
        private readonly INamedTypeSymbol? _fromServices = KnownTypes.Get(compilation).Find(KnownTypeNames.AmazonLambdaAnnotationsFromServicesAttribute, KnownTypeNames.AmazonLambdaAnnotationsAssemblyName);
        private readonly INamedTypeSymbol? _serviceProvider = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemIServiceProvider);
        private readonly INamedTypeSymbol? _serviceProviderExtensions = KnownTypes.Get(compilation).Find(
            KnownTypeNames.DependencyInjectionServiceProviderServiceExtensions, KnownTypeNames.DependencyInjectionAbstractionsAssemblyName);
        private ServiceRegistrations? _registrations;
        private static readonly List<INamedTypeSymbol> s_noTypes = new();
        private readonly Dictionary<(IMethodSymbol, INamedTypeSymbol), IMethodSymbol[]> _dispatched = new(DispatchKeyComparer.Instance);
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derived;
        private HashSet<string>? _projectNames;
        private bool _projectHasIndexers;
        private bool _projectHasOperators;
        private int _bound;
        private bool _stopped;
        private ulong? _fingerprint;
        private int _cached;

        public void Exclude(IMethodSymbol method) => _excluded.Add(method.OriginalDefinition);

        public ReachIndex Run()
        {
            AddEntries();
            while (_pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (path, body, initializer) = _pending.Dequeue();

                // What a method at the largest depth calls is not followed: it need not be bound at all.
                if (path.Depth >= maxDepth)
                {
                    continue;
                }

                if (body is not null)
                {
                    Follow(path, body);
                }
                else if (initializer is not null)
                {
                    if (MayCallTheProject(initializer))
                    {
                        FollowSyntax(path, initializer);
                    }
                }
                else
                {
                    foreach (var bodySyntax in BodySyntaxes(path.Method))
                    {
                        FollowSyntax(path, bodySyntax);
                    }
                }
            }

            PropagateEntries();
            return new ReachIndex(_methods, _createdTypes, _bound, _stopped, _cached) { _callSites = _callSites, _factories = _factories };
        }

        /// <summary>The handlers, by every entry source, and the handler lambdas and local functions of init code, in a stable order.</summary>
        private void AddEntries()
        {
            var entries = new List<(string Name, int Position, IMethodSymbol Entry, IOperation? Body)>();
            foreach (var type in SourceTypes())
            {
                // Listing a type's members builds them: a type whose text no entry source, and no handler lambda or
                // local function, can claim is left alone (a record, a repository, a helper of LINQ).
                if (!catalog.MayDeclareEntries(type, cancellationToken) && !MayHoldNestedEntries(type))
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (member is not IMethodSymbol method || IsGenerated(method))
                    {
                        continue;
                    }

                    if (method.MethodKind == MethodKind.Ordinary
                        && catalog.IsHandler(method, ModelOf(method), cancellationToken))
                    {
                        entries.Add((method.ToDisplayString(), Position(method), method, null));
                        continue;
                    }

                    if (method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.StaticConstructor)
                    {
                        AddNestedEntries(method, entries);
                    }
                }
            }

            entries.Sort(static (x, y) =>
            {
                var byName = string.CompareOrdinal(x.Name, y.Name);
                return byName != 0 ? byName : x.Position.CompareTo(y.Position);
            });
            foreach (var (_, _, entry, body) in entries)
            {
                var path = new ReachPath(body is null ? entry.OriginalDefinition : entry, entry, caller: null, callSite: null);
                if (body is null)
                {
                    _methods[entry.OriginalDefinition] = path;
                }

                _entries.Add(path);
                _pending.Enqueue((path, body, null));
                if (body is null)
                {
                    ResolveFromServices(path);
                }
            }
        }

        /// <summary>Whether a declaration of the type names <c>ILambdaContext</c> or a bootstrap (or an alias could hide them).</summary>
        private bool MayHoldNestedEntries(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (NestedCodeFilter.NamesHandlerWords(reference.GetSyntax(cancellationToken), _aliasesHideWords))
                {
                    return true;
                }
            }

            return type.DeclaringSyntaxReferences.IsEmpty;
        }

        /// <summary>Handler lambdas and local functions in a member that names <c>ILambdaContext</c> or a bootstrap.</summary>
        private void AddNestedEntries(IMethodSymbol method, List<(string Name, int Position, IMethodSymbol Entry, IOperation? Body)> entries)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                // Bound only when its text could hold a lambda or local function that is a handler (a Main that
                // registers a method group holds none).
                var syntax = reference.GetSyntax(cancellationToken);
                if (!NestedCodeFilter.NamesHandlerWords(syntax, _aliasesHideWords) || !NestedCodeFilter.MayHoldNestedCode(syntax, _aliasesHideWords))
                {
                    continue;
                }

                foreach (var body in Bodies(method))
                {
                    var blocks = ImmutableArray.Create(body);
                    foreach (var root in HandlerDiscovery.FindNestedHandlers(blocks, symbols, catalog, () => new LocalAssignments(blocks)))
                    {
                        IMethodSymbol? function = root switch
                        {
                            IAnonymousFunctionOperation lambda => lambda.Symbol,
                            ILocalFunctionOperation local => local.Symbol,
                            _ => null,
                        };
                        if (function is not null)
                        {
                            entries.Add((method.ToDisplayString(), root.Syntax.SpanStart, function, root));
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Follows the calls of a body given as syntax: from <see cref="ReachEdgeCache"/> when a compilation with the same
        /// declarations bound it before, else by binding it (and keeping what it calls there).
        /// </summary>
        private void FollowSyntax(ReachPath path, SyntaxNode bodySyntax)
        {
            var edges = ReachEdgeCache.For(bodySyntax.SyntaxTree, Fingerprint);
            if (edges.TryGet(bodySyntax, out var cached))
            {
                if (!TakeBudget())
                {
                    return;
                }

                if (Apply(path, bodySyntax.SyntaxTree, cached))
                {
                    _cached++;
                    return;
                }

                // A member the cache names is gone: bind the body after all (the budget is taken once).
                _bound--;
            }

            if (Bind(bodySyntax) is { } body && Follow(path, body) is { } found)
            {
                edges.Set(bodySyntax, found);
            }
        }

        /// <summary>Follows the calls a cached body makes; false, having followed nothing, when one of its members does not resolve.</summary>
        private bool Apply(ReachPath path, SyntaxTree tree, BodyEdges cached)
        {
            var targets = new IMethodSymbol[cached.Calls.Length];
            for (var i = 0; i < targets.Length; i++)
            {
                if (SymbolOfId(cached.Calls[i].Target) is not IMethodSymbol target)
                {
                    return false;
                }

                targets[i] = target;
            }

            var services = new ITypeSymbol[cached.Services.Length];
            for (var i = 0; i < services.Length; i++)
            {
                if (SymbolOfId(cached.Services[i].Service) is not ITypeSymbol service)
                {
                    return false;
                }

                services[i] = service;
            }

            for (var i = 0; i < targets.Length; i++)
            {
                Reach(path, targets[i], Location.Create(tree, cached.Calls[i].Site));
            }

            for (var i = 0; i < services.Length; i++)
            {
                Resolve(path, services[i], Location.Create(tree, cached.Services[i].Site));
            }

            return true;
        }

        /// <summary><see cref="IsInitMethod"/>, decided once per method of a build (a method has many callers).</summary>
        private bool IsInit(IMethodSymbol method)
        {
            if (!_initMethods.TryGetValue(method, out var init))
            {
                _initMethods[method] = init = IsInitMethod(method);
            }

            return init;
        }

        /// <summary>The member a cached documentation ID names in this compilation, resolved once per build (a callee has many callers).</summary>
        private ISymbol? SymbolOfId(string id)
        {
            if (!_symbolsOfIds.TryGetValue(id, out var symbol))
            {
                symbol = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
                _symbolsOfIds[id] = symbol;
            }

            return symbol;
        }

        /// <summary>
        /// Follows every call of a per-invocation body that leads to a method of this compilation; returns what it
        /// followed, for <see cref="ReachEdgeCache"/>, or null when a member has no documentation ID (a local function).
        /// </summary>
        private BodyEdges? Follow(ReachPath path, IOperation body)
        {
            if (path.Depth >= maxDepth)
            {
                return null;
            }

            var sites = new List<(IMethodSymbol Target, IOperation Site)>();
            var services = new List<(ITypeSymbol Service, IOperation Site)>();
            CallTargets(body, sites, services);
            sites.Sort(static (x, y) => x.Site.Syntax.SpanStart.CompareTo(y.Site.Syntax.SpanStart));
            var calls = ImmutableArray.CreateBuilder<(string, Microsoft.CodeAnalysis.Text.TextSpan)>(sites.Count);
            var resolved = ImmutableArray.CreateBuilder<(string, Microsoft.CodeAnalysis.Text.TextSpan)>(services.Count);
            var cacheable = true;
            foreach (var (target, site) in sites)
            {
                Reach(path, target, site.Syntax.GetLocation());
                if (cacheable && IdOf(target.OriginalDefinition) is { } id)
                {
                    calls.Add((id, site.Syntax.Span));
                }
                else
                {
                    cacheable = false;
                }
            }

            foreach (var (service, site) in services)
            {
                Resolve(path, service, site.Syntax.GetLocation());
                if (cacheable && IdOf(service.OriginalDefinition) is { } id)
                {
                    resolved.Add((id, site.Syntax.Span));
                }
                else
                {
                    cacheable = false;
                }
            }

            return cacheable ? new BodyEdges(calls.ToImmutable(), resolved.ToImmutable()) : null;
        }

        /// <summary>
        /// A documentation ID that names the member again in the next compilation, or null: for a local function, a
        /// lambda, a member of an anonymous type, a type parameter or an array (which have none, or one that resolves to
        /// nothing), the body is not cached.
        /// </summary>
        private static string? IdOf(ISymbol symbol)
        {
            var named = symbol switch
            {
                IMethodSymbol { MethodKind: not (MethodKind.LocalFunction or MethodKind.AnonymousFunction) } method => method.ContainingType,
                INamedTypeSymbol type => type,
                _ => null,
            };
            for (var type = named; type is not null; type = type.ContainingType)
            {
                if (type.IsAnonymousType || type.TypeKind is TypeKind.Error or TypeKind.Submission)
                {
                    return null;
                }
            }

            if (named is null)
            {
                return null;
            }

            try
            {
                return DocumentationCommentId.CreateDeclarationId(symbol) is { Length: > 0 } id ? id : null;
            }
            catch (InvalidOperationException)
            {
                // A signature the ID generator does not write (a function pointer, ...): the body is bound each time.
                return null;
            }
        }

        private void Reach(ReachPath caller, IMethodSymbol target, Location? site)
        {
            var method = target.OriginalDefinition;
            if (_excluded.Contains(method) || !IsInSource(method) || IsGenerated(method) || IsInit(method))
            {
                return;
            }

            var callerKey = caller.Depth == 0 ? caller.Method : caller.Method.OriginalDefinition;
            if (!_callees.TryGetValue(callerKey, out var callees))
            {
                _callees[callerKey] = callees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            }

            callees.Add(method);
            if (site is not null)
            {
                if (!_callSites.TryGetValue(method, out var sites))
                {
                    _callSites[method] = sites = new List<(ReachPath, Location)>();
                }

                sites.Add((caller, site));
            }

            if (_methods.ContainsKey(method))
            {
                return;
            }

            var path = new ReachPath(method, caller.Entry, caller, site);
            _methods[method] = path;
            if (method.MethodKind == MethodKind.Constructor)
            {
                ReachCreatedType(path);
            }

            _pending.Enqueue((path, null, null));
        }

        /// <summary>
        /// A constructor runs the instance field and property initializers of its type (an implicit one has nothing
        /// else) and the base constructor it chains to.
        /// </summary>
        private void ReachCreatedType(ReachPath constructor)
        {
            var type = constructor.Method.ContainingType.OriginalDefinition;
            if (_createdTypes.ContainsKey(type))
            {
                return;
            }

            _createdTypes[type] = constructor;
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member is not (IFieldSymbol or IPropertySymbol))
                {
                    continue;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(cancellationToken);
                    EqualsValueClauseSyntax? initializer = syntax switch
                    {
                        VariableDeclaratorSyntax declarator => declarator.Initializer,
                        PropertyDeclarationSyntax property => property.Initializer,
                        _ => null,
                    };
                    if (initializer is not null)
                    {
                        _pending.Enqueue((constructor, null, initializer));
                    }
                }
            }

            if (constructor.Method.IsImplicitlyDeclared && type.BaseType is { } baseType)
            {
                foreach (var baseConstructor in baseType.InstanceConstructors)
                {
                    if (baseConstructor.Parameters.IsEmpty && constructor.Depth < maxDepth)
                    {
                        Reach(constructor, baseConstructor, constructor.CallSite);
                    }
                }
            }
        }

        /// <summary>The bound bodies of a method of this compilation (both parts of a partial method count once).</summary>
        private IEnumerable<IOperation> Bodies(IMethodSymbol method)
        {
            foreach (var bodySyntax in BodySyntaxes(method))
            {
                if (Bind(bodySyntax) is { } body)
                {
                    yield return body;
                }
            }
        }

        /// <summary>The body syntax of a method of this compilation that may call into it (both parts of a partial method count once).</summary>
        private IEnumerable<SyntaxNode> BodySyntaxes(IMethodSymbol method)
        {
            var declared = method.PartialImplementationPart ?? method;
            foreach (var reference in declared.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                SyntaxNode? bodySyntax = syntax switch
                {
                    BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null } => syntax,
                    AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } => syntax,
                    ArrowExpressionClauseSyntax => syntax,
                    CompilationUnitSyntax => syntax,
                    _ => null,
                };
                if (bodySyntax is not null
                    && !GeneratedCode.IsGenerated(bodySyntax.SyntaxTree)
                    && (MayCallTheProject(bodySyntax) || (method.MethodKind == MethodKind.Constructor && MayChainToTheProject(method, bodySyntax))))
                {
                    yield return bodySyntax;
                }
            }
        }

        /// <summary>
        /// Whether code may call into the project, from its text alone: it names a type or member declared in the project
        /// (or creates an object with <c>new()</c>, or indexes, when the project declares indexers, or uses an operator,
        /// when it declares operators or conversions). Code that names none of them calls only referenced assemblies, and
        /// is not bound.
        /// </summary>
        private bool MayCallTheProject(SyntaxNode syntax)
        {
            var names = ProjectNames();
            foreach (var node in TreeWalk.DescendantNodes(syntax, static _ => true))
            {
                switch (node)
                {
                    case SimpleNameSyntax name when names.Contains(name.Identifier.ValueText):
                    case ImplicitObjectCreationExpressionSyntax:
                    case ElementAccessExpressionSyntax or ElementBindingExpressionSyntax when _projectHasIndexers:
                        return true;
                    case BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax
                        or CastExpressionSyntax or ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax when _projectHasOperators:
                        return true;
                }
            }

            return false;
        }

        /// <summary>A constructor with an initializer, or whose base class the project declares (its implicit <c>base()</c>).</summary>
        private bool MayChainToTheProject(IMethodSymbol constructor, SyntaxNode syntax) =>
            syntax is ConstructorDeclarationSyntax { Initializer: not null }
            || (constructor.ContainingType.BaseType is { } baseType && IsInSource(baseType));

        /// <summary>The names of the project's types and their members, from each tree's declarations (<see cref="DeclaredNames"/>).</summary>
        private HashSet<string> ProjectNames()
        {
            if (_projectNames is not null)
            {
                return _projectNames;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var declared = DeclaredNames.Of(tree);
                foreach (var name in declared.Names)
                {
                    names.Add(name);
                }

                _projectHasIndexers |= declared.HasIndexers;
                _projectHasOperators |= declared.HasOperators;
            }

            return _projectNames = names;
        }

        private IOperation? Bind(SyntaxNode syntax) =>
            TakeBudget() ? ModelOf(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) : null;

        /// <summary>
        /// Counts a body against <see cref="MaxBoundMethods"/>, whether it is bound or read from the cache, so that what
        /// is reached does not depend on what an earlier compilation left there.
        /// </summary>
        private bool TakeBudget()
        {
            if (_bound >= MaxBoundMethods)
            {
                _stopped = true;
                return false;
            }

            _bound++;
            return true;
        }

        private ulong Fingerprint => _fingerprint ??= DeclarationFingerprint.Of(compilation, cancellationToken);

        private SemanticModel? ModelOf(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.IsEmpty ? null : ModelOf(method.DeclaringSyntaxReferences[0].SyntaxTree);

        private SemanticModel ModelOf(SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
#pragma warning disable RS1030 // The index binds the bodies a handler reaches before the driver hands them over, as interprocedural analyses do; the driver's semantic model provider shares these models with the compiler.
                _models[tree] = model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            }

            return model;
        }

        private ServiceRegistrations Registrations =>
            _registrations ??= ServiceRegistrations.Find(compilation, ModelOf, cancellationToken);

        /// <summary>
        /// An Amazon.Lambda.Annotations function's <c>[FromServices]</c> parameters: Annotations creates a scope per
        /// invocation and resolves them in it.
        /// </summary>
        private void ResolveFromServices(ReachPath entry)
        {
            if (_fromServices is null)
            {
                return;
            }

            foreach (var parameter in entry.Method.Parameters)
            {
                foreach (var attribute in parameter.GetAttributes())
                {
                    if (attribute.AttributeClass.IsType(_fromServices))
                    {
                        Resolve(entry, parameter.Type, parameter.Locations.IsEmpty ? null : parameter.Locations[0]);
                    }
                }
            }
        }

        /// <summary>
        /// A service resolved per invocation: a transient or scoped registration of a class of this compilation is
        /// constructed (one call), and so are its transient or scoped constructor dependencies; singletons are made
        /// once.
        /// </summary>
        private void Resolve(ReachPath caller, ITypeSymbol service, Location? site)
        {
            if (caller.Depth >= maxDepth)
            {
                return;
            }

            foreach (var registration in Registrations.Get(service))
            {
                if (registration.Lifetime != ServiceLifetime.Singleton && registration.Factory is { } factory)
                {
                    ReachFactory(caller, factory, site);
                    continue;
                }

                if (registration.Lifetime == ServiceLifetime.Singleton
                    || registration.Implementation is not { TypeKind: TypeKind.Class, IsAbstract: false } implementation
                    || !IsInSource(implementation)
                    || Constructed(implementation) is not { } constructor)
                {
                    continue;
                }

                var known = _methods.ContainsKey(constructor.OriginalDefinition);
                Reach(caller, constructor, site);
                if (!known && _methods.TryGetValue(constructor.OriginalDefinition, out var path))
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        Resolve(path, parameter.Type, site);
                    }
                }
            }
        }

        /// <summary>
        /// The factory lambda of a transient or scoped registration runs for each instance the container makes: its body
        /// is reached (one call from the resolution), and what it calls is followed.
        /// </summary>
        private void ReachFactory(ReachPath caller, IAnonymousFunctionOperation factory, Location? site)
        {
            if (caller.Depth >= maxDepth || _factories.ContainsKey(factory.Syntax) || GeneratedCode.IsGenerated(factory.Syntax.SyntaxTree))
            {
                return;
            }

            var path = new ReachPath(factory.Symbol, caller.Entry, caller, site);
            _factories[factory.Syntax] = path;
            _pending.Enqueue((path, factory.Body, null));
        }

        /// <summary>The constructor the container calls: the public one with the most parameters.</summary>
        private static IMethodSymbol? Constructed(INamedTypeSymbol type)
        {
            IMethodSymbol? chosen = null;
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility == Accessibility.Public && (chosen is null || constructor.Parameters.Length > chosen.Parameters.Length))
                {
                    chosen = constructor;
                }
            }

            return chosen;
        }

        /// <summary>The service a call resolves: <c>GetService&lt;T&gt;()</c>, <c>GetRequiredService&lt;T&gt;()</c>, <c>GetService(typeof(T))</c>.</summary>
        private ITypeSymbol? ResolvedService(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("GetService" or "GetRequiredService"))
            {
                return null;
            }

            if (method.ContainingType.IsType(_serviceProviderExtensions))
            {
                if (method.TypeArguments.Length == 1)
                {
                    return method.TypeArguments[0];
                }
            }
            else if (!method.ContainingType.IsType(_serviceProvider) && !ImplementsServiceProvider(method.ContainingType))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (Wrappers.ConversionsAndParentheses(argument.Value) is ITypeOfOperation { TypeOperand: var operand })
                {
                    return operand;
                }
            }

            return null;
        }

        private bool ImplementsServiceProvider(INamedTypeSymbol? type)
        {
            if (type is null || _serviceProvider is null)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (@interface.IsType(_serviceProvider))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The calls of a body to follow, with the operation that makes each.</summary>
        private void CallTargets(IOperation body, List<(IMethodSymbol Target, IOperation Site)> sites, List<(ITypeSymbol Service, IOperation Site)> services)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IAnonymousFunctionOperation lambda && IsNotFollowed(lambda))
                {
                    continue;
                }

                foreach (var child in TreeWalk.Children(operation))
                {
                    pending.Push(child);
                }

                switch (operation)
                {
                    case IInvocationOperation invocation when !invocation.IsImplicit || invocation.TargetMethod.MethodKind == MethodKind.Constructor:
                        // The target first: most calls go to referenced assemblies, and the guard test walks up the tree.
                        if (ResolvedService(invocation) is { } service && !IsGuarded(invocation))
                        {
                            services.Add((service, invocation));
                        }

                        if (IsInSource(invocation.TargetMethod) || invocation.TargetMethod.IsVirtual || invocation.TargetMethod.IsAbstract
                            || invocation.TargetMethod.ContainingType?.TypeKind == TypeKind.Interface)
                        {
                            var targets = Dispatch(invocation.TargetMethod, invocation.Instance);
                            if (targets.Count > 0 && !IsGuarded(invocation))
                            {
                                foreach (var target in targets)
                                {
                                    sites.Add((target, invocation));
                                }
                            }
                        }

                        break;

                    case IObjectCreationOperation { Constructor: { } constructor } creation when IsInSource(constructor) && !IsGuarded(creation):
                        sites.Add((constructor, creation));
                        break;

                    case IPropertyReferenceOperation reference when IsInSource(reference.Property) && !IsGuarded(reference):
                        foreach (var accessor in Accessors(reference))
                        {
                            foreach (var target in Dispatch(accessor, reference.Instance))
                            {
                                sites.Add((target, reference));
                            }
                        }

                        break;

                    case IEventAssignmentOperation { EventReference: IEventReferenceOperation { Event: var @event } } assignment:
                        if ((assignment.Adds ? @event.AddMethod : @event.RemoveMethod) is { } eventAccessor)
                        {
                            sites.Add((eventAccessor, assignment));
                        }

                        break;

                    case IMethodReferenceOperation { Parent: IDelegateCreationOperation creation } reference
                        when reference.Method.MethodKind == MethodKind.Ordinary && IsCalledPerInvocation(creation):
                        foreach (var target in Dispatch(reference.Method, reference.Instance))
                        {
                            sites.Add((target, reference));
                        }

                        break;

                    case IBinaryOperation { OperatorMethod: { } binary }:
                        sites.Add((binary, operation));
                        break;

                    case IUnaryOperation { OperatorMethod: { } unary }:
                        sites.Add((unary, operation));
                        break;

                    case IIncrementOrDecrementOperation { OperatorMethod: { } increment }:
                        sites.Add((increment, operation));
                        break;

                    case ICompoundAssignmentOperation { OperatorMethod: { } compound }:
                        sites.Add((compound, operation));
                        break;

                    case IConversionOperation { OperatorMethod: { } conversion }:
                        sites.Add((conversion, operation));
                        break;
                }
            }
        }

        private static IEnumerable<IMethodSymbol> Accessors(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            var assigned = reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
            var compound = reference.Parent is ICompoundAssignmentOperation or ICoalesceAssignmentOperation;
            if ((!assigned || compound) && property.GetMethod is { } getter)
            {
                yield return getter;
            }

            if (assigned && property.SetMethod is { } setter)
            {
                yield return setter;
            }
        }

        /// <summary>A call that only runs while a long-lived member is still empty, or in a <c>Lazy&lt;T&gt;</c> factory.</summary>
        private bool IsGuarded(IOperation operation) => once.IsGuardedOnce(operation);

        /// <summary>A lambda whose body runs once or outside the invocation: a factory of a lazy value or a cache, a SnapStart callback, a delegate kept in a member.</summary>
        private bool IsNotFollowed(IAnonymousFunctionOperation lambda) =>
            SnapStartCallbacks.IsCallback(lambda, symbols) || !IsCalledPerInvocation(lambda);

        /// <summary>
        /// Whether a delegate made in per-invocation code is taken to run per invocation: not when it is the factory of
        /// a <c>Lazy&lt;T&gt;</c>, <c>LazyInitializer</c> or a cache (<c>GetOrAdd</c>, ...), a SnapStart registration,
        /// or stored in a field or property.
        /// </summary>
        private bool IsCalledPerInvocation(IOperation function)
        {
            var current = function;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } }:
                    return !constructor.ContainingType.OriginalDefinition.IsType(_lazy);
                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    var target = invocation.TargetMethod;
                    return !target.ContainingType.IsType(_lazyInitializer)
                        && Array.IndexOf(s_cacheFactoryMethods, target.Name) < 0
                        && !symbols.SnapshotRegistrations.Contains(target.OriginalDefinition);
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return assignment.Target is not (IFieldReferenceOperation or IPropertyReferenceOperation);
                case IVariableInitializerOperation { Parent: IFieldInitializerOperation or IPropertyInitializerOperation }:
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>
        /// The methods a call may run: the target itself when it is not virtual; for a virtual, abstract or interface
        /// member first declared in this compilation, its one implementation when the receiver's type is known exactly,
        /// else the overrides and implementations in this compilation's types that derive from the receiver's type, when
        /// there are at most <see cref="MaxDispatchCandidates"/>. Members first declared in a referenced assembly
        /// (<c>object.ToString</c>, <c>IDisposable.Dispose</c>, ...) are never dispatched.
        /// </summary>
        private IReadOnlyCollection<IMethodSymbol> Dispatch(IMethodSymbol target, IOperation? receiver)
        {
            var isInterfaceMember = target.ContainingType?.TypeKind == TypeKind.Interface;
            if (!isInterfaceMember && !target.IsVirtual && !target.IsAbstract && !target.IsOverride)
            {
                return [target];
            }

            var root = target;
            while (root.OverriddenMethod is { } overridden)
            {
                root = overridden;
            }

            if (!IsInSource(root) || target.IsStatic)
            {
                return isInterfaceMember || target.IsAbstract ? [] : [target];
            }

            var exact = receiver switch
            {
                IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
                IInstanceReferenceOperation self when self.Type is INamedTypeSymbol { IsSealed: true } sealedType => sealedType,
                _ => null,
            };
            if (exact is not null)
            {
                return Implementation(exact, target) is { } known ? [known] : [];
            }

            var declaring = (receiver?.Type as INamedTypeSymbol ?? target.ContainingType!).OriginalDefinition;
            var key = (target.OriginalDefinition, declaring);
            if (!_dispatched.TryGetValue(key, out var found))
            {
                _dispatched[key] = found = Candidates(target, declaring, isInterfaceMember);
            }

            return found;
        }

        private IMethodSymbol[] Candidates(IMethodSymbol target, INamedTypeSymbol declaring, bool isInterfaceMember)
        {
            var candidates = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!target.IsAbstract && !isInterfaceMember)
            {
                candidates.Add(target.OriginalDefinition);
            }

            // With registrations of the interface in this compilation, the container gives only those (a fake kept for
            // the tests is no candidate).
            var registered = declaring.TypeKind == TypeKind.Interface ? Registrations.Get(declaring) : Array.Empty<ServiceRegistration>();
            foreach (var type in DerivedTypes(declaring))
            {
                if (type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
                    || (registered.Count > 0 && !IsRegistered(registered, type)))
                {
                    continue;
                }

                if (Implementation(type, target) is { } implementation)
                {
                    candidates.Add(implementation.OriginalDefinition);
                    if (candidates.Count > MaxDispatchCandidates)
                    {
                        return [];
                    }
                }
            }

            return [.. candidates];
        }

        /// <summary>The types of this compilation that derive from or implement a type (by definition), indexed once.</summary>
        private List<INamedTypeSymbol> DerivedTypes(INamedTypeSymbol declaring)
        {
            if (_derived is null)
            {
                _derived = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach (var type in SourceTypes())
                {
                    for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                    {
                        AddDerived(current.OriginalDefinition, type);
                    }

                    foreach (var @interface in type.AllInterfaces)
                    {
                        AddDerived(@interface.OriginalDefinition, type);
                    }
                }
            }

            return _derived.TryGetValue(declaring, out var derived) ? derived : s_noTypes;
        }

        private void AddDerived(INamedTypeSymbol baseType, INamedTypeSymbol type)
        {
            if (!_derived!.TryGetValue(baseType, out var list))
            {
                _derived[baseType] = list = new List<INamedTypeSymbol>();
            }

            list.Add(type);
        }

        private static bool IsRegistered(IReadOnlyList<ServiceRegistration> registrations, INamedTypeSymbol type)
        {
            foreach (var registration in registrations)
            {
                if (SymbolEqualityComparer.Default.Equals(registration.Implementation, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol target)
        {
            if (target.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, target.ContainingType.OriginalDefinition))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(target.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, target.OriginalDefinition)
                            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                        {
                            return implementation;
                        }
                    }
                }

                return null;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(target.Name))
                {
                    if (member is IMethodSymbol { IsAbstract: false } method && Overrides(method, target))
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static bool Overrides(IMethodSymbol method, IMethodSymbol target)
        {
            for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class DispatchKeyComparer : IEqualityComparer<(IMethodSymbol Method, INamedTypeSymbol Type)>
        {
            public static DispatchKeyComparer Instance { get; } = new();

            public bool Equals((IMethodSymbol Method, INamedTypeSymbol Type) x, (IMethodSymbol Method, INamedTypeSymbol Type) y) =>
                SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

            public int GetHashCode((IMethodSymbol Method, INamedTypeSymbol Type) key) =>
                (SymbolEqualityComparer.Default.GetHashCode(key.Method) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(key.Type);
        }

        /// <summary>Every type declared in this compilation, nested types included.</summary>
        private ImmutableArray<INamedTypeSymbol> SourceTypes() => Lambda.SourceTypes.Of(compilation);

        /// <summary>Each reached method keeps every entry that reaches it: the entries of its callers, to a fixed point.</summary>
        private void PropagateEntries()
        {
            var entries = new Dictionary<IMethodSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
            var work = new Queue<IMethodSymbol>();
            foreach (var entry in _entries)
            {
                if (!entries.TryGetValue(entry.Method, out var own))
                {
                    entries[entry.Method] = own = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                }

                own.Add(entry.Entry);
                work.Enqueue(entry.Method);
            }

            while (work.Count > 0)
            {
                var method = work.Dequeue();
                if (!_callees.TryGetValue(method, out var callees) || !entries.TryGetValue(method, out var from))
                {
                    continue;
                }

                foreach (var callee in callees)
                {
                    if (!entries.TryGetValue(callee, out var to))
                    {
                        entries[callee] = to = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                    }

                    var before = to.Count;
                    to.UnionWith(from);
                    if (to.Count != before)
                    {
                        work.Enqueue(callee);
                    }
                }
            }

            foreach (var pair in _methods)
            {
                if (pair.Value.Depth > 0 && entries.TryGetValue(pair.Key, out var set) && set.Count > 1)
                {
                    var ordered = ImmutableArray.CreateBuilder<IMethodSymbol>(set.Count);
                    ordered.Add(pair.Value.Entry);
                    var others = new List<IMethodSymbol>(set.Count);
                    foreach (var entry in set)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(entry, pair.Value.Entry))
                        {
                            others.Add(entry);
                        }
                    }

                    // In a stable order: the set's own order follows the symbols' hash codes.
                    others.Sort(static (x, y) =>
                    {
                        var byName = string.CompareOrdinal(x.ToDisplayString(), y.ToDisplayString());
                        return byName != 0 ? byName : Position(x).CompareTo(Position(y));
                    });
                    ordered.AddRange(others);

                    pair.Value.SetEntries(ordered.MoveToImmutable());
                }
            }
        }

        private bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource && compilation.ContainsSyntaxTree(location.SourceTree!))
                {
                    return true;
                }
            }

            // An implicit constructor has no location of its own: its type's.
            return symbol is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } constructor && IsInSource(constructor.ContainingType);
        }

        private static bool IsGenerated(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (!GeneratedCode.IsGenerated(reference.SyntaxTree))
                {
                    return false;
                }
            }

            return !method.DeclaringSyntaxReferences.IsEmpty;
        }

        private static int Position(ISymbol symbol) => symbol.Locations.IsEmpty ? 0 : symbol.Locations[0].SourceSpan.Start;
    }
}
