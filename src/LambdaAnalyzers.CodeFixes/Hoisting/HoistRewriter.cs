using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace LambdaAnalyzers.Hoisting;

/// <summary>
/// Applies hoist plans to one document in a single pass: one field (or local) per class (or handler) and equivalent
/// creation, the handler's uses renamed, its declarations, <c>using</c>s and disposals removed.
/// </summary>
internal static class HoistRewriter
{
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<HoistPlan> plans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || plans.Count == 0)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        plans = WithoutNested(plans);
        var names = AssignNames(plans);

        var tracked = new List<SyntaxNode>();
        foreach (var plan in plans)
        {
            tracked.AddRange(plan.References);
            tracked.AddRange(plan.DisposeStatements);
            tracked.Add(plan.Creation);
            AddIfNotNull(tracked, plan.Declaration);
            AddIfNotNull(tracked, plan.Using);
            AddIfNotNull(tracked, plan.TypeDeclaration);
            AddIfNotNull(tracked, plan.Anchor);
            tracked.AddRange(plan.Constructors);
        }

        var originalCreations = plans.ToDictionary(p => p, p => p.Creation);
        root = root.TrackNodes(tracked.Distinct());

        // 1. Uses of the local (or the inline creation) name the hoisted client.
        var replacements = plans.SelectMany(p => p.References.Select(r => (Node: (SyntaxNode)r, Name: names[p])))
            .ToDictionary(r => root.GetCurrentNode(r.Node)!, r => r.Name);
        root = root.ReplaceNodes(replacements.Keys, (original, _) => SyntaxFactory.IdentifierName(replacements[original]).WithTriviaFrom(original));

        // 2. using (var x = ...) { body } keeps its body.
        foreach (var plan in plans.Where(p => p.Using is not null))
        {
            var current = root.GetCurrentNode(plan.Using!)!;
            if (current.Parent is BlockSyntax enclosing && current.Statement is BlockSyntax body)
            {
                var spliced = enclosing.Statements.ReplaceRange(current, body.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)));
                root = root.ReplaceNode(enclosing, enclosing.WithStatements(spliced));
            }
            else
            {
                root = root.ReplaceNode(current, current.Statement.WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        // 3. The handler's declaration and disposals go.
        var removed = new List<SyntaxNode>();
        foreach (var plan in plans)
        {
            removed.AddRange(plan.DisposeStatements.Select(s => root.GetCurrentNode(s)!));
            if (plan.Declaration is not null)
            {
                removed.Add(root.GetCurrentNode(plan.Declaration)!);
            }
        }

        root = root.RemoveNodes(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;

        // 4. Locals before nested handlers.
        foreach (var group in plans.Where(p => p.Target == HoistTarget.Local).GroupBy(p => p.Anchor!))
        {
            var anchor = root.GetCurrentNode(group.Key)!;
            var declarations = group.GroupBy(p => names[p]).Select(g => CreateLocal(g.First(), g.Key, originalCreations[g.First()], anchor)).ToList();
            root = anchor switch
            {
                GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit => root.ReplaceNode(
                    unit,
                    unit.WithMembers(unit.Members.InsertRange(unit.Members.IndexOf(global), declarations.Select(d => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(d))))),
                StatementSyntax statement when statement.Parent is BlockSyntax block => root.ReplaceNode(
                    block,
                    block.WithStatements(block.Statements.InsertRange(block.Statements.IndexOf(statement), declarations))),
                _ => root,
            };
        }

        // 5. Fields, and their assignments in constructors.
        foreach (var group in plans.Where(p => p.Target != HoistTarget.Local).GroupBy(p => p.TypeDeclaration!))
        {
            var fields = new List<SyntaxNode>();
            var assignments = new List<StatementSyntax>();
            foreach (var byName in group.GroupBy(p => names[p]))
            {
                var plan = byName.First();
                if (ExistingField(plan) is not null)
                {
                    continue;
                }

                var creation = originalCreations[plan].WithoutTrivia();
                var initializer = plan.Target == HoistTarget.FieldInitializer ? creation : null;
                var modifiers = DeclarationModifiers.ReadOnly.WithIsStatic(plan.IsStatic);
                fields.Add(generator.FieldDeclaration(byName.Key, TypeOf(plan, generator), Accessibility.Private, modifiers, initializer)
                    .WithAdditionalAnnotations(Formatter.Annotation));
                if (initializer is null)
                {
                    assignments.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(byName.Key),
                        creation)).WithAdditionalAnnotations(Formatter.Annotation));
                }
            }

            var first = group.First();
            if (assignments.Count > 0)
            {
                foreach (var constructor in first.Constructors)
                {
                    var current = root.GetCurrentNode(constructor)!;
                    root = root.ReplaceNode(current, AppendStatements(current, assignments));
                }
            }

            var type = root.GetCurrentNode(group.Key)!;
            var members = type.Members;
            var index = LastFieldIndex(members) + 1;
            var newMembers = members.InsertRange(index, fields.Cast<MemberDeclarationSyntax>());
            if (assignments.Count > 0 && first.AddConstructor)
            {
                var constructor = SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
                    .WithBody(SyntaxFactory.Block(assignments))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                newMembers = newMembers.Insert(index + fields.Count, constructor);
            }

            root = root.ReplaceNode(type, type.WithMembers(newMembers));
        }

        return document.WithSyntaxRoot(root);
    }

    private static void AddIfNotNull(List<SyntaxNode> nodes, SyntaxNode? node)
    {
        if (node is not null)
        {
            nodes.Add(node);
        }
    }

    /// <summary>A plan whose creation lies inside another plan's creation moves with it.</summary>
    private static IReadOnlyList<HoistPlan> WithoutNested(IReadOnlyList<HoistPlan> plans) =>
        plans.Where(p => !plans.Any(o => o != p && o.Creation.Span.Contains(p.Creation.Span) && o.Creation.SyntaxTree == p.Creation.SyntaxTree)).ToList();

    /// <summary>
    /// One name per hoisted client: an existing equivalent readonly field is reused, equivalent creations share one,
    /// and new names follow the class's private-field convention and never collide.
    /// </summary>
    private static Dictionary<HoistPlan, string> AssignNames(IReadOnlyList<HoistPlan> plans)
    {
        var names = new Dictionary<HoistPlan, string>();
        var taken = new Dictionary<SyntaxNode, HashSet<string>>();
        var shared = new Dictionary<(SyntaxNode Owner, string Key), string>();
        foreach (var plan in plans)
        {
            var owner = (SyntaxNode?)plan.TypeDeclaration ?? plan.Anchor!;
            var key = (owner, EquivalenceText(plan));
            if (shared.TryGetValue(key, out var existing))
            {
                names[plan] = existing;
                continue;
            }

            if (ExistingField(plan) is { } field)
            {
                names[plan] = shared[key] = field.Name;
                continue;
            }

            if (!taken.TryGetValue(owner, out var ownerNames))
            {
                taken[owner] = ownerNames = [];
            }

            var baseName = plan.Target == HoistTarget.Local ? plan.BaseName : FieldPrefix(plan) + plan.BaseName;
            var name = baseName;
            for (var i = 2; plan.TakenNames.Contains(name) || ownerNames.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
            {
                name = baseName + i;
            }

            ownerNames.Add(name);
            names[plan] = shared[key] = name;
        }

        return names;
    }

    private static string EquivalenceText(HoistPlan plan) =>
        plan.IsStatic + "|" + plan.Target + "|" + plan.Type.ToDisplayString() + "|" + plan.Creation.WithoutTrivia().NormalizeWhitespace().ToFullString();

    /// <summary>A readonly field of the class, of the same type and static-ness, initialized with an equivalent creation.</summary>
    private static IFieldSymbol? ExistingField(HoistPlan plan)
    {
        if (plan.TypeSymbol is null || plan.Target != HoistTarget.FieldInitializer)
        {
            return null;
        }

        foreach (var member in plan.TypeSymbol.GetMembers())
        {
            if (member is IFieldSymbol { IsReadOnly: true, IsImplicitlyDeclared: false } field
                && field.IsStatic == plan.IsStatic
                && SymbolEqualityComparer.Default.Equals(field.Type, plan.Type)
                && field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                && SyntaxFactory.AreEquivalent(value, plan.Creation))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The class's convention for private fields: <c>s_</c> for statics where used, <c>_</c>, or none.</summary>
    private static string FieldPrefix(HoistPlan plan)
    {
        var fields = plan.TypeSymbol!.GetMembers().OfType<IFieldSymbol>()
            .Where(f => !f.IsImplicitlyDeclared && !f.IsConst && f.DeclaredAccessibility == Accessibility.Private && f.CanBeReferencedByName)
            .ToList();
        if (plan.IsStatic && fields.Any(f => f.IsStatic && f.Name.StartsWith("s_", System.StringComparison.Ordinal)))
        {
            return "s_";
        }

        if (fields.Count == 0 || fields.Any(f => f.Name.StartsWith("_", System.StringComparison.Ordinal)))
        {
            return "_";
        }

        return fields.Any(f => char.IsLower(f.Name[0])) ? string.Empty : "_";
    }

    private static SyntaxNode TypeOf(HoistPlan plan, SyntaxGenerator generator) =>
        plan.WrittenType?.WithoutTrivia() ?? generator.TypeExpression(plan.Type);

    /// <summary>
    /// <c>var name = creation;</c> with the anchor's indentation. Built with explicit trivia: the formatter would put
    /// blank lines around a new top-level statement.
    /// </summary>
    private static LocalDeclarationStatementSyntax CreateLocal(HoistPlan plan, string name, ExpressionSyntax creation, SyntaxNode anchor)
    {
        var space = SyntaxFactory.Space;
        var indentation = anchor.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var endOfLine = anchor.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var type = plan.WrittenType?.WithoutTrivia() ?? SyntaxFactory.IdentifierName("var");
        return SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                type.WithTrailingTrivia(space),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name).WithTrailingTrivia(space))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(space),
                        creation.WithoutTrivia())))))
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(endOfLine == default ? SyntaxFactory.CarriageReturnLineFeed : endOfLine);
    }

    private static ConstructorDeclarationSyntax AppendStatements(ConstructorDeclarationSyntax constructor, IEnumerable<StatementSyntax> statements)
    {
        if (constructor.Body is { } body)
        {
            return constructor.WithBody(body.AddStatements(statements.ToArray()));
        }

        var expression = constructor.ExpressionBody!.Expression;
        return constructor
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(SyntaxFactory.Block(new[] { SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()) }.Concat(statements)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static int LastFieldIndex(SyntaxList<MemberDeclarationSyntax> members)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i] is FieldDeclarationSyntax)
            {
                return i;
            }
        }

        return -1;
    }
}
