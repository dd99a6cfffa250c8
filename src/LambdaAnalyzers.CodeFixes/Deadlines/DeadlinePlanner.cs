using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Deadlines;

/// <summary>One flagged call: where the token goes, and the handler whose deadline it is.</summary>
internal sealed class DeadlineCall(InvocationExpressionSyntax invocation, SyntaxNode handler, int replacedArgument, string? parameterName)
{
    public InvocationExpressionSyntax Invocation { get; } = invocation;

    /// <summary>The method, local function or lambda that takes the ILambdaContext.</summary>
    public SyntaxNode Handler { get; } = handler;

    /// <summary>The index of a <c>default</c>/<c>CancellationToken.None</c> argument to replace, or -1 to add one.</summary>
    public int ReplacedArgument { get; } = replacedArgument;

    /// <summary>The parameter name for a named argument; null to pass the token positionally.</summary>
    public string? ParameterName { get; } = parameterName;
}

/// <summary>The deadline of one handler: an existing token to reuse, or the source to create.</summary>
internal sealed class HandlerDeadline(SyntaxNode handler, ExpressionSyntax? existingToken, string contextName, IMethodSymbol method)
{
    public SyntaxNode Handler { get; } = handler;

    /// <summary>The handler's existing deadline token, or null when the fix creates one.</summary>
    public ExpressionSyntax? ExistingToken { get; } = existingToken;

    /// <summary>The name of the handler's ILambdaContext parameter.</summary>
    public string ContextName { get; } = contextName;

    public IMethodSymbol Method { get; } = method;
}

/// <summary>
/// Finds, for a call that a diagnostic names (LMB0009: the call itself; LMB0010: the delays of the polling loop), the
/// call and its handler and checks every precondition of the fix.
/// </summary>
internal static class DeadlinePlanner
{
    public const string HelperName = "DeadlineFrom";
    public const string MarginName = "DeadlineMarginMilliseconds";

    /// <summary>The method names of the calls that a diagnostic asks to give the deadline.</summary>
    public static IReadOnlyList<Location> GetCallLocations(Diagnostic diagnostic) =>
        diagnostic.Id == RuleIdentifiers.PollingLoopWithoutDeadline ? diagnostic.AdditionalLocations : [diagnostic.Location];

    public static DeadlineCall? TryPlanCall(SyntaxNode root, SemanticModel semanticModel, Location location, CancellationToken cancellationToken)
    {
        if (LambdaModel.TryGet(semanticModel.Compilation) is not { } model
            || location.SourceTree != root.SyntaxTree
            || root.FindToken(location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || CallSyntax.GetNameLocation(invocation)?.SourceSpan != location.SourceSpan
            || invocation.Expression is MemberBindingExpressionSyntax
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || FindHandler(invocation, semanticModel, model, cancellationToken) is not { } handler
            || !IsAsync(handler))
        {
            return null;
        }

        var symbols = DeadlineSymbols.Get(model);
        if (symbols.CancellationToken is not { } tokenType)
        {
            return null;
        }

        // An optional token given default/None: replace that argument.
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter is { } parameter && symbols.IsCancellationToken(parameter.Type))
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return ChooseForm(invocation, handler, parameter.Name, semanticModel, tokenType);
                }

