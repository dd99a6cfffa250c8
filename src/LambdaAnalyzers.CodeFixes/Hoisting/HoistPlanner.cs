using System.Collections.Generic;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Hoisting;

/// <summary>
/// Decides whether a creation reported by LMB0001 can be moved out of the handler without changing what the code
/// means or breaking the build, and how. Returns null whenever it cannot be sure.
/// </summary>
internal static class HoistPlanner
{
    public static HoistPlan? TryPlan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax creation
            || creation is not (BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
            || !diagnostic.Properties.TryGetValue(ClientCreatedPerInvocationAnalyzer.HoistProperty, out var hoist)
            || !diagnostic.Properties.TryGetValue(ClientCreatedPerInvocationAnalyzer.ClientTypeProperty, out var clientType)
            || clientType is null
            || semanticModel.GetTypeInfo(creation, cancellationToken).Type is not { TypeKind: not TypeKind.Error } createdType)
        {
            return null;
        }

        var plan = new HoistPlan { Creation = creation, BaseName = ToCamelCase(WithoutAmazonPrefix(clientType)) };
        if (!TryPlanUses(plan, creation, createdType, semanticModel, cancellationToken))
        {
            return null;
        }

        if (hoist == ClientCreatedPerInvocationAnalyzer.HoistToLocal)
        {
            return TryGetHandlerSpan(diagnostic, root) is { } span
                && root.FindNode(span, getInnermostNodeForTie: true) is { } handler
                && TryPlanLocal(plan, handler, semanticModel, cancellationToken)
                ? plan
                : null;
        }

