using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>The Amazon.Lambda.* symbols the model needs, resolved once per compilation.</summary>
internal sealed class LambdaSymbols
{
    private LambdaSymbols(KnownTypes types, INamedTypeSymbol lambdaContext)
    {
        LambdaContext = lambdaContext;
        LambdaLogger = types.Find(KnownTypeNames.AmazonLambdaCoreILambdaLogger, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        LambdaFunctionAttribute = types.Find(KnownTypeNames.AmazonLambdaAnnotationsLambdaFunctionAttribute, KnownTypeNames.AmazonLambdaAnnotationsAssemblyName);

        const string runtimeSupport = KnownTypeNames.AmazonLambdaRuntimeSupportAssemblyName;
        var bootstrapBuilder = types.Find(KnownTypeNames.AmazonLambdaRuntimeSupportLambdaBootstrapBuilder, runtimeSupport);
        var handlerWrapper = types.Find(KnownTypeNames.AmazonLambdaRuntimeSupportHandlerWrapper, runtimeSupport);
        var bootstrap = types.Find(KnownTypeNames.AmazonLambdaRuntimeSupportLambdaBootstrap, runtimeSupport);
        BootstrapInitializer = types.Find(KnownTypeNames.AmazonLambdaRuntimeSupportLambdaBootstrapInitializer, runtimeSupport);

        var registrations = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        AddMethods(registrations, bootstrapBuilder, "Create", isStatic: true);
        AddMethods(registrations, handlerWrapper, "GetHandlerWrapper", isStatic: true);
        if (bootstrap is not null)
        {
            registrations.UnionWith(bootstrap.InstanceConstructors);
        }

        BootstrapRegistrations = registrations.ToImmutable();

        var snapshots = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        var snapshotRestore = types.Find(KnownTypeNames.AmazonLambdaCoreSnapshotRestore, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        AddMethods(snapshots, snapshotRestore, "RegisterBeforeSnapshot", isStatic: true);
        AddMethods(snapshots, snapshotRestore, "RegisterAfterRestore", isStatic: true);
        SnapshotRegistrations = snapshots.ToImmutable();
    }

    /// <summary><c>Amazon.Lambda.Core.ILambdaContext</c>; its presence is what makes a compilation a Lambda project.</summary>
    public INamedTypeSymbol LambdaContext { get; }

    /// <summary>
    /// <c>Amazon.Lambda.Core.ILambdaLogger</c>. The runtime's <c>ILambdaContext.Logger</c> writes through the one console
    /// writer of the execution environment, which the runtime gives each invocation's request id: a logger kept from an
    /// earlier invocation logs for the current one and holds no data of its own.
    /// </summary>
    public INamedTypeSymbol? LambdaLogger { get; }

    /// <summary><c>Amazon.Lambda.Annotations.LambdaFunctionAttribute</c>, when Annotations is referenced.</summary>
    public INamedTypeSymbol? LambdaFunctionAttribute { get; }

    /// <summary>The delegate type of init code given to a bootstrap.</summary>
    public INamedTypeSymbol? BootstrapInitializer { get; }

    /// <summary>
    /// Methods and constructors that take the handler delegate: <c>LambdaBootstrapBuilder.Create</c>,
    /// <c>HandlerWrapper.GetHandlerWrapper</c> and the <c>LambdaBootstrap</c> constructors.
    /// </summary>
    public ImmutableHashSet<IMethodSymbol> BootstrapRegistrations { get; }

    /// <summary>
    /// <c>SnapshotRestore.RegisterBeforeSnapshot</c> and <c>RegisterAfterRestore</c>: their callbacks run when a SnapStart
    /// snapshot is taken or restored, not per invocation.
    /// </summary>
    public ImmutableHashSet<IMethodSymbol> SnapshotRegistrations { get; }

    public static LambdaSymbols? TryCreate(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        var lambdaContext = types.Find(KnownTypeNames.AmazonLambdaCoreILambdaContext, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        return lambdaContext is null ? null : new LambdaSymbols(types, lambdaContext);
    }

    private static void AddMethods(ImmutableHashSet<IMethodSymbol>.Builder builder, INamedTypeSymbol? type, string name, bool isStatic)
    {
        if (type is null)
        {
            return;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method && method.IsStatic == isStatic)
            {
                builder.Add(method);
            }
        }
    }
}
