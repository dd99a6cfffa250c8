using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0001: an AWS SDK client, HttpClient, DynamoDBContext or database client created in code that runs on every
/// invocation, instead of once per execution environment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientCreatedPerInvocationAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Create clients once per execution environment";
    private const string Description =
        "Lambda creates the handler's class once per execution environment and invokes the handler many times. A client created in the handler " +
        "pays for its construction, credential resolution, TLS handshake and connection pool on every invocation; create it once, in a field " +
        "initializer or constructor, and reuse it.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.ClientCreatedPerInvocation, Title, RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' is created on every invocation; create it once per execution environment");

    internal static readonly DiagnosticDescriptor OverwritesRule = s_descriptors.Create(
        "'{0}' is created on every invocation and overwrites '{1}'; create it once per execution environment");

    /// <summary>The message in code a handler reaches: <c>'{0}' is created on every invocation (reached from '{1}' through {2}); ...</c>.</summary>
    internal static readonly DiagnosticDescriptor ReachedRule = Reached.TwinOf(Rule);

    /// <summary>Diagnostic property: the name of the created client type.</summary>
    internal const string ClientTypeProperty = "ClientType";

    /// <summary>Diagnostic property: where the fixer moves the creation, <see cref="HoistToField"/> or <see cref="HoistToLocal"/>.</summary>
    internal const string HoistProperty = "Hoist";

    /// <summary>Diagnostic property: <c>start:length</c> of the nested handler the creation is in.</summary>
    internal const string HandlerSpanProperty = "HandlerSpan";

    /// <summary>
    /// Diagnostic property, for <see cref="HoistToField"/>: <c>true</c> when the runtime creates the handler's class once and
    /// invokes it many times (the client may go to an instance field), <c>false</c> when only a static field lives long enough.
    /// </summary>
    internal const string ReusedInstanceProperty = "ReusedInstance";

    internal const string HoistToField = "Field";
    internal const string HoistToLocal = "Local";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Reached.WithTwins(Rule, OverwritesRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.ClientCreatedPerInvocation) is not { } scope)
                {
                    return;
                }

                var tree = blockContext.OperationBlocks[0].Syntax.SyntaxTree;
                var configured = model.Clients.ResolveConfigured(
                    LambdaOptions.AdditionalClientTypes(blockContext.Options, tree),
                    LambdaOptions.AdditionalClientFactories(blockContext.Options, tree));
                var analyzer = new BlockAnalyzer(model, scope, configured);
                foreach (var creation in scope.Operations.ObjectCreations)
                {
                    analyzer.AnalyzeObjectCreation(blockContext, creation);
                }

                foreach (var invocation in scope.Operations.Invocations)
                {
                    analyzer.AnalyzeInvocation(blockContext, invocation);
                }
            });
        });
    }

    private sealed class BlockAnalyzer(LambdaModel model, InvocationScope scope, ImmutableHashSet<ISymbol> configured)
    {
        public void AnalyzeObjectCreation(OperationBlockAnalysisContext context, IObjectCreationOperation creation)
        {
            if (creation.Type is { } type
                && scope.GetRoot(creation) is { } root
                && model.Clients.IsClientCreation(creation, root, configured))
            {
                Report(context, creation, type);
            }
        }

        public void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation)
        {
            if (!model.Clients.IsFactory(invocation.TargetMethod, configured, out var created))
            {
                return;
            }

            Report(context, invocation, created!);
        }

        /// <summary>Code reached through a client factory: the call of the factory is the finding.</summary>
        private bool IsInsideReportedFactory(Region region)
        {
            for (var path = region.Reach; path is { Caller: not null }; path = path.Caller)
            {
                if (model.Clients.IsFactory(path.Method, configured, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsReusedInstance(Region region) =>
            region.Kind != RegionKind.Reached
            && region.Entry is { IsStatic: false, ContainingType: { TypeKind: TypeKind.Class } type } && model.State.IsReusedInstance(type);

        private void Report(OperationBlockAnalysisContext context, IOperation creation, ITypeSymbol created)
        {
            if (scope.GetRegion(creation) is not { } region || scope.DependsOnInvocation(creation, unknownDepends: true) || scope.IsParameterFallback(creation))
            {
                return;
            }

            if (model.OneTimeInitialization.IsGuarded(creation, out var overwritten) || IsInsideReportedFactory(region))
            {
                return;
            }

            // In reached code the object whose field is written may itself be created per invocation: only a static
            // member is known to be overwritten.
            if (region.Reach is not null && overwritten is { IsStatic: false })
            {
                overwritten = null;
            }

            // The fixer hoists the creation to a field of a handler method's class, or to a local before a nested
            // handler (whose span it is given) in the body that declares it.
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ClientTypeProperty, created.Name);
            var root = region.Root.Syntax.Span;
            properties = region.Hoist == HoistTarget.LocalBeforeHandler
                ? properties.Add(HoistProperty, HoistToLocal).Add(HandlerSpanProperty, root.Start + ":" + root.Length)
                : properties.Add(HoistProperty, HoistToField).Add(ReusedInstanceProperty, IsReusedInstance(region) ? "true" : "false");
            var location = creation.Syntax.GetLocation();
            context.ReportDiagnostic(overwritten is null
                ? Reached.Create(Rule, location, null, properties, region, created.Name)
                : Reached.Create(OverwritesRule, location, null, properties, region, created.Name, overwritten.Name));
        }
    }
}
