using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The Lambda view of one compilation, shared by every rule: known symbols, the handler catalog, and which code runs
/// per invocation (the regions its sources find). Built from the compilation start context, once per compilation and
/// analyzer options (whose additional files entry sources may read); absent when the compilation does not reference
/// Amazon.Lambda.Core.
/// </summary>
internal sealed class LambdaModel
{
    private static readonly ConditionalWeakTable<Compilation, ModelsOfCompilation> s_models = new();

    /// <summary>The regions of the block in progress on this thread: most blocks have none, and allocate nothing.</summary>
    [System.ThreadStatic]
    private static List<Region>? t_regions;

    private readonly RecentScopes _scopes = new();
    private readonly ImmutableArray<IRegionSource> _regionSources;
    private readonly Lazy<TaskMembers?> _taskMembers;
    private readonly Lazy<FunctionLimitsCatalog> _limits;
    [ThreadStatic]
    private static bool t_buildingReach;

    private readonly object _reachLock = new();
    private ReachIndex? _reach;
    private ReachedArguments? _reachedArguments;

    private LambdaModel(ModelInputs inputs, LambdaSymbols symbols)
    {
        var compilation = inputs.Compilation;
        Compilation = compilation;
        Options = inputs.Options;
        Types = KnownTypes.Get(compilation);
        Symbols = symbols;
        Build = new BuildTarget(LambdaOptions.TargetFramework(inputs.Options));
        Handlers = new HandlerCatalog(compilation, symbols, HandlerStringEntrySource.Create(inputs, Build).AddRange(ModelSources.ExtraEntries(inputs)));
        _regionSources = ImmutableArray.Create<IRegionSource>(new HandlerBodyRegionSource(symbols), new NestedHandlerRegionSource(compilation, symbols))
            .AddRange(ModelSources.ExtraRegions(inputs))
            .Add(new ReachRegionSource(this, inputs.Options));
        Clients = new ClientCatalog(compilation);
        HttpClientChanges = new SharedHttpClientChanges(compilation);
        OneTimeInitialization = new OneTimeInitialization(compilation);
        State = new LongLivedState(compilation, Handlers, type => GetReach(CancellationToken.None).GetCreatedType(type) is not null);
        Async = new AsyncSymbols(compilation);
        Callability = new HandlerCallability(compilation, Types, symbols, Async);
        _taskMembers = new Lazy<TaskMembers?>(() => TaskMembers.TryCreate(Async), LazyThreadSafetyMode.ExecutionAndPublication);
        _limits = new Lazy<FunctionLimitsCatalog>(() => FunctionLimitsCatalog.Create(inputs, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    /// <summary>The options the model was built with, and their additional files.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>Every type the package knows by name, looked up once for this compilation.</summary>
    public KnownTypes Types { get; }

    public LambdaSymbols Symbols { get; }

    /// <summary>The framework this build targets, and which functions of the deployment files it is deployed as.</summary>
    public BuildTarget Build { get; }

    /// <summary>The handlers over every entry source, the instances the runtime reuses, and test code.</summary>
    public HandlerCatalog Handlers { get; }

    /// <summary>The client types and factories that should be created once per execution environment.</summary>
    public ClientCatalog Clients { get; }

    /// <summary>Changes of an <c>HttpClient</c>'s headers and settings.</summary>
    public SharedHttpClientChanges HttpClientChanges { get; }

    /// <summary>Tasks, task-like types and the APIs that start background work.</summary>
    public AsyncSymbols Async { get; }

    /// <summary>Whether the class-library runtime can call a handler method: its shape, its object, its serializer.</summary>
    public HandlerCallability Callability { get; }

    /// <summary>
    /// The deployed functions each entry runs in, with their timeout, memory and ephemeral storage, from the deployment
    /// files and <c>[LambdaFunction]</c> attributes; read when a rule first asks.
    /// </summary>
    public FunctionLimitsCatalog Limits => _limits.Value;

    /// <summary>What the members of the task types mean (waits, combinators, completed tasks); null without <c>Task</c>.</summary>
    public TaskMembers? TaskMembers => _taskMembers.Value;

    /// <summary>Recognizes values stored once and reused (<c>??=</c>, null-guarded assignment, <c>Lazy&lt;T&gt;</c>, ...).</summary>
    public OneTimeInitialization OneTimeInitialization { get; }

    /// <summary>What outlives an invocation: statics, members of reused instances, and the collections held there.</summary>
    public LongLivedState State { get; }

    /// <summary>
    /// The code handlers reach through calls, computed once, on the first question (a cancelled computation is not
    /// kept, and the next question starts it again).
    /// </summary>
    public ReachIndex GetReach(CancellationToken cancellationToken)
    {
        var reach = Volatile.Read(ref _reach);
        if (reach is not null)
        {
            return reach;
        }

        // A question asked while this thread builds the index (nothing the build calls asks today) gets no reach rather
        // than building it again inside itself.
        if (t_buildingReach)
        {
            return ReachIndex.Empty;
        }

        lock (_reachLock)
        {
            if (_reach is not null)
            {
                return _reach;
            }

            t_buildingReach = true;
            try
            {
                return _reach = ReachIndex.Build(Compilation, Options, Handlers, Symbols, OneTimeInitialization, cancellationToken);
            }
            finally
            {
                t_buildingReach = false;
            }
        }
    }

    /// <summary>Whether a parameter of a reached method is given invocation data by some per-invocation call (<see cref="ReachedArguments"/>).</summary>
    public bool ReachedParameterCarriesInvocationData(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var arguments = GetReachedArguments(cancellationToken);
        lock (arguments)
        {
            return arguments.CarriesInvocationData(parameter, cancellationToken);
        }
    }

    /// <summary>Whether some per-invocation call of a reached method passes, for a task parameter, a task its caller has not awaited.</summary>
    public bool ReachedParameterGetsUnawaitedTask(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (TaskMembers is not { } members)
        {
            return false;
        }

        var arguments = GetReachedArguments(cancellationToken);
        lock (arguments)
        {
            return arguments.PassesUnawaitedTask(parameter, members, cancellationToken);
        }
    }

    /// <summary>Whether some per-invocation call runs a reached instance method on a static or the reused handler instance (<see cref="ReachedArguments"/>).</summary>
    public bool ReachedOnALongLivedReceiver(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var arguments = GetReachedArguments(cancellationToken);
        lock (arguments)
        {
            return arguments.IsCalledOnALongLivedReceiver(method, State, cancellationToken);
        }
    }

    private ReachedArguments GetReachedArguments(CancellationToken cancellationToken)
    {
        var arguments = Volatile.Read(ref _reachedArguments);
        if (arguments is null)
        {
            var created = new ReachedArguments(Compilation, GetReach(cancellationToken));
            arguments = Interlocked.CompareExchange(ref _reachedArguments, created, null) ?? created;
        }

        return arguments;
    }

    /// <summary>The model of the analysis a compilation start action belongs to, or null without Amazon.Lambda.Core.</summary>
#pragma warning disable RS1012 // The rule registers its actions after asking for the model.
    public static LambdaModel? TryGet(CompilationStartAnalysisContext context) => TryGet(context.Compilation, context.Options);
#pragma warning restore RS1012

    /// <summary>The model of a compilation under some analyzer options, or null when Amazon.Lambda.Core is not referenced.</summary>
    public static LambdaModel? TryGet(Compilation compilation, AnalyzerOptions options) =>
        s_models.GetValue(compilation, static c => new ModelsOfCompilation(c)).Get(options);

    /// <summary>The per-invocation code of an operation block, or null when the block holds none.</summary>
#pragma warning disable RS1012 // The rule registers its actions after asking for the scope.
    public InvocationScope? GetInvocationScope(OperationBlockStartAnalysisContext context, string ruleId) =>
        ForRule(GetInvocationScope(context.OwningSymbol, context.OperationBlocks, context.CancellationToken), context.OperationBlocks, ruleId);
#pragma warning restore RS1012

    /// <summary>
    /// The per-invocation code of an operation block as one rule sees it, or null when the block holds none: the code a
    /// handler reaches through calls counts only for a rule whose reach policy (<see cref="ReachPolicy"/>) says so, and
    /// which the block's file does not turn off (<c>lambda_analyzers.LMBxxxx.reach = false</c>).
    /// </summary>
    public InvocationScope? GetInvocationScope(OperationBlockAnalysisContext context, string ruleId) =>
        ForRule(GetInvocationScope(context.OwningSymbol, context.OperationBlocks, context.CancellationToken), context.OperationBlocks, ruleId);

    private InvocationScope? ForRule(InvocationScope? scope, ImmutableArray<IOperation> blocks, string ruleId)
    {
        if (scope is not { HasReachedRegions: true })
        {
            return scope;
        }

        return ReachPolicy.ReportsInReachedCode(ruleId)
            && LambdaOptions.RuleReaches(Options.AnalyzerConfigOptionsProvider.GetOptions(blocks[0].Syntax.SyntaxTree), ruleId)
                ? scope
                : scope.WithoutReachedRegions();
    }

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

    /// <summary>
    /// The region around an operation, for a rule that registers an operation action rather than a block action (LMB0006
    /// asks this for the rare write it may report); null for init code. The scope of the operation's block is the one
    /// the block actions share when they have computed it, and is computed, not kept, otherwise.
    /// </summary>
    public Region? GetRegion(IOperation operation, ISymbol owningSymbol, CancellationToken cancellationToken)
    {
        var block = operation;
        while (block.Parent is { } parent)
        {
            block = parent;
        }

        var scope = _scopes.TryGet(block, out var shared) ? shared : ComputeScope(owningSymbol, ImmutableArray.Create(block), cancellationToken);
        return scope?.GetRegion(operation);
    }

    private InvocationScope? ComputeScope(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var request = new RegionRequest(owningSymbol, blocks, Handlers, cancellationToken);
        var regions = t_regions ??= new List<Region>();
        regions.Clear();
        foreach (var source in _regionSources)
        {
            source.AddRegions(request, regions);
        }

        // A test method, with the lambdas and local functions inside it, never runs per invocation.
        if (regions.Count == 0 || (owningSymbol is IMethodSymbol method && Handlers.Tests.IsTestMethod(method)))
        {
            return null;
        }

        var found = regions.ToImmutableArray();
        regions.Clear();
        // Not the token of this request: the scope is shared by every rule that asks about these blocks.
        return new InvocationScope(
            blocks,
            found,
            Symbols,
            request.GatheredLocals,
            parameter => ReachedParameterCarriesInvocationData(parameter, CancellationToken.None),
            method => ReachedOnALongLivedReceiver(method, CancellationToken.None));
    }

    /// <summary>
    /// The models of one compilation: its Lambda symbols, looked up once, and a model per analyzer options (the
    /// analyzers of one analysis share one options object, so there is one model per analysis).
    /// </summary>
    private sealed class ModelsOfCompilation
    {
        private readonly Compilation _compilation;
        private readonly LambdaSymbols? _symbols;
        private readonly ConditionalWeakTable<AnalyzerOptions, LambdaModel> _byOptions = new();
        private readonly ConditionalWeakTable<AnalyzerOptions, LambdaModel>.CreateValueCallback _create;

        public ModelsOfCompilation(Compilation compilation)
        {
            _compilation = compilation;
            _symbols = LambdaSymbols.TryCreate(compilation);
            _create = options => new LambdaModel(new ModelInputs(_compilation, options), _symbols!);
        }

        public LambdaModel? Get(AnalyzerOptions options) => _symbols is null ? null : _byOptions.GetValue(options, _create);
    }
}
