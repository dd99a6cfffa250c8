using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The Lambda view of one compilation, shared by every rule: known symbols, handler discovery, which code runs per
/// invocation and which instances the runtime reuses. Built once per compilation; absent when the compilation does
/// not reference Amazon.Lambda.Core.
/// </summary>
internal sealed class LambdaModel
{
    private static readonly ConditionalWeakTable<Compilation, LambdaModel?> s_models = new();

    private readonly ConcurrentDictionary<SyntaxTree, RegistrationSites> _registrationSites = new();
    private readonly RecentScopes _scopes = new();
    private readonly Lazy<TaskMembers?> _taskMembers;

    private LambdaModel(Compilation compilation, LambdaSymbols symbols)
    {
        Compilation = compilation;
        Symbols = symbols;
        Clients = new ClientCatalog(compilation);
        OneTimeInitialization = new OneTimeInitialization(compilation);
        Async = new AsyncSymbols(compilation);
        _taskMembers = new Lazy<TaskMembers?>(() => TaskMembers.TryCreate(Async), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    public LambdaSymbols Symbols { get; }

    /// <summary>The client types and factories that should be created once per execution environment.</summary>
    public ClientCatalog Clients { get; }

    /// <summary>Tasks, task-like types and the APIs that start background work.</summary>
    public AsyncSymbols Async { get; }

    /// <summary>What the members of the task types mean (waits, combinators, completed tasks); null without <c>Task</c>.</summary>
    public TaskMembers? TaskMembers => _taskMembers.Value;

    /// <summary>Recognizes values stored once and reused (<c>??=</c>, null-guarded assignment, <c>Lazy&lt;T&gt;</c>, ...).</summary>
    public OneTimeInitialization OneTimeInitialization { get; }

    /// <summary>The model of a compilation, or null when Amazon.Lambda.Core is not referenced.</summary>
    public static LambdaModel? TryGet(Compilation compilation) =>
        s_models.GetValue(compilation, static c => LambdaSymbols.TryCreate(c) is { } symbols ? new LambdaModel(c, symbols) : null);

    /// <summary>The per-invocation code of an operation block, or null when the block holds none.</summary>
#pragma warning disable RS1012 // The rule registers its actions after asking for the scope.
    public InvocationScope? GetInvocationScope(OperationBlockStartAnalysisContext context) =>
        GetInvocationScope(context.OwningSymbol, context.OperationBlocks, context.CancellationToken);
#pragma warning restore RS1012

    public InvocationScope? GetInvocationScope(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (blocks.IsEmpty)
        {
            return null;
        }

        // Every rule asks for the same blocks, one after the other; compute once.
        if (_scopes.TryGet(blocks[0], out var scope))
        {
            return scope;
        }

        scope = ComputeScope(owningSymbol, blocks, cancellationToken);
        _scopes.Add(blocks[0], scope);
        return scope;
    }

    /// <summary>Whether a method is a handler: by signature, by attribute, or registered with a bootstrap as a method group.</summary>
    public bool IsHandlerMethod(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        if (HandlerDiscovery.IsHandlerBySignature(method, Symbols))
        {
            return true;
        }

        if (method.MethodKind != MethodKind.Ordinary || Symbols.BootstrapRegistrations.IsEmpty || semanticModel is null)
        {
            return false;
        }

        var tree = semanticModel.SyntaxTree;
        if (!_registrationSites.TryGetValue(tree, out var sites))
        {
            sites = _registrationSites.GetOrAdd(tree, RegistrationSites.Find(tree, cancellationToken));
        }

        return sites.IsMethodGroupHandler(method, semanticModel, Symbols, cancellationToken);
    }

    /// <summary>
    /// Whether the runtime creates one instance of this type per execution environment and invokes it many times: a
    /// concrete, non-generic class or struct with a public parameterless constructor and an instance handler, or the
    /// class of a <c>[LambdaFunction]</c> method. A class without a public parameterless constructor whose methods take
    /// an ILambdaContext is a per-invocation helper.
    /// </summary>
    public bool IsReusedHandlerInstance(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.IsGenericType || type.IsStatic || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        var isAnnotationsClass = false;
        var hasInstanceHandler = false;
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method
                || !HandlerDiscovery.IsHandlerBySignature(method, Symbols))
            {
                continue;
            }

            hasInstanceHandler = true;
            isAnnotationsClass |= HandlerDiscovery.IsLambdaFunction(method, Symbols);
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

    private InvocationScope? ComputeScope(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (owningSymbol is IMethodSymbol method && IsHandlerMethod(method, blocks[0].SemanticModel, cancellationToken))
        {
            return InvocationScope.ForHandler(blocks, method);
        }

        return InvocationScope.ForNestedHandlers(blocks, Symbols);
    }
}
