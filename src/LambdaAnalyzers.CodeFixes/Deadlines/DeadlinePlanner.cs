using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Deadlines;

/// <summary>One flagged call: where the token goes, and the handler whose deadline it is.</summary>
internal sealed class DeadlineCall(InvocationExpressionSyntax invocation, SyntaxNode handler, int replacedArgument, string? parameterName, HandlerFacts facts)
{
    public InvocationExpressionSyntax Invocation { get; } = invocation;

    /// <summary>The method, local function or lambda that takes the ILambdaContext.</summary>
    public SyntaxNode Handler { get; } = handler;

    /// <summary>The index of a <c>default</c>/<c>CancellationToken.None</c> argument to replace, or -1 to add one.</summary>
    public int ReplacedArgument { get; } = replacedArgument;

    /// <summary>The parameter name for a named argument; null to pass the token positionally.</summary>
    public string? ParameterName { get; } = parameterName;

    /// <summary>What the analyzer knew of the handler.</summary>
    public HandlerFacts Facts { get; } = facts;
}

/// <summary>The deadline of one handler: an existing token to reuse, or the source to create.</summary>
internal sealed class HandlerDeadline(SyntaxNode handler, ExpressionSyntax? existingToken, string contextName, IMethodSymbol method, int margin)
{
    public SyntaxNode Handler { get; } = handler;

    /// <summary>The handler's existing deadline token, or null when the fix creates one.</summary>
    public ExpressionSyntax? ExistingToken { get; } = existingToken;

    /// <summary>The name of the handler's ILambdaContext parameter.</summary>
    public string ContextName { get; } = contextName;

    public IMethodSymbol Method { get; } = method;

    /// <summary>The margin, in milliseconds, that a new helper keeps before the timeout.</summary>
    public int Margin { get; } = margin;
}

/// <summary>
/// Finds, for a call that a diagnostic names (LMB0009: the call itself; LMB0010: the delays of the polling loop), the
/// call and its handler, as the diagnostic names them, and checks every precondition of the fix.
/// </summary>
internal static class DeadlinePlanner
{
    public const string HelperName = "DeadlineFrom";
    public const string MarginName = "DeadlineMarginMilliseconds";

    /// <summary>
    /// The calls that a diagnostic asks to give the deadline, on their method names, each with the token parameter it
    /// takes (empty when it takes none); empty when the diagnostic carries no fix data.
    /// </summary>
    public static IReadOnlyList<(Location Call, string TokenParameter)> GetCalls(Diagnostic diagnostic)
    {
        if (diagnostic.Id != RuleIdentifiers.PollingLoopWithoutDeadline)
        {
            return diagnostic.Properties.TryGetValue(MissingDeadlineAnalyzer.TokenParameterProperty, out var token) && token is not null
                ? [(diagnostic.Location, token)]
                : [];
        }

        if (GetDelayCount(diagnostic) is not { } count
            || !diagnostic.Properties.TryGetValue(PollingLoopWithoutDeadlineAnalyzer.TokenParametersProperty, out var tokens)
            || tokens?.Split(';') is not { } names
            || names.Length != count)
        {
            return [];
        }

        var calls = new List<(Location, string)>(count);
        for (var i = 0; i < count; i++)
        {
            calls.Add((diagnostic.AdditionalLocations[i], names[i]));
        }

        return calls;
    }

    /// <summary>What the diagnostic says of the handler, or null when it says nothing a fix can use.</summary>
    public static HandlerFacts? GetHandler(Diagnostic diagnostic)
    {
        var first = 0;
        if (diagnostic.Id == RuleIdentifiers.PollingLoopWithoutDeadline)
        {
            if (GetDelayCount(diagnostic) is not { } count)
            {
                return null;
            }

            first = count;
        }

        if (diagnostic.AdditionalLocations.Count < first + MissingDeadlineAnalyzer.FirstDeadlineLocation
            || !diagnostic.Properties.TryGetValue(MissingDeadlineAnalyzer.MarginProperty, out var value)
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var margin))
        {
            return null;
        }

        var locations = new List<Location>(diagnostic.AdditionalLocations.Count - first);
        for (var i = first; i < diagnostic.AdditionalLocations.Count; i++)
        {
            locations.Add(diagnostic.AdditionalLocations[i]);
        }

