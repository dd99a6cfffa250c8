using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// LMB0015: reports the dropped record as the catch's first statement,
/// <c>failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId })</c> (the sequence
/// number for streams). Offered when exactly one failure list flows into the response (the analyzer names it), when the
/// list and the record bind to the same variables inside the catch, and when the list's element is a failure with an
/// <c>ItemIdentifier</c>. Fix All inserts one statement into each catch.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BatchRecordNotReportedFixer))]
public sealed class BatchRecordNotReportedFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0015.ReportFailure";

    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BatchRecordNotReported);

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
                CodeAction.Create($"Report the record in '{plan.ListName}'", ct => ApplyAsync(context.Document, [plan], ct), EquivalenceKey),
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
        var properties = diagnostic.Properties;
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || diagnostic.AdditionalLocations.Count < 2
            || !properties.TryGetValue(BatchRecordNotReportedAnalyzer.IdPathProperty, out var idPath) || idPath is not { Length: > 0 }
            || !properties.TryGetValue(BatchRecordNotReportedAnalyzer.ListProperty, out var listKind)
            || !properties.TryGetValue(BatchRecordNotReportedAnalyzer.RecordProperty, out var recordKind)
            || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<CatchClauseSyntax>() is not { } clause)
        {
            return null;
        }

        // Where the statement goes: what binds there is what the new statement reads.
        var position = clause.Block.OpenBraceToken.Span.End;
        if (ListAt(root, semanticModel, diagnostic.AdditionalLocations[1], listKind, position, cancellationToken) is not { } list
            || RecordAt(root, semanticModel, diagnostic.AdditionalLocations[0], recordKind, clause, position, cancellationToken) is not { } record
            || !HasItemIdentifier(list.Element))
        {
            return null;
        }

        return new FixPlan(clause, list.Expression, list.Name, list.Element, record, idPath.Split('.'));
    }

    /// <summary>The failure list as it is written inside the catch (<c>failures</c>, <c>response.BatchItemFailures</c>) and its element type.</summary>
    private static (ExpressionSyntax Expression, string Name, ITypeSymbol Element)? ListAt(
        SyntaxNode root, SemanticModel semanticModel, Location location, string? kind, int position, CancellationToken cancellationToken)
    {
        if (location.SourceTree != root.SyntaxTree
            || root.FindToken(location.SourceSpan.Start).Parent is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || declarator.SpanStart >= position
            || semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || !BindsTo(semanticModel, position, local))
        {
            return null;
        }

        ExpressionSyntax expression = SyntaxFactory.IdentifierName(local.Name);
        var listType = local.Type;
        if (kind == BatchRecordNotReportedAnalyzer.ListResponse)
        {
            if (local.Type.GetMembers("BatchItemFailures").FirstOrDefault() is not IPropertySymbol property)
            {
                return null;
            }

            expression = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName(property.Name));
            listType = property.Type;
        }
        else if (kind != BatchRecordNotReportedAnalyzer.ListLocal)
        {
            return null;
        }

        return listType is INamedTypeSymbol { TypeArguments.Length: 1 } generic && HasAdd(generic)
            ? (expression, expression.ToString(), generic.TypeArguments[0])
            : null;
    }

    /// <summary>The current record as the statement reads it: its variable, or a copy of <c>Records[i]</c> in the same loop.</summary>
    private static ExpressionSyntax? RecordAt(
        SyntaxNode root, SemanticModel semanticModel, Location location, string? kind, CatchClauseSyntax clause, int position, CancellationToken cancellationToken)
    {
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        if (kind == BatchRecordNotReportedAnalyzer.RecordVariable)
        {
            var token = root.FindToken(location.SourceSpan.Start);
            var symbol = token.Parent is { } declaration ? semanticModel.GetDeclaredSymbol(declaration, cancellationToken) : null;
            return symbol is ILocalSymbol or IParameterSymbol && symbol.Name == token.ValueText && BindsTo(semanticModel, position, symbol)
                ? SyntaxFactory.IdentifierName(token.ValueText)
                : null;
        }

        // Records[i]: the loop's counter is in scope anywhere in the loop's body.
        return kind == BatchRecordNotReportedAnalyzer.RecordExpression
            && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is ElementAccessExpressionSyntax indexer
            && indexer.FirstAncestorOrSelf<ForStatementSyntax>() is { } loop
            && loop.Statement.Span.Contains(clause.Span)
                ? indexer.WithoutTrivia()
                : null;
    }

    private static bool BindsTo(SemanticModel semanticModel, int position, ISymbol symbol)
    {
        foreach (var found in semanticModel.LookupSymbols(position, name: symbol.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(found, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAdd(INamedTypeSymbol listType)
    {
        var element = listType.TypeArguments[0];
        for (ITypeSymbol? type = listType; type is not null; type = type.BaseType)
        {
            if (FindAdd(type, element))
            {
                return true;
            }
        }

        foreach (var implemented in listType.AllInterfaces)
        {
            if (FindAdd(implemented, element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FindAdd(ITypeSymbol type, ITypeSymbol element)
    {
        foreach (var member in type.GetMembers("Add"))
        {
            if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 1 } add
                && SymbolEqualityComparer.Default.Equals(add.Parameters[0].Type, element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasItemIdentifier(ITypeSymbol element) =>
        element.GetMembers("ItemIdentifier").FirstOrDefault() is IPropertySymbol { SetMethod: not null, Type.SpecialType: SpecialType.System_String }
        && element is INamedTypeSymbol { InstanceConstructors: var constructors }
        && constructors.Any(c => c.Parameters.IsEmpty);

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<FixPlan> plans, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        foreach (var plan in plans)
        {
            var identifier = plan.Record;
            foreach (var member in plan.IdPath)
            {
                identifier = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, identifier, SyntaxFactory.IdentifierName(member));
            }

            var failure = SyntaxFactory.ObjectCreationExpression((TypeSyntax)generator.TypeExpression(plan.Element).WithAdditionalAnnotations(Simplifier.Annotation))
                .WithInitializer(SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(
                        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("ItemIdentifier"), identifier))));
            var statement = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, plan.List, SyntaxFactory.IdentifierName("Add")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(failure)))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            // From the current block: Fix All may have changed a catch nested in this one already.
            editor.ReplaceNode(plan.Clause.Block, (current, _) =>
            {
                var block = (BlockSyntax)current;
                return block.WithStatements(block.Statements.Insert(0, statement)).WithAdditionalAnnotations(Formatter.Annotation);
            });
        }

        return editor.GetChangedDocument();
    }

    private sealed class FixPlan(CatchClauseSyntax clause, ExpressionSyntax list, string listName, ITypeSymbol element, ExpressionSyntax record, string[] idPath)
    {
        public CatchClauseSyntax Clause { get; } = clause;

        public ExpressionSyntax List { get; } = list;

        public string ListName { get; } = listName;

        public ITypeSymbol Element { get; } = element;

        public ExpressionSyntax Record { get; } = record;

        public IReadOnlyList<string> IdPath { get; } = idPath;
    }
}
