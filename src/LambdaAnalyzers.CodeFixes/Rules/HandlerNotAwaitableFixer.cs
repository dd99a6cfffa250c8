using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0003: makes the handler awaitable. <c>async void</c> becomes <c>async Task</c>; <c>ValueTask</c>/<c>ValueTask&lt;T&gt;</c>
/// becomes <c>Task</c>/<c>Task&lt;T&gt;</c>; an <c>Action&lt;...&gt;</c> local holding the bootstrap's async lambda becomes the
/// matching <c>Func&lt;..., Task&gt;</c>. Each fix rewrites one type in one declaration, and is offered only where every
/// use of that declaration still compiles and means the same. Fix All has a provider of its own rather than the batch
/// fixer: the fixes of one document may each add the same <c>using System.Threading.Tasks;</c>, which one pass over the
/// document adds once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandlerNotAwaitableFixer))]
public sealed class HandlerNotAwaitableFixer : CodeFixProvider
{
    public const string AsyncVoidKey = "LMB0003.AsyncVoidToAsyncTask";
    public const string ValueTaskKey = "LMB0003.ValueTaskToTask";
    public const string ActionLocalKey = "LMB0003.ActionLocalToFunc";

    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HandlerNotAwaitable);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await TryPlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(plan.Title, ct => ApplyAsync(context.Document, [plan], ct), plan.EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            // Each plan rewrites the type of its own declaration, checked against the unchanged solution; no two
            // diagnostics share a declaration, and no plan's precondition depends on another's declaration.
            if (diagnostic.Properties.TryGetValue(HandlerNotAwaitableAnalyzer.KindProperty, out var kind)
                && EquivalenceKeyOf(kind) == context.CodeActionEquivalenceKey
                && await TryPlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan
                && !plans.Any(p => p.Target == plan.Target))
            {
                plans.Add(plan);
            }
        }

        return await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
    }

    private static string? EquivalenceKeyOf(string? kind) => kind switch
    {
        HandlerNotAwaitableAnalyzer.AsyncVoid => AsyncVoidKey,
        HandlerNotAwaitableAnalyzer.ValueTask => ValueTaskKey,
        HandlerNotAwaitableAnalyzer.ActionLambda => ActionLocalKey,
        _ => null,
    };

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || plans.Count == 0)
        {
            return document;
        }

        var replacements = plans.ToDictionary(p => p.Target, p => p.Replacement);
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static async Task<Plan?> TryPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(HandlerNotAwaitableAnalyzer.KindProperty, out var kind)
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } semanticModel)
        {
            return null;
        }

        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        return kind switch
        {
            HandlerNotAwaitableAnalyzer.AsyncVoid => await PlanAsyncVoidAsync(document, semanticModel, token, cancellationToken).ConfigureAwait(false),
            HandlerNotAwaitableAnalyzer.ValueTask => await PlanValueTaskAsync(document, semanticModel, token, cancellationToken).ConfigureAwait(false),
            HandlerNotAwaitableAnalyzer.ActionLambda => await PlanActionLocalAsync(document, semanticModel, token, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    // ---- async void -> async Task -----------------------------------------------------------------------------

    private static async Task<Plan?> PlanAsyncVoidAsync(Document document, SemanticModel semanticModel, SyntaxToken identifier, CancellationToken cancellationToken)
    {
        if (GetDeclaration(identifier) is not { } declaration
            || GetReturnType(declaration) is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } returnType
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol { IsAsync: true, ReturnsVoid: true } method
            || !HasPrivateSignature(method)
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemThreadingTasksTask) is not { } task)
        {
            return null;
        }

        // A method used as an Action, an event handler or any other void-returning delegate must stay void.
        foreach (var reference in await FindReferencesAsync(document.Project.Solution, method, cancellationToken).ConfigureAwait(false))
        {
            if (reference.Document is SourceGeneratedDocument)
            {
                continue;
            }

            // nameof(Handle) is a candidate location: it names the method group without binding to one overload.
            if (reference.IsImplicit
                || await reference.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } referenceRoot
                || !IsCallNameofOrCref(referenceRoot.FindNode(reference.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true), reference.IsCandidateLocation))
            {
                return null;
            }
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var replacement = generator.TypeExpression(task)
            .WithTriviaFrom(returnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
        return new Plan(returnType, replacement, $"Make '{method.Name}' async Task", AsyncVoidKey);
    }

    private static bool IsCallNameofOrCref(SyntaxNode node, bool isCandidate)
    {
        if (node.FirstAncestorOrSelf<CrefSyntax>() is not null)
        {
            return true;
        }

        if (isCandidate)
        {
            return IsNameofArgument(node);
        }

        // Handle(...), x.Handle(...), x?.Handle(...), Handle<T>(...).
        var expression = node;
        if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression
            || expression.Parent is MemberBindingExpressionSyntax binding && binding.Name == expression)
        {
            expression = expression.Parent;
        }

        if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
        {
            return true;
        }

        return IsNameofArgument(expression);
    }

    private static bool IsNameofArgument(SyntaxNode node) =>
        node.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } };

    // ---- ValueTask -> Task --------------------------------------------------------------------------------------

    private static async Task<Plan?> PlanValueTaskAsync(Document document, SemanticModel semanticModel, SyntaxToken identifier, CancellationToken cancellationToken)
    {
        if (GetDeclaration(identifier) is not { } declaration
            || GetReturnType(declaration) is not { } returnType
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol { IsAsync: true, ReturnType: INamedTypeSymbol valueTask } method
            || !HasPrivateSignature(method)
            || HasAsyncMethodBuilder(method, semanticModel.Compilation)
            || ReplaceValueTaskName(returnType) is not { } replacement)
        {
            return null;
        }

        // The body of an async method does not change with its builder; a caller's would.
        foreach (var reference in await FindReferencesAsync(document.Project.Solution, method, cancellationToken).ConfigureAwait(false))
        {
            if (reference.Document is not SourceGeneratedDocument)
            {
                return null;
            }
        }

        // The new name must bind to System.Threading.Tasks.Task(<T>), not to a type of the user's that is also named Task.
        var types = KnownTypes.Get(semanticModel.Compilation);
        var expected = valueTask.IsGenericType
            ? types.Find(KnownTypeNames.SystemThreadingTasksTask1)?.Construct(valueTask.TypeArguments.ToArray())
            : types.Find(KnownTypeNames.SystemThreadingTasksTask);
        var bound = semanticModel.GetSpeculativeTypeInfo(returnType.SpanStart, replacement, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        if (expected is null || !SymbolEqualityComparer.Default.Equals(bound, expected))
        {
            return null;
        }

        var title = $"Return '{expected.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}' from '{method.Name}'";
        return new Plan(returnType, replacement, title, ValueTaskKey);
    }

    /// <summary><c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>, qualified or not, with the name changed to <c>Task</c>; or null.</summary>
    private static TypeSyntax? ReplaceValueTaskName(TypeSyntax type)
    {
        var name = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };

        if (name is null || name.Identifier.ValueText != "ValueTask")
        {
            return null;
        }

        var renamed = name.WithIdentifier(SyntaxFactory.Identifier("Task").WithTriviaFrom(name.Identifier));
        return type.ReplaceNode(name, renamed);
    }

    /// <summary><c>[AsyncMethodBuilder(...)]</c> on the method itself names a builder of the value task type.</summary>
    private static bool HasAsyncMethodBuilder(IMethodSymbol method, Compilation compilation)
    {
        var builderAttribute = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemRuntimeCompilerServicesAsyncMethodBuilderAttribute);
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is null || attribute.AttributeClass.TypeKind == TypeKind.Error
                || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, builderAttribute))
            {
                return true;
            }
        }

        return false;
    }

    // ---- Action<...> local -> Func<..., Task> -----------------------------------------------------------------

    private static async Task<Plan?> PlanActionLocalAsync(Document document, SemanticModel semanticModel, SyntaxToken asyncKeyword, CancellationToken cancellationToken)
    {
        // Action<Stream, ILambdaContext> handler = async (stream, context) => { ... };
        if (asyncKeyword.Parent is not AnonymousFunctionExpressionSyntax lambda
            || lambda.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Type: { IsVar: false } declaredType }
            || declarator.Parent.Parent is not LocalDeclarationStatementSyntax
            || semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol { Type: INamedTypeSymbol action }
            || !IsSystemAction(action, semanticModel.Compilation)
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.WithArity(KnownTypeNames.SystemFunc, action.Arity + 1)) is not { } funcDefinition
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemThreadingTasksTask) is not { } task)
        {
            return null;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var taskType = (TypeSyntax)generator.TypeExpression(task).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var replacement = ReplaceActionName(declaredType, taskType);
        var func = funcDefinition.Construct([.. action.TypeArguments, task]);
        if (replacement is null
            || !SymbolEqualityComparer.Default.Equals(
                semanticModel.GetSpeculativeTypeInfo(declaredType.SpanStart, replacement, SpeculativeBindingOption.BindAsTypeOrNamespace).Type, func))
        {
            return null;
        }

        // The registration now binds to the Func<..., Task> overload; every other use of the local must compile too.
        replacement = replacement.WithTriviaFrom(declaredType).WithAdditionalAnnotations(Formatter.Annotation);
        if (!await CompilesAsync(document, semanticModel, declaredType, replacement, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Plan(declaredType, replacement, $"Declare '{declarator.Identifier.ValueText}' as a Func returning Task", ActionLocalKey);
    }

    private static bool IsSystemAction(INamedTypeSymbol type, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(
            type.OriginalDefinition,
            KnownTypes.Get(compilation).Find(KnownTypeNames.WithArity(KnownTypeNames.SystemAction, type.Arity)));

    /// <summary><c>Action</c> to <c>Func&lt;Task&gt;</c>, <c>Action&lt;A, B&gt;</c> to <c>Func&lt;A, B, Task&gt;</c>, qualified or not; or null.</summary>
    private static TypeSyntax? ReplaceActionName(TypeSyntax type, TypeSyntax task)
    {
        var name = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };

        if (name is null || name.Identifier.ValueText != "Action")
        {
            return null;
        }

        var identifier = SyntaxFactory.Identifier("Func").WithTriviaFrom(name.Identifier);
        SimpleNameSyntax func = name switch
        {
            GenericNameSyntax generic => SyntaxFactory.GenericName(identifier, generic.TypeArgumentList.AddArguments(task)),
            _ => SyntaxFactory.GenericName(identifier, SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(task))),
        };
        return type.ReplaceNode(name, func);
    }

    /// <summary>Whether the document has no more errors with the type replaced than without.</summary>
    private static async Task<bool> CompilesAsync(Document document, SemanticModel semanticModel, SyntaxNode target, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var before = CountErrors(semanticModel.GetDiagnostics(cancellationToken: cancellationToken));
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return false;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
        if (await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } changedModel)
        {
            return false;
        }

        var after = CountErrors(changedModel.GetDiagnostics(cancellationToken: cancellationToken));
        foreach (var error in after)
        {
            if (!before.TryGetValue(error.Key, out var count) || count < error.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, int> CountErrors(ImmutableArray<Diagnostic> diagnostics)
    {
        var counts = new Dictionary<string, int>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                counts[diagnostic.Id] = counts.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
            }
        }

        return counts;
    }

    // ---- Shared ---------------------------------------------------------------------------------------------

    private static SyntaxNode? GetDeclaration(SyntaxToken identifier) => identifier.Parent switch
    {
        MethodDeclarationSyntax method when method.Identifier == identifier => method,
        LocalFunctionStatementSyntax localFunction when localFunction.Identifier == identifier => localFunction,
        _ => null,
    };

    private static TypeSyntax? GetReturnType(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax localFunction => localFunction.ReturnType,
        _ => null,
    };

    /// <summary>
    /// Whether the return type can change without touching another declaration: not an override, an interface
    /// implementation, virtual, abstract, extern or partial.
    /// </summary>
    private static bool HasPrivateSignature(IMethodSymbol method)
    {
        if (method.IsOverride || method.IsVirtual || method.IsAbstract || method.IsExtern
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || !method.ExplicitInterfaceImplementations.IsEmpty
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
        {
            return false;
        }

        if (method.ContainingType is { } type)
        {
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
        }

        return true;
    }

    private static async Task<IReadOnlyList<ReferenceLocation>> FindReferencesAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        return references.SelectMany(r => r.Locations).ToList();
    }

    private sealed class Plan(SyntaxNode target, SyntaxNode replacement, string title, string equivalenceKey)
    {
        /// <summary>The type to rewrite, in the document's current root.</summary>
        public SyntaxNode Target { get; } = target;

        public SyntaxNode Replacement { get; } = replacement;

        public string Title { get; } = title;

        public string EquivalenceKey { get; } = equivalenceKey;
    }
}
