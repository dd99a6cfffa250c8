using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0003: a handler the runtime cannot await. An <c>async void</c> handler (the class-library runtime refuses to
/// start it; a generated Annotations wrapper or a bootstrap returns at its first <c>await</c>), a class-library handler
/// returning <c>ValueTask</c> (the runtime awaits only <c>Task</c>/<c>Task&lt;T&gt;</c> and serializes anything else),
/// and an async lambda given to a bootstrap as an <c>Action&lt;...&gt;</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerNotAwaitableAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Lambda handlers must return Task";
    private const string Description =
        "The Lambda runtime awaits a handler only when it returns Task or Task<T>. The class-library runtime refuses to start an async void " +
        "handler; a handler returning ValueTask is serialized, not awaited; an async lambda registered with a bootstrap as an Action returns at " +
        "its first await. The invocation then ends while the work is still running, and the frozen execution environment suspends it, to " +
        "resume during a later invocation or never.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.HandlerNotAwaitable, Title, RuleCategories.Reliability, DiagnosticSeverity.Error, Description);

    internal static readonly DiagnosticDescriptor AsyncVoidRule = s_descriptors.Create(
        "'{0}' is async void: the Lambda runtime cannot await it; return Task");

    internal static readonly DiagnosticDescriptor ValueTaskRule = s_descriptors.Create(
        "'{0}' returns '{1}', which the Lambda runtime does not await; return '{2}'");

    internal static readonly DiagnosticDescriptor ActionLambdaRule = s_descriptors.Create(
        "The async lambda given to '{0}' is an '{1}': it returns at its first await and the rest runs after the invocation ends; return Task");

    /// <summary>Diagnostic property: which shape was reported, <see cref="AsyncVoid"/>, <see cref="ValueTask"/> or <see cref="ActionLambda"/>.</summary>
    internal const string KindProperty = "Kind";

    internal const string AsyncVoid = "AsyncVoid";
    internal const string ValueTask = "ValueTask";
    internal const string ActionLambda = "ActionLambda";

    private static readonly ImmutableDictionary<string, string?> s_asyncVoidProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, AsyncVoid);
    private static readonly ImmutableDictionary<string, string?> s_valueTaskProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, ValueTask);
    private static readonly ImmutableDictionary<string, string?> s_actionLambdaProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, ActionLambda);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(AsyncVoidRule, ValueTaskRule, ActionLambdaRule);

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

            var analyzer = new CompilationAnalyzer(model);
            compilationContext.RegisterOperationBlockAction(analyzer.AnalyzeBlock);
        });
    }

    private sealed class CompilationAnalyzer(LambdaModel model)
    {
        public void AnalyzeBlock(OperationBlockAnalysisContext context)
        {
            AnalyzeMethod(context);

            // A member with a nested handler, or that registers a lambda or local function with a bootstrap, has a scope.
            if (model.GetInvocationScope(context, RuleIdentifiers.HandlerNotAwaitable) is not { } scope)
            {
                return;
            }

            foreach (var localFunction in scope.Operations.LocalFunctions)
            {
                AnalyzeLocalFunction(context, localFunction);
            }

            if (model.Symbols.BootstrapRegistrations.IsEmpty)
            {
                return;
            }

            var registrations = new RegistrationAnalyzer(model, scope);
            foreach (var invocation in scope.Operations.Invocations)
            {
                registrations.Analyze(context, invocation);
            }

            foreach (var creation in scope.Operations.ObjectCreations)
            {
                registrations.Analyze(context, creation);
            }
        }

        /// <summary>An async void local function with an ILambdaContext parameter.</summary>
        private void AnalyzeLocalFunction(OperationBlockAnalysisContext context, ILocalFunctionOperation localFunction)
        {
            if (localFunction.Symbol is { IsAsync: true, ReturnsVoid: true } symbol
                && model.Handlers.IsNestedHandler(symbol)
                && !(context.OwningSymbol is IMethodSymbol container && model.Handlers.Tests.IsTestMethod(container))
                && localFunction.Syntax is LocalFunctionStatementSyntax syntax)
            {
                context.ReportDiagnostic(Diagnostic.Create(AsyncVoidRule, syntax.Identifier.GetLocation(), s_asyncVoidProperties, symbol.Name));
            }
        }

        /// <summary>An async void handler method, or a handler method returning a value task.</summary>
        private void AnalyzeMethod(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol method
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation)
                || context.OperationBlocks.IsEmpty
                || FunctionSyntax.GetMethodIdentifier(context.OperationBlocks[0].Syntax) is not { } identifier)
            {
                return;
            }

            // An explicit interface implementation is named 'IHandler.Handle'; the message names what the code says.
            var location = identifier.GetLocation();
            var name = identifier.ValueText;

            if (method is { IsAsync: true, ReturnsVoid: true })
            {
                // By signature, [LambdaFunction], or registered with a bootstrap as a method group in the same file.
                if (model.Handlers.IsHandler(method, context.OperationBlocks[0].SemanticModel, context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(AsyncVoidRule, location, s_asyncVoidProperties, name));
                }

                return;
            }

            if (!model.Async.IsValueTask(method.ReturnType))
            {
                return;
            }

            if (model.Handlers.IsLambdaFunction(method) || model.Handlers.IsNamedByHandlerString(method))
            {
                // The Annotations wrapper returns (or serializes) the value task without awaiting it, and the runtime calls
                // a method a handler string names, whoever else calls the method.
                if (CreateValueTaskDiagnostic(method, location) is { } diagnostic)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
            else if (context.OperationBlocks[0].SemanticModel is { } semanticModel
                && model.Handlers.IsInferredClassLibraryHandler(method, semanticModel, context.CancellationToken)
                && CreateValueTaskDiagnostic(method, location) is { } diagnostic)
            {
                // Only a class library is loaded by the class-library runtime, and it calls the handler: a method the
                // project itself calls or passes on is a helper that its caller awaits.
                context.ReportDiagnostic(diagnostic);
            }
        }

        private Diagnostic? CreateValueTaskDiagnostic(IMethodSymbol method, Location location)
        {
            if (method.ReturnType is not INamedTypeSymbol returnType)
            {
                return null;
            }

            ITypeSymbol? replacement;
            if (returnType.IsType(model.Async.ValueTaskOfT) && returnType.TypeArguments.Length == 1)
            {
                replacement = model.Async.TaskOfT?.Construct(returnType.TypeArguments, returnType.TypeArgumentNullableAnnotations);
            }
            else
            {
                replacement = model.Async.Task;
            }

            if (replacement is null || returnType.TypeArguments.Length == 1 && returnType.TypeArguments[0].TypeKind == TypeKind.Error)
            {
                return null;
            }

            return Diagnostic.Create(
                ValueTaskRule,
                location,
                s_valueTaskProperties,
                method.Name,
                returnType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                replacement.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
        }
    }

    /// <summary>The bootstrap registrations of one member whose handler is an async lambda or async void local function.</summary>
    private sealed class RegistrationAnalyzer(LambdaModel model, InvocationScope scope)
    {
        private readonly ConcurrentDictionary<IOperation, byte> _reportedLambdas = new();
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _reportedLocalFunctions = new(SymbolEqualityComparer.Default);

        public void Analyze(OperationBlockAnalysisContext context, IOperation operation)
        {
            if (HandlerDiscovery.GetBootstrapHandlerArgument(operation, model.Symbols) is not { } value
                || value.Parent is not IArgumentOperation { Parameter.Type: INamedTypeSymbol { DelegateInvokeMethod.ReturnsVoid: true } delegateType })
            {
                return;
            }

            var code = HandlerDiscovery.UnwrapDelegate(value);
            if (code is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } assigned)
            {
                code = HandlerDiscovery.UnwrapDelegate(assigned);
            }

            switch (code)
            {
                case IAnonymousFunctionOperation { Symbol.IsAsync: true } lambda
                    when lambda.Syntax is AnonymousFunctionExpressionSyntax { AsyncKeyword: var asyncKeyword } && _reportedLambdas.TryAdd(lambda, 0):
                    var registration = operation switch
                    {
                        IInvocationOperation invocation => invocation.TargetMethod.Name,
                        IObjectCreationOperation { Type: { } type } => type.Name,
                        _ => string.Empty,
                    };
                    context.ReportDiagnostic(Diagnostic.Create(
                        ActionLambdaRule,
                        asyncKeyword.GetLocation(),
                        s_actionLambdaProperties,
                        registration,
                        delegateType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                    break;

                // An async void local function given as a method group; one with an ILambdaContext parameter is reported
                // where it is declared, and ordinary methods where they are declared too.
                case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction, IsAsync: true, ReturnsVoid: true } method }
                    when !model.Handlers.IsNestedHandler(method)
                        && method.DeclaringSyntaxReferences.Length == 1
                        && method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is LocalFunctionStatementSyntax declaration
                        && _reportedLocalFunctions.TryAdd(method.OriginalDefinition, 0):
                    context.ReportDiagnostic(Diagnostic.Create(AsyncVoidRule, declaration.Identifier.GetLocation(), s_asyncVoidProperties, method.Name));
                    break;
            }
        }
    }
}
