using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0012: a class-library handler the runtime cannot call (<see cref="HandlerCallability"/>), reported on the method's
/// name with the first reason the runtime would give. Handlers are the methods a handler string names and those the
/// class-library runtime is taken to call (<see cref="HandlerCatalog.IsInferredClassLibraryHandler"/>); never
/// <c>[LambdaFunction]</c> methods (the generated wrapper is the handler), executables (the bootstrap calls a delegate)
/// or test code. What LMB0003 reports (an async void handler, a value task returned) is left to it. A handler string
/// counts only in the build its function is deployed as (<see cref="HandlerCatalog.GetHandlerStringTypes"/>): in a
/// multi-targeting project, the method of a <c>dotnet6</c> function is checked in the <c>net6.0</c> build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerNotCallableAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Lambda cannot call this handler";
    private const string Description =
        "The class-library runtime loads a handler when the execution environment starts and refuses one it cannot call: a generic or " +
        "abstract method, a params or __arglist parameter, more than two parameters or a second that is not an ILambdaContext, an instance " +
        "method of a class without a public parameterless constructor, or an input or returned data other than a Stream without a " +
        "LambdaSerializer on the method or the assembly. The function deploys, and every invocation fails to initialize.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.HandlerNotCallable, Title, RuleCategories.Reliability, DiagnosticSeverity.Error, Description);

    internal static readonly DiagnosticDescriptor InputRule = s_descriptors.Create(
        "Lambda cannot call '{0}': its input '{1}' is not a Stream, and no LambdaSerializer on the method or the assembly reads it");

    internal static readonly DiagnosticDescriptor OutputRule = s_descriptors.Create(
        "Lambda cannot call '{0}': it returns '{1}', which is not a Stream, and no LambdaSerializer on the method or the assembly writes it");

    internal static readonly DiagnosticDescriptor DeclarationRule = s_descriptors.Create(
        "Lambda cannot call '{0}': it is {1}");

    internal static readonly DiagnosticDescriptor ParamsRule = s_descriptors.Create(
        "Lambda cannot call '{0}': its last parameter is params");

    internal static readonly DiagnosticDescriptor ArglistRule = s_descriptors.Create(
        "Lambda cannot call '{0}': it takes __arglist");

    internal static readonly DiagnosticDescriptor ConstructorRule = s_descriptors.Create(
        "Lambda cannot call '{0}': '{1}' has no public parameterless constructor to create it with");

    internal static readonly DiagnosticDescriptor ParameterCountRule = s_descriptors.Create(
        "Lambda cannot call '{0}': it has {1} parameters, and a handler takes at most 2");

    internal static readonly DiagnosticDescriptor SecondParameterRule = s_descriptors.Create(
        "Lambda cannot call '{0}': its second parameter is '{1}', not ILambdaContext");

    /// <summary>
    /// Diagnostic property: the reason reported, the name of a <see cref="CallabilityProblemKind"/>; the fixer adds a
    /// serializer for <see cref="InputNeedsSerializer"/> and <see cref="OutputNeedsSerializer"/>.
    /// </summary>
    internal const string ReasonProperty = "Reason";

    internal const string InputNeedsSerializer = nameof(CallabilityProblemKind.InputNeedsSerializer);
    internal const string OutputNeedsSerializer = nameof(CallabilityProblemKind.OutputNeedsSerializer);

    /// <summary>The properties of each reason, made once: indexed by <see cref="CallabilityProblemKind"/>.</summary>
    private static readonly ImmutableArray<ImmutableDictionary<string, string?>> s_properties = CreateProperties();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        InputRule, OutputRule, DeclarationRule, ParamsRule, ArglistRule, ConstructorRule, ParameterCountRule, SecondParameterRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // Only a class library is loaded by the class-library runtime; a test project is never deployed.
            if (LambdaModel.TryGet(compilationContext) is not { } model
                || compilationContext.Compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary
                || model.Handlers.Tests.IsTestProject)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(context => AnalyzeBlock(context, model));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, LambdaModel model)
    {
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method
            || context.OperationBlocks.IsEmpty
            || context.OperationBlocks[0].SemanticModel is not { } semanticModel)
        {
            return;
        }

        var handlers = model.Handlers;
        var handlerTypes = handlers.GetHandlerStringTypes(method);
        if ((handlerTypes.IsEmpty && !handlers.HasClassLibraryHandlerShape(method))
            || handlers.IsLambdaFunction(method)
            || handlers.Tests.IsTestMethod(method)
            || FindReportedProblem(model, method, handlerTypes) is not { } problem
            || FunctionSyntax.GetMethodIdentifier(context.OperationBlocks[0].Syntax) is not { } identifier)
        {
            return;
        }

        // Asked last, and only of a method the runtime could not call: whether the project uses the method itself searches
        // the project's files for its name.
        if (handlerTypes.IsEmpty && !handlers.IsInferredClassLibraryHandler(method, semanticModel, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Create(problem, identifier.GetLocation(), identifier.ValueText));
    }

    /// <summary>The first problem the runtime would meet, leaving out a value task returned: the runtime does not await it, which is LMB0003's.</summary>
    private static CallabilityProblem? FindReportedProblem(LambdaModel model, IMethodSymbol method, ImmutableArray<INamedTypeSymbol> handlerTypes)
    {
        foreach (var problem in model.Callability.FindProblems(method, handlerTypes))
        {
            if (problem.Kind != CallabilityProblemKind.OutputNeedsSerializer || !model.Async.IsValueTask(method.ReturnType))
            {
                return problem;
            }
        }

        return null;
    }

    private static Diagnostic Create(CallabilityProblem problem, Location location, string name)
    {
        var properties = s_properties[(int)problem.Kind];
        var type = problem.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? string.Empty;
        return problem.Kind switch
        {
            CallabilityProblemKind.Abstract => Diagnostic.Create(DeclarationRule, location, properties, name, "abstract"),
            CallabilityProblemKind.Generic => Diagnostic.Create(DeclarationRule, location, properties, name, "generic"),
            CallabilityProblemKind.Params => Diagnostic.Create(ParamsRule, location, properties, name),
            CallabilityProblemKind.Arglist => Diagnostic.Create(ArglistRule, location, properties, name),
            CallabilityProblemKind.NoPublicConstructor => Diagnostic.Create(ConstructorRule, location, properties, name, type),
            CallabilityProblemKind.TooManyParameters => Diagnostic.Create(ParameterCountRule, location, properties, name, problem.ParameterCount),
            CallabilityProblemKind.SecondParameterNotContext => Diagnostic.Create(SecondParameterRule, location, properties, name, type),
            CallabilityProblemKind.InputNeedsSerializer => Diagnostic.Create(InputRule, location, properties, name, type),
            _ => Diagnostic.Create(OutputRule, location, properties, name, type),
        };
    }

    private static ImmutableArray<ImmutableDictionary<string, string?>> CreateProperties()
    {
        var kinds = (CallabilityProblemKind[])System.Enum.GetValues(typeof(CallabilityProblemKind));
        var properties = ImmutableArray.CreateBuilder<ImmutableDictionary<string, string?>>(kinds.Length);
        foreach (var kind in kinds)
        {
            properties.Add(ImmutableDictionary<string, string?>.Empty.Add(ReasonProperty, kind.ToString()));
        }

        return properties.MoveToImmutable();
    }
}
