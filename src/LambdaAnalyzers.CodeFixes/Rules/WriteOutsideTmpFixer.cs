using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0007: writes under the temp folder instead. A string literal at the write, <c>"output.json"</c> or
/// <c>"/var/task/output.json"</c>, becomes <c>Path.Combine(Path.GetTempPath(), "output.json")</c>; a constant of this
/// document used only by writes keeps its name, loses its read-only folder, and is combined the same way at the write.
/// Nothing for <c>AppContext.BaseDirectory</c>, the current directory and <c>Assembly.Location</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WriteOutsideTmpFixer))]
public sealed class WriteOutsideTmpFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0007.TempPath";

    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WriteOutsideTmp);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, semanticModel, diagnostic, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Write under Path.GetTempPath()", ct => ApplyAsync(context.Document, [plan], ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return document;
        }

        var plans = new List<FixPlan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, semanticModel, diagnostic, context.CancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || !diagnostic.Properties.TryGetValue(WriteOutsideTmpAnalyzer.FixProperty, out var fix)
            || !diagnostic.Properties.TryGetValue(WriteOutsideTmpAnalyzer.RelativePartProperty, out var relative)
            || relative is null
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemIOPath) is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site)
        {
            return null;
        }

        if (fix == WriteOutsideTmpAnalyzer.FixLiteral)
        {
            return site is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } ? new FixPlan(site, relative, null) : null;
        }

        if (fix != WriteOutsideTmpAnalyzer.FixConstant
            || site is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
            || semanticModel.GetSymbolInfo(site, cancellationToken).Symbol is not { } constant
            || constant is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
            || constant.DeclaringSyntaxReferences.Length != 1
            || constant.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator
            || declarator.SyntaxTree != root.SyntaxTree
            || (constant is IFieldSymbol && constant.DeclaredAccessibility != Accessibility.Private))
        {
            return null;
        }

        // The constant keeps its name; its value loses the read-only folder, which only a plain literal allows.
        if (value is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
        {
            return null;
        }

        return literal.Token.ValueText == relative
            ? new FixPlan(site, null, null)
            : new FixPlan(site, null, (literal, literal.WithToken(SyntaxFactory.Literal(relative)).WithTriviaFrom(literal)));
    }

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<FixPlan> plans, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var rewrittenConstants = new HashSet<SyntaxNode>();
        foreach (var plan in plans)
        {
            var path = PathTypeExpression();
            var relative = plan.Relative is null ? plan.Site.WithoutTrivia() : generator.LiteralExpression(plan.Relative);
            var combined = generator.InvocationExpression(
                generator.MemberAccessExpression(path, "Combine"),
                generator.InvocationExpression(generator.MemberAccessExpression(path, "GetTempPath")),
                relative);
            editor.ReplaceNode(plan.Site, combined.WithTriviaFrom(plan.Site).WithAdditionalAnnotations(Formatter.Annotation));

            if (plan.ConstantValue is { } constantValue && rewrittenConstants.Add(constantValue.Literal))
            {
                editor.ReplaceNode(constantValue.Literal, constantValue.Replacement);
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// <c>global::System.IO.Path</c> as a member access (a qualified type name would not be the tree the parser makes of
    /// <c>System.IO.Path.Combine</c>), reduced by the simplifier to what the usings allow.
    /// </summary>
    internal static ExpressionSyntax PathTypeExpression() =>
        SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System")),
                SyntaxFactory.IdentifierName("IO")),
            SyntaxFactory.IdentifierName("Path"))
        .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The write's path to combine with the temp folder: a new literal, or the site itself with the constant's new value.</summary>
    private sealed class FixPlan(ExpressionSyntax site, string? relative, (SyntaxNode Literal, SyntaxNode Replacement)? constantValue)
    {
        public ExpressionSyntax Site { get; } = site;

        public string? Relative { get; } = relative;

        public (SyntaxNode Literal, SyntaxNode Replacement)? ConstantValue { get; } = constantValue;
    }
}
