using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The places in one file that may register a handler with a bootstrap (<c>LambdaBootstrapBuilder.Create(...)</c>,
/// <c>HandlerWrapper.GetHandlerWrapper(...)</c>, <c>new LambdaBootstrap(...)</c>), found from the file's text, and the
/// names those places may pass as a method group. Binding is costly, so it happens only when a method of one of those
/// names asks whether it is a handler, and then once for the whole file.
/// </summary>
internal sealed class RegistrationSites
{
    /// <summary>The methods that register a handler: <c>LambdaBootstrapBuilder.Create</c>, <c>HandlerWrapper.GetHandlerWrapper</c>.</summary>
    private static readonly string[] s_registrationMethods = { "Create", "GetHandlerWrapper" };

    private static readonly RegistrationSites s_none = new(ImmutableArray<SyntaxNode>.Empty, ImmutableHashSet<string>.Empty);

    private readonly ImmutableArray<SyntaxNode> _sites;
    private readonly ImmutableHashSet<string> _names;
    private ImmutableHashSet<IMethodSymbol>? _methodGroupHandlers;

    private RegistrationSites(ImmutableArray<SyntaxNode> sites, ImmutableHashSet<string> names)
    {
        _sites = sites;
        _names = names;
    }

    /// <summary>Whether the file registers nothing.</summary>
    public bool IsEmpty => _sites.IsEmpty;

    /// <summary>Whether a registration of the file passes a method group of this name (directly or through a local).</summary>
    public bool MayRegister(string methodName) => _names.Contains(methodName);

    /// <summary>Finds the registration sites of a file without binding anything.</summary>
    public static RegistrationSites Find(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var sites = new List<SyntaxNode>();
        var text = tree.GetText(cancellationToken).ToString();
        foreach (var word in s_registrationMethods)
        {
            foreach (var name in NameSearch.FindNames(tree, text, word, cancellationToken))
            {
                SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
                {
                    sites.Add(invocation);
                }
            }
        }

        foreach (var name in NameSearch.FindNames(tree, text, "LambdaBootstrap", cancellationToken))
        {
            SyntaxNode type = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? qualified
                : name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name ? alias
                : name;
            if (type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type)
            {
                sites.Add(creation);
            }
        }

        if (sites.Count == 0)
        {
            return s_none;
        }

        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (var site in sites)
        {
            var arguments = site switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
                ObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
                _ => default,
            };

            foreach (var argument in arguments)
            {
                if (NamedMethod(argument.Expression) is not { } name)
                {
                    continue;
                }

                names.Add(name);

                // A local holding the delegate: the name its initializer gives.
                if (DeclaredInitializer(site, name, cancellationToken) is { } initializer && NamedMethod(initializer) is { } initialized)
                {
                    names.Add(initialized);
                }
            }
        }

        return new RegistrationSites(sites.ToImmutableArray(), names.ToImmutable());
    }

    /// <summary>
    /// Whether a method is passed to a bootstrap registration of this file as a method group, directly, through a
    /// cast or <c>new Func&lt;...&gt;(...)</c>, or through a local assigned once.
    /// </summary>
    public bool IsMethodGroupHandler(IMethodSymbol method, SemanticModel semanticModel, LambdaSymbols symbols, CancellationToken cancellationToken)
    {
        if (!_names.Contains(method.Name))
        {
            return false;
        }

        var handlers = Volatile.Read(ref _methodGroupHandlers);
        if (handlers is null)
        {
            handlers = Bind(semanticModel, symbols, cancellationToken);
            Interlocked.CompareExchange(ref _methodGroupHandlers, handlers, null);
        }

        return handlers.Contains(method.OriginalDefinition);
    }

    private ImmutableHashSet<IMethodSymbol> Bind(SemanticModel semanticModel, LambdaSymbols symbols, CancellationToken cancellationToken)
    {
        var result = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var site in _sites)
        {
            if (semanticModel.GetOperation(site, cancellationToken) is not { } operation
                || HandlerDiscovery.GetBootstrapHandlerArgument(operation, symbols) is not { } argument)
            {
                continue;
            }

            var code = HandlerDiscovery.UnwrapDelegate(argument);
            if (code is ILocalReferenceOperation local)
            {
                code = GetSingleInitializer(local.Local, semanticModel, cancellationToken) is { } initializer ? HandlerDiscovery.UnwrapDelegate(initializer) : code;
            }

            if (code is IMethodReferenceOperation { Method: { MethodKind: MethodKind.Ordinary } method })
            {
                result.Add(method.OriginalDefinition);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The name of the method an expression may refer to as a method group, through parentheses, casts and <c>new Func&lt;...&gt;(M)</c>.</summary>
    private static string? NamedMethod(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }:
                    expression = arguments[0].Expression;
                    break;
                case SimpleNameSyntax name:
                    return name.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }

    /// <summary>The initializer of a local of that name declared in the body around a registration, found by syntax.</summary>
    private static ExpressionSyntax? DeclaredInitializer(SyntaxNode site, string name, CancellationToken cancellationToken)
    {
        var body = site.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
        if (body is null)
        {
            return null;
        }

        foreach (var token in NameSearch.FindIdentifiers(site.SyntaxTree, name, cancellationToken))
        {
            if (token.Parent is VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                && declarator.Identifier == token
                && body.Span.Contains(declarator.Span))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The initializer of a local whose only assignment is that initializer, or null.</summary>
    private static IOperation? GetSingleInitializer(ILocalSymbol local, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
            || semanticModel.GetOperation(declarator, cancellationToken) is not IVariableDeclaratorOperation { Initializer.Value: { } value })
        {
            return null;
        }

        // The enclosing body must not write the local again.
        var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
        if (body is null)
        {
            return null;
        }

        foreach (var name in NameSearch.FindNames(declarator.SyntaxTree, local.Name, cancellationToken))
        {
            if (body.Span.Contains(name.Span)
                && name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name
                && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, local))
            {
                return null;
            }
        }

        return value;
    }
}
