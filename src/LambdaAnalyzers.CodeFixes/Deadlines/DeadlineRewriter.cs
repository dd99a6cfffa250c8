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
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.Deadlines;

/// <summary>
/// Passes a deadline to the flagged calls of one document: per handler, its existing deadline token or one new
/// <c>using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime))</c>; per class, one
/// <c>DeadlineFrom</c> helper and its margin constant (in top-level code, one local function).
/// </summary>
internal static class DeadlineRewriter
{
    /// <summary>The plans that a fix of these diagnostics would apply; empty when none can be fixed.</summary>
    public static async Task<(ImmutableArray<DeadlineCall> Calls, ImmutableDictionary<SyntaxNode, HandlerDeadline> Handlers)> PlanAsync(
        Document document, IEnumerable<Diagnostic> diagnostics, bool allowPartialTypes, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var empty = (ImmutableArray<DeadlineCall>.Empty, ImmutableDictionary<SyntaxNode, HandlerDeadline>.Empty);
        if (root is null || semanticModel is null)
        {
            return empty;
        }

        var calls = new List<DeadlineCall>();
        foreach (var diagnostic in diagnostics)
        {
            if (DeadlinePlanner.GetHandler(diagnostic) is not { } facts)
            {
                continue;
            }

            foreach (var (location, tokenParameter) in DeadlinePlanner.GetCalls(diagnostic))
            {
                // Nested polling loops carry the same delay, and a delay may be fixed by both rules' diagnostics at once.
                if (DeadlinePlanner.TryPlanCall(root, semanticModel, location, tokenParameter, facts, cancellationToken) is { } call
                    && !calls.Any(c => c.Invocation == call.Invocation))
                {
                    calls.Add(call);
                }
            }
        }

        var handlers = ImmutableDictionary.CreateBuilder<SyntaxNode, HandlerDeadline>();
        var accepted = ImmutableArray.CreateBuilder<DeadlineCall>();
        foreach (var group in calls.GroupBy(c => c.Handler))
        {
            var handlerCalls = group.ToList();
            if (DeadlinePlanner.TryPlanHandler(group.Key, handlerCalls, semanticModel, cancellationToken) is not { } deadline
                || (deadline.ExistingToken is null && !CanAddHelper(group.Key, semanticModel, allowPartialTypes, cancellationToken)))
            {
                continue;
            }

            handlers.Add(group.Key, deadline);
            accepted.AddRange(handlerCalls);
        }

        return (accepted.ToImmutable(), handlers.ToImmutable());
    }

    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, bool allowPartialTypes, CancellationToken cancellationToken)
    {
        var (calls, handlers) = await PlanAsync(document, diagnostics, allowPartialTypes, cancellationToken).ConfigureAwait(false);
        if (calls.IsEmpty)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var semanticModel = editor.SemanticModel;
        var generator = editor.Generator;
        var compilation = semanticModel.Compilation;

        var tokenNames = new Dictionary<SyntaxNode, ExpressionSyntax>();
        foreach (var pair in handlers)
        {
            tokenNames[pair.Key] = pair.Value.ExistingToken ?? SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(ChooseSourceName(pair.Key, semanticModel)),
                SyntaxFactory.IdentifierName("Token"));
        }

        // 1. The token goes to every call, innermost first so that nested calls keep their edits.
        foreach (var call in calls.OrderByDescending(c => c.Invocation.SpanStart))
        {
            var token = tokenNames[call.Handler];
            editor.ReplaceNode(call.Invocation, (current, _) => PassToken((InvocationExpressionSyntax)current, call, token));
        }

        // 2. Each handler without a deadline gets its source as its first statement; 3. each class one helper.
        var helperOwners = new HashSet<SyntaxNode>();
        foreach (var pair in handlers)
        {
            if (pair.Value.ExistingToken is not null)
            {
                continue;
            }

            var sourceName = ((IdentifierNameSyntax)((MemberAccessExpressionSyntax)tokenNames[pair.Key]).Expression).Identifier.ValueText;
            var statement = CreateSource(sourceName, pair.Value.ContextName, generator, compilation);
            var handlerNode = pair.Key;
            var method = pair.Value.Method;
            editor.ReplaceNode(handlerNode, (current, _) => InsertFirst(current, statement, method, compilation));

            var owner = GetHelperOwner(handlerNode);
            if (owner is not null && helperOwners.Add(owner) && !HasHelper(owner, semanticModel, cancellationToken))
            {
                AddHelper(editor, owner, pair.Value.Margin, generator, compilation);
            }
        }

        // Simplify first, then format: a top-level local function is laid out only after its names are reduced.
        var changed = await Simplifier.ReduceAsync(editor.GetChangedDocument(), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax PassToken(InvocationExpressionSyntax current, DeadlineCall call, ExpressionSyntax token)
    {
        var arguments = current.ArgumentList.Arguments;
        if (call.ReplacedArgument >= 0 && call.ReplacedArgument < arguments.Count)
        {
            var replaced = arguments[call.ReplacedArgument];
            return current.WithArgumentList(current.ArgumentList.WithArguments(
                arguments.Replace(replaced, replaced.WithExpression(token.WithTriviaFrom(replaced.Expression)))));
        }

        var argument = call.ParameterName is null
            ? SyntaxFactory.Argument(token)
            : SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(call.ParameterName)), default, token);
        return current.WithArgumentList(current.ArgumentList.WithArguments(arguments.Add(argument)));
    }

    /// <summary><c>cts</c>, or <c>cts2</c>, ...: a name no declaration or reference in the handler or its scope uses.</summary>
    private static string ChooseSourceName(SyntaxNode handler, SemanticModel semanticModel)
    {
        var taken = new HashSet<string>();
        foreach (var token in handler.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        foreach (var symbol in semanticModel.LookupSymbols(handler.SpanStart))
        {
            taken.Add(symbol.Name);
        }

        var name = "cts";
        for (var i = 2; taken.Contains(name); i++)
        {
            name = "cts" + i;
        }

        return name;
    }

    /// <summary><c>using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));</c></summary>
    private static StatementSyntax CreateSource(string name, string contextName, SyntaxGenerator generator, Compilation compilation)
    {
        var sourceType = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemThreadingCancellationTokenSource)!;
        var deadline = SyntaxFactory.InvocationExpression(
            SyntaxFactory.IdentifierName(DeadlinePlanner.HelperName),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(contextName), SyntaxFactory.IdentifierName("RemainingTime"))))));
        var creation = (ExpressionSyntax)generator.ObjectCreationExpression(sourceType, deadline);
        return SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                        .WithInitializer(SyntaxFactory.EqualsValueClause(creation)))))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    /// <summary>The statement becomes the body's first; an expression body becomes a block.</summary>
    private static SyntaxNode InsertFirst(SyntaxNode handler, StatementSyntax statement, IMethodSymbol method, Compilation compilation)
    {
        switch (handler)
        {
            case AnonymousFunctionExpressionSyntax { Block: { } block } lambda:
                return lambda.WithBlock(Prepend(block, statement));
            case AnonymousFunctionExpressionSyntax { ExpressionBody: { } expression } lambda:
                return lambda.WithExpressionBody(null).WithBlock(ToBlock(expression, statement, method, compilation));
            case LocalFunctionStatementSyntax { Body: { } block } localFunction:
                return localFunction.WithBody(Prepend(block, statement));
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
                return localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow.Expression, statement, method, compilation));
            case MethodDeclarationSyntax { Body: { } block } methodDeclaration:
                return methodDeclaration.WithBody(Prepend(block, statement));
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } methodDeclaration:
                return methodDeclaration.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow.Expression, statement, method, compilation));
            default:
                return handler;
        }
    }

    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax statement) =>
        block.WithStatements(block.Statements.Insert(0, statement));

    private static BlockSyntax ToBlock(ExpressionSyntax expression, StatementSyntax statement, IMethodSymbol method, Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        var returnsValue = !method.ReturnsVoid && method.ReturnType is INamedTypeSymbol { IsGenericType: true } returnType
            && (SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, types.Find(KnownTypeNames.SystemThreadingTasksTask1))
                || SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, types.Find(KnownTypeNames.SystemThreadingTasksValueTask1)));
        var body = expression.WithoutTrivia();
        StatementSyntax last = returnsValue ? SyntaxFactory.ReturnStatement(body) : SyntaxFactory.ExpressionStatement(body);
        return SyntaxFactory.Block(statement, last).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The class (struct, record) that gets the helper, or the compilation unit of top-level statements.</summary>
    private static SyntaxNode? GetHelperOwner(SyntaxNode handler)
    {
        foreach (var ancestor in handler.Ancestors())
        {
            switch (ancestor)
            {
                case TypeDeclarationSyntax type:
                    return type is InterfaceDeclarationSyntax ? null : type;
                case GlobalStatementSyntax:
                    return ancestor.Parent as CompilationUnitSyntax;
            }
        }

        return null;
    }

    private static bool CanAddHelper(SyntaxNode handler, SemanticModel semanticModel, bool allowPartialTypes, CancellationToken cancellationToken)
    {
        switch (GetHelperOwner(handler))
        {
            case TypeDeclarationSyntax type:
                if (semanticModel.GetDeclaredSymbol(type, cancellationToken) is not INamedTypeSymbol symbol
                    || (!allowPartialTypes && symbol.DeclaringSyntaxReferences.Length > 1))
                {
                    return false;
                }

                var helper = FindHelper(symbol.GetMembers(DeadlinePlanner.HelperName), semanticModel.Compilation);
                return helper is not null
                    || (symbol.GetMembers(DeadlinePlanner.HelperName).IsEmpty && symbol.GetMembers(DeadlinePlanner.MarginName).IsEmpty);
            case CompilationUnitSyntax unit:
                var names = semanticModel.LookupSymbols(handler.SpanStart, name: DeadlinePlanner.HelperName);
                return FindHelper(names, semanticModel.Compilation) is not null || names.IsEmpty;
            default:
                return false;
        }
    }

    private static bool HasHelper(SyntaxNode owner, SemanticModel semanticModel, CancellationToken cancellationToken) => owner switch
    {
        TypeDeclarationSyntax type => semanticModel.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol
            && FindHelper(symbol.GetMembers(DeadlinePlanner.HelperName), semanticModel.Compilation) is not null,
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Any(s =>
            s.Statement is LocalFunctionStatementSyntax { Identifier.ValueText: DeadlinePlanner.HelperName }),
        _ => false,
    };

    /// <summary>An existing <c>static TimeSpan DeadlineFrom(TimeSpan)</c>, the fixer's own helper from an earlier fix.</summary>
    private static IMethodSymbol? FindHelper(ImmutableArray<ISymbol> candidates, Compilation compilation)
    {
        var timeSpan = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemTimeSpan);
        foreach (var candidate in candidates)
        {
            if (candidate is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } method
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, timeSpan)
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, timeSpan))
            {
                return method;
            }
        }

        return null;
    }

    private static void AddHelper(DocumentEditor editor, SyntaxNode owner, int margin, SyntaxGenerator generator, Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        var timeSpan = generator.TypeExpression(types.Find(KnownTypeNames.SystemTimeSpan)!);
        var timeout = generator.TypeExpression(types.Find(KnownTypeNames.SystemThreadingTimeout)!);
        var remaining = generator.IdentifierName("remainingTime");
        var deadline = generator.IdentifierName("deadline");
        SyntaxNode FromMilliseconds(SyntaxNode value) =>
            generator.InvocationExpression(generator.MemberAccessExpression(timeSpan, "FromMilliseconds"), value);
        var maximum = generator.InvocationExpression(generator.MemberAccessExpression(timeSpan, "FromSeconds"), generator.LiteralExpression(900));
        var statements = new[]
        {
            // RemainingTime is zero or less when unknown (TestLambdaContext, the local test tool): no deadline then.
            generator.IfStatement(
                generator.LessThanOrEqualExpression(remaining, generator.MemberAccessExpression(timeSpan, "Zero")),
                new[] { generator.ReturnStatement(generator.MemberAccessExpression(timeout, "InfiniteTimeSpan")) }),
            generator.LocalDeclarationStatement("deadline", generator.SubtractExpression(remaining, FromMilliseconds(generator.IdentifierName(DeadlinePlanner.MarginName)))),
            generator.IfStatement(
                generator.LessThanExpression(deadline, FromMilliseconds(generator.LiteralExpression(1))),
                new[] { generator.ReturnStatement(FromMilliseconds(generator.LiteralExpression(1))) }),
            generator.ReturnStatement(generator.ConditionalExpression(generator.LessThanExpression(deadline, maximum), deadline, maximum)),
        };
        var comment = SyntaxFactory.TriviaList(
            SyntaxFactory.Comment("// The deadline of this invocation's calls: RemainingTime less a margin, at least 1 ms and at most the 900 s"),
            SyntaxFactory.ElasticCarriageReturnLineFeed,
            SyntaxFactory.Comment("// Lambda timeout limit; none when RemainingTime is zero or less (unknown, as under TestLambdaContext)."),
            SyntaxFactory.ElasticCarriageReturnLineFeed);

        var helper = (MethodDeclarationSyntax)generator.MethodDeclaration(
            DeadlinePlanner.HelperName,
            new[] { generator.ParameterDeclaration("remainingTime", timeSpan) },
            returnType: timeSpan,
            accessibility: Accessibility.Private,
            modifiers: DeclarationModifiers.Static,
            statements: statements);

        if (owner is CompilationUnitSyntax unit)
        {
            // Top-level code: a static local function after the last statement, with the margin as a local constant.
            var constant = (StatementSyntax)generator.LocalDeclarationStatement(
                generator.TypeExpression(SpecialType.System_Int32), DeadlinePlanner.MarginName, generator.LiteralExpression(margin), isConst: true);
            // The formatter keeps a generated local function of top-level code on one line: break its lines here
            // (the formatter then adds the blank lines after blocks).
            var eol = unit.ToFullString().Contains("\r\n") ? "\r\n" : "\n";
            var localFunction = SyntaxFactory.LocalFunctionStatement(
                    SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.StaticKeyword)),
                    helper.ReturnType,
                    helper.Identifier,
                    null,
                    helper.ParameterList,
                    default,
                    helper.Body!.WithStatements(helper.Body.Statements.Insert(0, constant)),
                    null)
                .NormalizeWhitespace("    ", eol)
                .WithLeadingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed).AddRange(comment));
            var last = unit.Members.OfType<GlobalStatementSyntax>().Last();
            editor.InsertAfter(last, SyntaxFactory.GlobalStatement(localFunction).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
            return;
        }

        var field = generator.FieldDeclaration(
            DeadlinePlanner.MarginName, generator.TypeExpression(SpecialType.System_Int32), Accessibility.Private, DeclarationModifiers.Const, generator.LiteralExpression(margin));
        editor.AddMember(owner, field.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
        editor.AddMember(owner, helper.WithLeadingTrivia(comment).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
    }
}