        // Whether the class lives across invocations is the analyzer's to say; without it no field is planned.
        return diagnostic.Properties.TryGetValue(ClientCreatedPerInvocationAnalyzer.ReusedInstanceProperty, out var reused)
            && reused is "true" or "false"
            && TryPlanField(plan, reused == "true", semanticModel, cancellationToken)
            ? plan
            : null;
    }

    private static TextSpan? TryGetHandlerSpan(Diagnostic diagnostic, SyntaxNode root)
    {
        if (!diagnostic.Properties.TryGetValue(ClientCreatedPerInvocationAnalyzer.HandlerSpanProperty, out var value) || value is null)
        {
            return null;
        }

        var parts = value.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && start + length <= root.FullSpan.End
            ? new TextSpan(start, length)
            : null;
    }

    /// <summary>
    /// The creation initializes a local used only as a receiver (<c>s3.GetObjectAsync(...)</c>), disposed or not, or is
    /// itself a receiver (<c>new AmazonS3Client().ListBucketsAsync()</c>). Anything else (the local reassigned,
    /// returned, passed to a method, aliased) declines.
    /// </summary>
    private static bool TryPlanUses(HoistPlan plan, ExpressionSyntax creation, ITypeSymbol createdType, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (creation.Parent is MemberAccessExpressionSyntax receiver && receiver.Expression == creation)
        {
            plan.Type = createdType;
            plan.References = ImmutableArray.Create(creation);
            return true;
        }

        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
        {
            return false;
        }

        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax statement when statement.Parent is BlockSyntax:
                plan.Declaration = statement;
                break;
            case UsingStatementSyntax usingStatement when CanUnwrap(usingStatement):
                plan.Using = usingStatement;
                break;
            default:
                return false;
        }

        // A 'var' local is nullable-annotated; the field takes the created type as written.
        plan.Type = declaration.Type.IsVar ? createdType : local.Type;
        plan.WrittenType = declaration.Type.IsVar ? null : declaration.Type;
        if (plan.Type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        var scope = declaration.Parent.Parent!;
        var references = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var disposals = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (GetDisposeStatement(name) is { } disposal)
            {
                if (disposal.Parent is not BlockSyntax)
                {
                    return false;
                }

                disposals.Add(disposal);
            }
            else if (name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
                || name.Parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == name)
            {
                references.Add(name);
            }
            else
            {
                return false;
            }
        }

        plan.References = references.ToImmutable();
        plan.DisposeStatements = disposals.ToImmutable();
        return true;
    }

    /// <summary><c>x.Dispose();</c>, <c>x?.Dispose();</c>, <c>await x.DisposeAsync();</c> (with or without ConfigureAwait).</summary>
    private static StatementSyntax? GetDisposeStatement(IdentifierNameSyntax name)
    {
        SimpleNameSyntax? member = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Expression == name => access.Name,
            ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } } conditional
                when conditional.Expression == name => binding.Name,
            _ => null,
        };
        if (member?.Identifier.ValueText is not ("Dispose" or "DisposeAsync"))
        {
            return null;
        }

        SyntaxNode? current = member.Parent is MemberAccessExpressionSyntax ? member.Parent.Parent : name.Parent;
        if (current is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation && member.Parent is MemberAccessExpressionSyntax)
        {
            current = invocation;
        }
        else if (member.Parent is not MemberBindingExpressionSyntax)
        {
            return null;
        }

        while (current?.Parent is AwaitExpressionSyntax
            or InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } }
            or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" })
        {
            current = current.Parent;
        }

        return current?.Parent as ExpressionStatementSyntax;
    }

    /// <summary>The body of <c>using (var x = ...)</c> can replace the statement when its names do not collide with the enclosing block's.</summary>
    private static bool CanUnwrap(UsingStatementSyntax usingStatement)
    {
        if (usingStatement.Parent is not BlockSyntax enclosing || usingStatement.Statement is not BlockSyntax body)
        {
            // The body replaces the statement as it is: an embedded statement, or a block kept as a block.
            return true;
        }

        // The body's statements join the enclosing block: their names must not meet the names declared there.
        var inner = new HashSet<string>(body.Statements.SelectMany(DeclaredNames));
        return inner.Count == 0 || !enclosing.Statements.Where(s => s != usingStatement).SelectMany(DeclaredNames).Any(inner.Contains);
    }

    private static bool TryPlanField(HoistPlan plan, bool reusedInstance, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (plan.Creation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || method.Parent is not TypeDeclarationSyntax typeDeclaration
            || semanticModel.GetDeclaredSymbol(method, cancellationToken) is not { } methodSymbol
            || semanticModel.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not { } typeSymbol)
        {
            return false;
        }

        var uses = Inspect(plan.Creation, semanticModel, cancellationToken);
        if (uses.Declines || uses.Locals.Count > 0)
        {
            return false;
        }

        var hasPrimaryConstructor = typeDeclaration.ParameterList is not null;
        var instanceField = !methodSymbol.IsStatic && typeSymbol.TypeKind == TypeKind.Class && reusedInstance;
        if (!instanceField && (uses.Instance || uses.PrimaryConstructorParameters))
        {
            return false;
        }

        plan.TypeDeclaration = typeDeclaration;
        plan.TypeSymbol = typeSymbol;
        plan.IsStatic = !instanceField;
        plan.TakenNames = TakenMemberNames(typeSymbol).Union(DeclaredNames(method));

        if (!uses.Instance)
        {
            plan.Target = HoistTarget.FieldInitializer;
            return true;
        }

        // Instance members cannot be read in a field initializer: assign the field in every constructor instead.
        if (hasPrimaryConstructor)
        {
            return false;
        }

        var constructors = ImmutableArray.CreateBuilder<ConstructorDeclarationSyntax>();
        foreach (var constructor in typeSymbol.InstanceConstructors)
        {
            if (constructor.IsImplicitlyDeclared)
            {
                continue;
            }

            if (constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax syntax
                || syntax.SyntaxTree != typeDeclaration.SyntaxTree
                || syntax.Body is null && syntax.ExpressionBody is null)
            {
                // A constructor in another document (or without a body) would leave the field unassigned.
                return false;
            }

            if (syntax.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
            {
                continue;
            }

            constructors.Add(syntax);
        }

        plan.Target = HoistTarget.FieldInConstructors;
        plan.Constructors = constructors.ToImmutable();
        plan.AddConstructor = constructors.Count == 0;
        return true;
    }

    private static bool TryPlanLocal(HoistPlan plan, SyntaxNode handler, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (handler is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
            || handler is LocalFunctionStatementSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            // A static handler cannot capture a local.
            return false;
        }

        var statement = handler is LocalFunctionStatementSyntax localFunction
            ? FirstUse(localFunction, semanticModel, cancellationToken)
            : handler.Parent?.FirstAncestorOrSelf<StatementSyntax>();
        SyntaxNode? anchor = statement?.Parent switch
        {
            GlobalStatementSyntax global => global,
            BlockSyntax => statement,
            _ => null,
        };
        if (anchor is null)
        {
            return false;
        }

        var uses = Inspect(plan.Creation, semanticModel, cancellationToken);
        if (uses.Declines)
        {
            return false;
        }

        foreach (var symbol in uses.Locals)
        {
            // A local or parameter of the enclosing init code, declared before the anchor, stays in scope there.
            var declared = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.Span;
            if (declared is not { } span
                || handler.Span.Contains(span)
                || symbol is ILocalSymbol && span.End > anchor.SpanStart
                || !semanticModel.LookupSymbols(anchor.SpanStart, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
            {
                return false;
            }
        }

        plan.Target = HoistTarget.Local;
        plan.Anchor = anchor;
        SyntaxNode body = anchor is GlobalStatementSyntax
            ? anchor.Parent!
            : anchor.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) ?? anchor.Parent!;

        // The handler's local moves out under its own name when nothing else in the body uses that name.
        var declaredNames = DeclaredNames(body).ToList();
        var moved = plan.Declaration is LocalDeclarationStatementSyntax declaration ? declaration.Declaration : plan.Using?.Declaration;
        if (moved is { Variables.Count: 1 })
        {
            var name = moved.Variables[0].Identifier.ValueText;
            declaredNames.Remove(name);
            plan.BaseName = name;
        }

        var visible = semanticModel.LookupSymbols(anchor.SpanStart)
            .Where(s => s.Kind is SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property or SymbolKind.Method)
            .Select(s => s.Name);
        plan.TakenNames = declaredNames.Concat(visible).ToImmutableHashSet();
        return true;
    }

    /// <summary>
    /// Where a local captured by a local function must already be assigned: the first statement of its block that
    /// uses the function, directly or through the other local functions that call it; its own declaration when nothing
    /// uses it.
    /// </summary>
    private static StatementSyntax? FirstUse(LocalFunctionStatementSyntax localFunction, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var siblings = (localFunction.Parent switch
        {
            BlockSyntax block => block.Statements,
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement),
            _ => [],
        }).ToList();
        var functions = siblings.OfType<LocalFunctionStatementSyntax>().ToList();

        // The local functions that reach this one.
        var reaching = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (semanticModel.GetDeclaredSymbol(localFunction, cancellationToken) is { } target)
        {
            reaching.Add(target);
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (semanticModel.GetDeclaredSymbol(function, cancellationToken) is { } symbol
                    && !reaching.Contains(symbol)
                    && References(function, reaching, semanticModel, cancellationToken))
                {
                    changed = reaching.Add(symbol);
                }
            }
        }

        foreach (var sibling in siblings)
        {
            if (sibling is not LocalFunctionStatementSyntax && References(sibling, reaching, semanticModel, cancellationToken))
            {
                return sibling;
            }
        }

        return localFunction;
    }

    private static bool References(SyntaxNode node, HashSet<ISymbol> symbols, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var name in node.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (semanticModel.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition is { } symbol && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Uses
    {
        public bool Declines { get; set; }

        public bool Instance { get; set; }

        public bool PrimaryConstructorParameters { get; set; }

        public List<ISymbol> Locals { get; } = [];
    }

    /// <summary>What the creation reads besides constants and static members.</summary>
    private static Uses Inspect(ExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var uses = new Uses();
        foreach (var node in creation.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case AwaitExpressionSyntax or QueryExpressionSyntax or StackAllocArrayCreationExpressionSyntax:
                    uses.Declines = true;
                    break;

                case ThisExpressionSyntax or BaseExpressionSyntax:
                    uses.Instance = true;
                    break;

                case IdentifierNameSyntax name when !IsMemberName(name) && !IsInitializedMember(name) && name.Parent is not NameColonSyntax:
                    var symbol = semanticModel.GetSymbolInfo(name, cancellationToken).Symbol;
                    switch (symbol)
                    {
                        case null:
                            uses.Declines |= semanticModel.GetSymbolInfo(name, cancellationToken).CandidateSymbols.Length > 0;
                            break;
                        case ILocalSymbol or IParameterSymbol when DeclaredInside(symbol, creation):
                            break;
                        case IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
                            when constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax):
                            uses.PrimaryConstructorParameters = true;
                            break;
                        case ILocalSymbol or IParameterSymbol:
                            uses.Locals.Add(symbol);
                            break;
                        case IRangeVariableSymbol:
                            uses.Declines = true;
                            break;
                        case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol when !symbol.IsStatic && symbol is not IMethodSymbol { MethodKind: MethodKind.LocalFunction }:
                            uses.Instance = true;
                            break;
                        case IMethodSymbol { MethodKind: MethodKind.LocalFunction }:
                            uses.Declines = true;
                            break;
                    }

                    break;
            }
        }

        return uses;
    }

    private static bool IsMemberName(IdentifierNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name
        || name.Parent is MemberBindingExpressionSyntax
        || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name;

    /// <summary><c>ServiceURL</c> in <c>new AmazonS3Config { ServiceURL = ... }</c> names a member of the new object.</summary>
    private static bool IsInitializedMember(IdentifierNameSyntax name) =>
        name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name
        && assignment.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression or (int)SyntaxKind.WithInitializerExpression };

    private static bool DeclaredInside(ISymbol symbol, SyntaxNode node) =>
        symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && node.Span.Contains(r.Span));

    /// <summary>Names of the type's members and of its base types' members.</summary>
    private static ImmutableHashSet<string> TakenMemberNames(INamedTypeSymbol type)
    {
        var names = ImmutableHashSet.CreateBuilder<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            names.UnionWith(current.MemberNames);
        }

        names.Add(type.Name);
        return names.ToImmutable();
    }

    /// <summary>Every name a node declares: locals, parameters, local functions, pattern and foreach variables.</summary>
    internal static IEnumerable<string> DeclaredNames(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            switch (descendant)
            {
                case VariableDeclaratorSyntax variable:
                    yield return variable.Identifier.ValueText;
                    break;
                case ParameterSyntax parameter:
                    yield return parameter.Identifier.ValueText;
                    break;
                case LocalFunctionStatementSyntax function:
                    yield return function.Identifier.ValueText;
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return designation.Identifier.ValueText;
                    break;
                case ForEachStatementSyntax loop:
                    yield return loop.Identifier.ValueText;
                    break;
                case CatchDeclarationSyntax { Identifier.ValueText.Length: > 0 } catchDeclaration:
                    yield return catchDeclaration.Identifier.ValueText;
                    break;
            }
        }
    }

    private static string WithoutAmazonPrefix(string name) =>
        name.Length > 6 && name.StartsWith("Amazon", System.StringComparison.Ordinal) && char.IsUpper(name[6]) ? name.Substring(6) : name;

    /// <summary><c>S3Client</c> to <c>s3Client</c>, <c>SQSClient</c> to <c>sqsClient</c>, <c>DynamoDBContext</c> to <c>dynamoDBContext</c>.</summary>
    internal static string ToCamelCase(string name)
    {
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        if (upper == 0)
        {
            return name;
        }

        // Keep the capital that starts the next word: "SQSClient" -> "sqs" + "Client".
        var lower = upper > 1 && upper < name.Length && char.IsLower(name[upper]) ? upper - 1 : upper;
        return name.Substring(0, lower).ToLowerInvariant() + name.Substring(lower);
    }
}