                var index = IndexOf(invocation.ArgumentList, argument.Syntax);
                return index < 0 ? null : new DeadlineCall(invocation, handler, index, null);
            }
        }

        return symbols.GetOverloadWithToken(operation.TargetMethod) is { } overload
            && FindTokenParameter(overload, symbols) is { } tokenParameter
            ? ChooseForm(invocation, handler, tokenParameter.Name, semanticModel, tokenType)
            : null;
    }

    /// <summary>The handler's deadline to reuse, or how to create one; null when neither is possible.</summary>
    public static HandlerDeadline? TryPlanHandler(SyntaxNode handler, IReadOnlyList<DeadlineCall> calls, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (LambdaModel.TryGet(semanticModel.Compilation) is not { } model
            || GetSymbol(handler, semanticModel, cancellationToken) is not { } method)
        {
            return null;
        }

        var symbols = DeadlineSymbols.Get(model);
        string? contextName = null;
        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsCancellationToken(parameter.Type) && IsNamed(parameter.Name))
            {
                return new HandlerDeadline(handler, SyntaxFactory.IdentifierName(parameter.Name), parameter.Name, method);
            }

            if (contextName is null && parameter.Type.IsType(model.Symbols.LambdaContext) && IsNamed(parameter.Name))
            {
                contextName = parameter.Name;
            }
        }

        if (FindDeadlineSource(handler, calls, semanticModel, symbols, cancellationToken) is { } source)
        {
            return new HandlerDeadline(
                handler,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(source.Name), SyntaxFactory.IdentifierName("Token")),
                contextName ?? string.Empty,
                method);
        }

        return contextName is null ? null : new HandlerDeadline(handler, null, contextName, method);
    }

    /// <summary>The margin configured for a syntax tree (<c>lambda_analyzers.deadline_margin_ms</c>), in milliseconds.</summary>
    public static int GetMargin(Document document, SyntaxTree tree)
    {
        return LambdaOptions.DeadlineMarginMilliseconds(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
    }

    public static IMethodSymbol? GetSymbol(SyntaxNode function, SemanticModel semanticModel, CancellationToken cancellationToken) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol,
        _ => semanticModel.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol,
    };

    private static bool IsNamed(string name) => name.Length > 0 && name != "_";

    private static int IndexOf(ArgumentListSyntax list, SyntaxNode argument)
    {
        for (var i = 0; i < list.Arguments.Count; i++)
        {
            if (list.Arguments[i] == argument)
            {
                return i;
            }
        }

        return -1;
    }

    private static IParameterSymbol? FindTokenParameter(IMethodSymbol method, DeadlineSymbols symbols)
    {
        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsCancellationToken(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The nearest enclosing function taking an ILambdaContext, unless a static function between them forbids capturing.</summary>
    private static SyntaxNode? FindHandler(SyntaxNode node, SemanticModel semanticModel, LambdaModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
            {
                continue;
            }

            if (GetSymbol(ancestor, semanticModel, cancellationToken) is { } method && HandlerDiscovery.TakesLambdaContext(method, model.Symbols))
            {
                return ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax ? ancestor : null;
            }

            var modifiers = ancestor switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                LocalFunctionStatementSyntax localFunction => localFunction.Modifiers,
                _ => default,
            };
            if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax || modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsAsync(SyntaxNode handler) => handler switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax localFunction => localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword),
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    /// <summary>Positionally when the new call binds the token to a CancellationToken parameter at that position, otherwise by name.</summary>
    private static DeadlineCall? ChooseForm(InvocationExpressionSyntax invocation, SyntaxNode handler, string parameterName, SemanticModel semanticModel, INamedTypeSymbol tokenType)
    {
        var placeholder = SyntaxFactory.DefaultExpression(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken"));
        var arguments = invocation.ArgumentList.Arguments;
        var anyNamed = false;
        foreach (var argument in arguments)
        {
            anyNamed |= argument.NameColon is not null;
        }

        if (!anyNamed)
        {
            var positional = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Add(SyntaxFactory.Argument(placeholder))));
            if (semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, positional, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol method
                && method.Parameters.Length > arguments.Count
                && !method.Parameters[arguments.Count].IsParams
                && SymbolEqualityComparer.Default.Equals(method.Parameters[arguments.Count].Type, tokenType))
            {
                return new DeadlineCall(invocation, handler, -1, null);
            }
        }

        var named = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Add(
            SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)), default, placeholder))));
        if (semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, named, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol namedMethod)
        {
            foreach (var parameter in namedMethod.Parameters)
            {
                if (parameter.Name == parameterName && SymbolEqualityComparer.Default.Equals(parameter.Type, tokenType))
                {
                    return new DeadlineCall(invocation, handler, -1, parameterName);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A CancellationTokenSource local of the handler, in scope at every call, created with (or <c>CancelAfter</c>-ed to) a
    /// value read from <c>RemainingTime</c>, or linked from such a source or a token parameter.
    /// </summary>
    private static ILocalSymbol? FindDeadlineSource(SyntaxNode handler, IReadOnlyList<DeadlineCall> calls, SemanticModel semanticModel, DeadlineSymbols symbols, CancellationToken cancellationToken)
    {
        var sources = new List<ILocalSymbol>();
        foreach (var declarator in handler.DescendantNodes().OfTypeDeclarator())
        {
            if (semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                || !local.Type.IsType(symbols.CancellationTokenSource)
                || declarator.Initializer?.Value is not { } value)
            {
                continue;
            }

            if (IsDeadlineSource(value, sources, handler, semanticModel, symbols, cancellationToken)
                || IsCancelledAfterRemainingTime(local, handler, semanticModel, symbols, cancellationToken))
            {
                sources.Add(local);
            }
        }

        foreach (var source in sources)
        {
            if (IsInScopeAtEveryCall(source, calls, semanticModel, cancellationToken))
            {
                return source;
            }
        }

        return null;
    }

    private static IEnumerable<VariableDeclaratorSyntax> OfTypeDeclarator(this IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is VariableDeclaratorSyntax declarator)
            {
                yield return declarator;
            }
        }
    }

    private static bool IsInScopeAtEveryCall(ILocalSymbol local, IReadOnlyList<DeadlineCall> calls, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        foreach (var call in calls)
        {
            if (declaration.Span.End > call.Invocation.SpanStart)
            {
                return false;
            }

            var visible = false;
            foreach (var symbol in semanticModel.LookupSymbols(call.Invocation.SpanStart, name: local.Name))
            {
                visible |= SymbolEqualityComparer.Default.Equals(symbol, local);
            }

            if (!visible)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDeadlineSource(ExpressionSyntax value, List<ILocalSymbol> sources, SyntaxNode handler, SemanticModel semanticModel, DeadlineSymbols symbols, CancellationToken cancellationToken)
    {
        switch (semanticModel.GetOperation(value, cancellationToken))
        {
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (ReadsRemainingTime(argument.Value, handler, semanticModel, symbols, cancellationToken, 0))
                    {
                        return true;
                    }
                }

                return false;

            case IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } link when link.TargetMethod.ContainingType.IsType(symbols.CancellationTokenSource):
                foreach (var operation in link.Descendants())
                {
                    switch (operation)
                    {
                        case IParameterReferenceOperation parameter when symbols.IsCancellationToken(parameter.Type):
                            return true;
                        case IPropertyReferenceOperation { Property.Name: "Token", Instance: ILocalReferenceOperation local } when sources.Contains(local.Local):
                            return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool IsCancelledAfterRemainingTime(ILocalSymbol local, SyntaxNode handler, SemanticModel semanticModel, DeadlineSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var node in handler.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CancelAfter" } }
                && semanticModel.GetOperation(node, cancellationToken) is IInvocationOperation { Instance: ILocalReferenceOperation target } call
                && SymbolEqualityComparer.Default.Equals(target.Local, local)
                && call.Arguments.Length == 1
                && ReadsRemainingTime(call.Arguments[0].Value, handler, semanticModel, symbols, cancellationToken, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a value reads <c>RemainingTime</c>, directly or through locals initialized from it (three deep).</summary>
    private static bool ReadsRemainingTime(IOperation value, SyntaxNode handler, SemanticModel semanticModel, DeadlineSymbols symbols, CancellationToken cancellationToken, int depth)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when symbols.IsRemainingTime(property.Property):
                    return true;
                case ILocalReferenceOperation local when depth < 3
                    && local.Local.DeclaringSyntaxReferences.Length == 1
                    && local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    && handler.Span.Contains(initializer.Span)
                    && semanticModel.GetOperation(initializer, cancellationToken) is { } assigned
                    && ReadsRemainingTime(assigned, handler, semanticModel, symbols, cancellationToken, depth + 1):
                    return true;
            }
        }

        return false;
    }
}