        return new HandlerFacts(locations, margin);
    }

    private static int? GetDelayCount(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PollingLoopWithoutDeadlineAnalyzer.DelayCountProperty, out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        && count <= diagnostic.AdditionalLocations.Count
            ? count
            : null;

    public static DeadlineCall? TryPlanCall(
        SyntaxNode root, SemanticModel semanticModel, Location location, string tokenParameter, HandlerFacts facts, CancellationToken cancellationToken)
    {
        if (tokenParameter.Length == 0
            || location.SourceTree != root.SyntaxTree
            || root.FindToken(location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || GetName(invocation)?.Span != location.SourceSpan
            || invocation.Expression is MemberBindingExpressionSyntax
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || FindHandler(root, facts.Locations[MissingDeadlineAnalyzer.HandlerLocation]) is not { } handler
            || !CanCapture(invocation, handler)
            || !IsAsync(handler)
            || KnownTypes.Get(semanticModel.Compilation).Find(KnownTypeNames.SystemThreadingCancellationToken) is not { } tokenType)
        {
            return null;
        }

        // An optional token given default/None: replace that argument.
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Name == tokenParameter && SymbolEqualityComparer.Default.Equals(parameter.Type, tokenType))
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return ChooseForm(invocation, handler, parameter.Name, semanticModel, tokenType, facts);
                }

                var index = IndexOf(invocation.ArgumentList, argument.Syntax);
                return index < 0 ? null : new DeadlineCall(invocation, handler, index, null, facts);
            }
        }

        return ChooseForm(invocation, handler, tokenParameter, semanticModel, tokenType, facts);
    }

    /// <summary>The handler's deadline to reuse, or how to create one; null when neither is possible.</summary>
    public static HandlerDeadline? TryPlanHandler(SyntaxNode handler, IReadOnlyList<DeadlineCall> calls, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var facts = calls[0].Facts;
        if (GetSymbol(handler, semanticModel, cancellationToken) is not { } method)
        {
            return null;
        }

        var root = handler.SyntaxTree.GetRoot(cancellationToken);
        var contextName = GetDeclaredName(root, facts.Locations[MissingDeadlineAnalyzer.ContextLocation]);
        if (contextName is not null && !IsNamed(contextName))
        {
            contextName = null;
        }

        for (var i = MissingDeadlineAnalyzer.FirstDeadlineLocation; i < facts.Locations.Count; i++)
        {
            var location = facts.Locations[i];
            if (location.SourceTree != handler.SyntaxTree)
            {
                continue;
            }

            switch (root.FindToken(location.SourceSpan.Start).Parent)
            {
                case ParameterSyntax parameter when IsNamed(parameter.Identifier.ValueText):
                    return new HandlerDeadline(handler, SyntaxFactory.IdentifierName(parameter.Identifier.ValueText), parameter.Identifier.ValueText, method, facts.Margin);
                case VariableDeclaratorSyntax declarator
                    when semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol source && IsInScopeAtEveryCall(source, calls, semanticModel, cancellationToken):
                    return new HandlerDeadline(
                        handler,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(source.Name), SyntaxFactory.IdentifierName("Token")),
                        contextName ?? string.Empty,
                        method,
                        facts.Margin);
            }
        }

        return contextName is null ? null : new HandlerDeadline(handler, null, contextName, method, facts.Margin);
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

    /// <summary>The method name of a call: <c>GetObjectAsync</c> in <c>s3.GetObjectAsync(...)</c>, where the rules report it.</summary>
    private static SyntaxToken? GetName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier,
        SimpleNameSyntax simple => simple.Identifier,
        _ => null,
    };

    private static string? GetDeclaredName(SyntaxNode root, Location location) =>
        location.SourceTree == root.SyntaxTree && root.FindToken(location.SourceSpan.Start) is { } token && token.Span == location.SourceSpan
            ? token.ValueText
            : null;

    /// <summary>The function the diagnostic names as the handler, when the fix knows how to give it a first statement.</summary>
    private static SyntaxNode? FindHandler(SyntaxNode root, Location location)
    {
        if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan))
        {
            return null;
        }

        for (SyntaxNode? node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null && node.Span == location.SourceSpan; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Whether the call lies in the handler with no static function between them, which could not capture its token.</summary>
    private static bool CanCapture(SyntaxNode call, SyntaxNode handler)
    {
        foreach (var ancestor in call.Ancestors())
        {
            if (ancestor == handler)
            {
                return true;
            }

            var modifiers = ancestor switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                LocalFunctionStatementSyntax localFunction => localFunction.Modifiers,
                _ => default,
            };
            if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax || modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAsync(SyntaxNode handler) => handler switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax localFunction => localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword),
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    /// <summary>Positionally when the new call binds the token to a CancellationToken parameter at that position, otherwise by name.</summary>
    private static DeadlineCall? ChooseForm(InvocationExpressionSyntax invocation, SyntaxNode handler, string parameterName, SemanticModel semanticModel, INamedTypeSymbol tokenType, HandlerFacts facts)
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
                return new DeadlineCall(invocation, handler, -1, null, facts);
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
                    return new DeadlineCall(invocation, handler, -1, parameterName, facts);
                }
            }
        }

        return null;
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
}
