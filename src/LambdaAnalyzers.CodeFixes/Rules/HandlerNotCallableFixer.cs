using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0012: a handler whose input or returned data needs a serializer gets the assembly's,
/// <c>[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]</c>, in the handler's file. Offered only where
/// Amazon.Lambda.Serialization.SystemTextJson is referenced and the assembly has no serializer yet: the attribute is
/// allowed once per assembly. Fix All adds one per project, whatever the number of diagnostics and files, so it has a
/// provider of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandlerNotCallableFixer))]
public sealed class HandlerNotCallableFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0012.AssemblySerializer";

    private const string Title = "Add [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HandlerNotCallable);

    public override FixAllProvider GetFixAllProvider() => OnePerProjectFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (NeedsSerializer(diagnostic)
                && await PlanAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, plan, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static bool NeedsSerializer(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HandlerNotCallableAnalyzer.ReasonProperty, out var reason)
        && reason is HandlerNotCallableAnalyzer.InputNeedsSerializer or HandlerNotCallableAnalyzer.OutputNeedsSerializer;

    /// <summary>
    /// The attribute and serializer types when the document's project can take the attribute: both types are referenced,
    /// and the assembly declares no serializer yet (a second one would not compile).
    /// </summary>
    private static async Task<Plan?> PlanAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax
            || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return null;
        }

        var types = KnownTypes.Get(compilation);
        if (types.Find(KnownTypeNames.AmazonLambdaCoreLambdaSerializerAttribute, KnownTypeNames.AmazonLambdaCoreAssemblyName) is not { } attribute
            || types.Find(KnownTypeNames.AmazonLambdaSerializationSystemTextJsonDefaultLambdaJsonSerializer, KnownTypeNames.AmazonLambdaSerializationSystemTextJsonAssemblyName) is not { } serializer)
        {
            return null;
        }

        foreach (var existing in compilation.Assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(existing.AttributeClass, attribute))
            {
                return null;
            }
        }

        return new Plan(attribute, serializer);
    }

    private static async Task<Document> ApplyAsync(Document document, Plan plan, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        // Written fully qualified, then imported and simplified: LambdaSerializer(typeof(DefaultLambdaJsonSerializer)).
        var generator = SyntaxGenerator.GetGenerator(document);
        var attribute = generator.Attribute(
                generator.TypeExpression(plan.Attribute).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
                new[] { generator.AttributeArgument(generator.TypeOfExpression(generator.TypeExpression(plan.Serializer).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation))) })
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        var newRoot = generator.AddAttributes(root, attribute);
        return await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(newRoot), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private sealed class Plan(INamedTypeSymbol attribute, INamedTypeSymbol serializer)
    {
        public INamedTypeSymbol Attribute { get; } = attribute;

        public INamedTypeSymbol Serializer { get; } = serializer;
    }

    /// <summary>
    /// One attribute per project in scope, in the first file (by path, then position) holding a diagnostic the fix
    /// applies to: every handler of the assembly shares it.
    /// </summary>
    private sealed class OnePerProjectFixAll : FixAllProvider
    {
        public static OnePerProjectFixAll Instance { get; } = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(fixAllContext.CodeActionEquivalenceKey == EquivalenceKey
                ? CodeAction.Create(Title, ct => FixAllAsync(fixAllContext, ct), EquivalenceKey)
                : null);

        private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document
                    ? context.Document is { } document ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false) : ImmutableArray<Diagnostic>.Empty
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var first = diagnostics
                    .Where(d => NeedsSerializer(d) && d.Location.SourceTree is not null)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start)
                    .Select(d => project.GetDocument(d.Location.SourceTree))
                    .FirstOrDefault(d => d is not null);
                if (first is null || await PlanAsync(first, cancellationToken).ConfigureAwait(false) is not { } plan)
                {
                    continue;
                }

                var fixedDocument = await ApplyAsync(first, plan, cancellationToken).ConfigureAwait(false);
                if (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } fixedRoot)
                {
                    solution = solution.WithDocumentSyntaxRoot(first.Id, fixedRoot);
                }
            }

            return solution;
        }
    }
}
