using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0008: wraps the statements from the one that creates the file to the end of its block in
/// <c>try { ... } finally { File.Delete(path); }</c>. Offered only when the path is a local declared (and never
/// reassigned) in that block, and the block has no <c>yield</c>, <c>goto</c>, label or local function that the wrapping
/// would hide. No Fix All: where the file may be deleted is a judgment call for each site.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TmpFileNotDeletedFixer))]
public sealed class TmpFileNotDeletedFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "LMB0008.TryFinallyDelete";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TmpFileNotDeleted);

    public override FixAllProvider? GetFixAllProvider() => null;

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
                CodeAction.Create(
                    $"Delete '{plan.Local.Name}' in a finally block",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(plan.Block, Wrap(plan)))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax creation)
        {
            return null;
        }

        // The analyzer names the local that holds the path; GetTempFileName creates the file when the declaration runs.
        // In code a handler reaches, the chain's first call follows the holder.
        if (diagnostic.AdditionalLocations.Count is not (1 or 2)
            || diagnostic.AdditionalLocations[0] is not { } holder
            || holder.SourceTree != root.SyntaxTree
            || !diagnostic.Properties.TryGetValue(TmpFileNotDeletedAnalyzer.KindProperty, out var kind)
            || root.FindToken(holder.SourceSpan.Start).Parent is not VariableDeclaratorSyntax holderDeclarator
            || semanticModel.GetDeclaredSymbol(holderDeclarator, cancellationToken) is not ILocalSymbol local)
        {
            return null;
        }

        var wrapsFromNext = kind == TmpFileNotDeletedAnalyzer.KindTempFileName;
        if (local is not { IsConst: false, IsUsing: false, Type.SpecialType: SpecialType.System_String }
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declared
            || declared.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
            || declaration.Parent is not BlockSyntax block)
        {
            return null;
        }

        var statements = block.Statements;
        var declarationIndex = statements.IndexOf(declaration);
        var start = wrapsFromNext ? declarationIndex + 1 : IndexOfStatementContaining(block, creation);
        if (declarationIndex < 0
            || start <= declarationIndex
            || start >= statements.Count
            || (wrapsFromNext && !declaration.Span.Contains(creation.Span))
            || HasJumpsOrHiddenDeclarations(block, start)
            || IsWrittenAgain(block, local, semanticModel, cancellationToken))
        {
            return null;
        }

        return new FixPlan(block, start, local);
    }

    /// <summary>
    /// The index of the innermost statement holding the node when that statement is directly in the block, not through a
    /// lambda or local function; -1 otherwise.
    /// </summary>
    private static int IndexOfStatementContaining(BlockSyntax block, SyntaxNode node)
    {
        for (var current = node; current is not null && current != block; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return -1;
                case StatementSyntax statement:
                    return statement.Parent == block ? block.Statements.IndexOf(statement) : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// <c>yield</c> and <c>goto</c> anywhere in the block, labels, and local functions among the wrapped statements
    /// (visible to the whole block now, only inside the <c>try</c> after).
    /// </summary>
    private static bool HasJumpsOrHiddenDeclarations(BlockSyntax block, int start)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is YieldStatementSyntax or GotoStatementSyntax or LabeledStatementSyntax)
            {
                return true;
            }
        }

        for (var i = start; i < block.Statements.Count; i++)
        {
            if (block.Statements[i] is LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the local is assigned, or passed by <c>ref</c>/<c>out</c>, after its declaration.</summary>
    private static bool IsWrittenAgain(BlockSyntax block, ILocalSymbol local, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var identifier in block.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name)
            {
                continue;
            }

            var written = identifier.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == identifier,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                _ => false,
            };
            if (written && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static BlockSyntax Wrap(FixPlan plan)
    {
        var statements = plan.Block.Statements;
        var file = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System")),
                    SyntaxFactory.IdentifierName("IO")),
                SyntaxFactory.IdentifierName("File"))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var delete = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, file, SyntaxFactory.IdentifierName("Delete")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(plan.Local.Name))))));
        var tryStatement = SyntaxFactory.TryStatement(
                SyntaxFactory.Block(statements.Skip(plan.Start)),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(delete)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return plan.Block.WithStatements(SyntaxFactory.List(statements.Take(plan.Start).Append<StatementSyntax>(tryStatement)));
    }

    private sealed class FixPlan(BlockSyntax block, int start, ILocalSymbol local)
    {
        public BlockSyntax Block { get; } = block;

        public int Start { get; } = start;

        public ILocalSymbol Local { get; } = local;
    }
}
