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

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ClientCreatedPerInvocation,
        Title,
        "'{0}' is created on every invocation; create it once per execution environment",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ClientCreatedPerInvocation));

    internal static readonly DiagnosticDescriptor OverwritesRule = new(
        RuleIdentifiers.ClientCreatedPerInvocation,
        Title,
        "'{0}' is created on every invocation and overwrites '{1}'; create it once per execution environment",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ClientCreatedPerInvocation));

    /// <summary>Diagnostic property: the name of the created client type.</summary>
    internal const string ClientTypeProperty = "ClientType";

    /// <summary>Diagnostic property: where the fixer moves the creation, <see cref="HoistToField"/> or <see cref="HoistToLocal"/>.</summary>
    internal const string HoistProperty = "Hoist";

    /// <summary>Diagnostic property: <c>start:length</c> of the nested handler the creation is in.</summary>
    internal const string HandlerSpanProperty = "HandlerSpan";

    internal const string HoistToField = "Field";
    internal const string HoistToLocal = "Local";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, OverwritesRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext.Compilation) is not { } model)
            {
                return;
            }

            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var tree = blockContext.OperationBlocks[0].Syntax.SyntaxTree;
                var configured = model.Clients.ResolveConfigured(
                    LambdaOptions.AdditionalClientTypes(blockContext.Options, tree),
                    LambdaOptions.AdditionalClientFactories(blockContext.Options, tree));
                var analyzer = new BlockAnalyzer(model, scope, configured);
                blockContext.RegisterOperationAction(analyzer.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                blockContext.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            });
        });
    }

    private sealed class BlockAnalyzer(LambdaModel model, InvocationScope scope, ImmutableHashSet<ISymbol> configured)
    {
        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not { } type || creation.Constructor is not { } constructor)
            {
                return;
            }

            switch (model.Clients.Classify(type))
            {
                case ClientKind.Client when model.Clients.CreatesOwnConnection(constructor):
                    break;
                case ClientKind.HttpClient when !WrapsSharedHandler(creation):
                    break;
                case ClientKind.HttpHandler when !IsPassedToHttpClient(creation):
                    break;
                case ClientKind.None when ClientCatalog.IsConfiguredType(type, configured):
                    break;
                default:
                    return;
            }

            Report(context, creation, type);
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!model.Clients.IsFactory(invocation.TargetMethod, configured, out var created))
            {
                return;
            }

            Report(context, invocation, created!);
        }

        private void Report(OperationAnalysisContext context, IOperation creation, ITypeSymbol created)
        {
            if (scope.GetRegion(creation) is not { } region || scope.DependsOnInvocation(creation, unknownDepends: true))
            {
                return;
            }

            if (model.OneTimeInitialization.IsGuarded(creation, out var overwritten))
            {
                return;
            }

            // The fixer hoists the creation to a field of a handler method's class, or to a local before a nested
            // handler (whose span it is given) in the body that declares it.
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ClientTypeProperty, created.Name);
            var root = region.Root.Syntax.Span;
            properties = region.Hoist == HoistTarget.LocalBeforeHandler
                ? properties.Add(HoistProperty, HoistToLocal).Add(HandlerSpanProperty, root.Start + ":" + root.Length)
                : properties.Add(HoistProperty, HoistToField);
            context.ReportDiagnostic(overwritten is null
                ? Diagnostic.Create(Rule, creation.Syntax.GetLocation(), properties, created.Name)
                : Diagnostic.Create(OverwritesRule, creation.Syntax.GetLocation(), properties, created.Name, overwritten.Name));
        }

        /// <summary><c>new HttpClient(handler, disposeHandler: false)</c> over a handler kept in a field or static member.</summary>
        private bool WrapsSharedHandler(IObjectCreationOperation creation)
        {
            IOperation? handler = null;
            IOperation? dispose = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Type is { } parameterType && parameterType.InheritsFromOrEquals(model.Clients.HttpMessageHandler))
                {
                    handler = Unwrap(argument.Value);
                }
                else if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                {
                    dispose = argument.Value;
                }
            }

            var sharedHandler = handler switch
            {
                IFieldReferenceOperation => true,
                IPropertyReferenceOperation property => property.Property.IsStatic,
                _ => false,
            };
            return sharedHandler && dispose?.ConstantValue is { HasValue: true, Value: false };
        }

        /// <summary>A handler given to an HttpClient made in the same expression is reported through the HttpClient, or not at all.</summary>
        private bool IsPassedToHttpClient(IObjectCreationOperation creation)
        {
            IOperation current = creation;
            while (current.Parent is IConversionOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Type: { } owner } }
                && model.Clients.Classify(owner) == ClientKind.HttpClient)
            {
                return true;
            }

            // Through a local: the handler is assigned to a local that is passed to an HttpClient constructor.
            if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                var root = scope.GetRoot(creation);
                if (root is null)
                {
                    return false;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IArgumentOperation argument
                        && Unwrap(argument.Value) is ILocalReferenceOperation local
                        && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                        && argument.Parent is IObjectCreationOperation { Type: { } user }
                        && model.Clients.Classify(user) == ClientKind.HttpClient)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
