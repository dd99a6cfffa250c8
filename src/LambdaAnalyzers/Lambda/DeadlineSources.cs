using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The deadlines a region already has, which a fix reuses instead of creating one: the entry's CancellationToken
/// parameters, then the CancellationTokenSource locals of the region created with (or <c>CancelAfter</c>-ed to) a
/// value read from <c>RemainingTime</c>, or linked from such a source or a token parameter, in source order.
/// </summary>
internal static class DeadlineSources
{
    private const int MaxLocalDepth = 3;

    public static ImmutableArray<ISymbol> Find(Region region, DeadlineSymbols symbols)
    {
        var found = ImmutableArray.CreateBuilder<ISymbol>();
        if (region.Entry is { } entry)
        {
            foreach (var parameter in entry.Parameters)
            {
                if (symbols.IsCancellationToken(parameter.Type))
                {
                    found.Add(parameter);
                }
            }
        }

        if (symbols.CancellationTokenSource is null)
        {
            return found.ToImmutable();
        }

        var root = region.Root;
        var cancelledAfter = new List<ILocalSymbol>();
        var declarators = new List<IVariableDeclaratorOperation>();
        foreach (var operation in TreeWalk.Descendants(root))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.Symbol.Type.IsType(symbols.CancellationTokenSource):
                    declarators.Add(declarator);
                    break;
                case IInvocationOperation { TargetMethod.Name: "CancelAfter", Instance: ILocalReferenceOperation target, Arguments.Length: 1 } call
                    when ReadsRemainingTime(call.Arguments[0].Value, root, symbols, 0):
                    cancelledAfter.Add(target.Local);
                    break;
            }
        }

        // Linked sources refer to earlier ones: the declarators are taken in source order.
        declarators.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        var sources = new List<ILocalSymbol>();
        foreach (var declarator in declarators)
        {
            if (declarator.GetVariableInitializer()?.Value is not { } value)
            {
                continue;
            }

            if (IsDeadlineSource(value, sources, root, symbols) || Contains(cancelledAfter, declarator.Symbol))
            {
                sources.Add(declarator.Symbol);
                found.Add(declarator.Symbol);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// What a deadline fix needs to know of a region, appended as locations: the entry's declaration, its
    /// <c>ILambdaContext</c> parameter, then the deadlines <see cref="Find"/> gives. False, appending nothing, when the
    /// region has no context or its entry is not declared in the tree.
    /// </summary>
    public static bool AddLocations(Region region, DeadlineSymbols symbols, List<Location> locations)
    {
        var tree = region.Root.Syntax.SyntaxTree;
        if (region.Entry is not { } entry
            || region.LambdaContext is not { } context
            || GetLocation(context) is not { } contextLocation)
        {
            return false;
        }

        Location? declaration = null;
        foreach (var reference in entry.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.Span.Contains(region.Root.Syntax.Span))
            {
                declaration = Location.Create(tree, reference.Span);
            }
        }

        if (declaration is null)
        {
            return false;
        }

        locations.Add(declaration);
        locations.Add(contextLocation);
        foreach (var deadline in Find(region, symbols))
        {
            if (GetLocation(deadline) is { } location)
            {
                locations.Add(location);
            }
        }

        return true;
    }

    private static Location? GetLocation(ISymbol symbol) =>
        symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource ? symbol.Locations[0] : null;

    private static bool Contains(List<ILocalSymbol> locals, ILocalSymbol local)
    {
        foreach (var candidate in locals)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeadlineSource(IOperation value, List<ILocalSymbol> sources, IOperation root, DeadlineSymbols symbols)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (ReadsRemainingTime(argument.Value, root, symbols, 0))
                    {
                        return true;
                    }
                }

                return false;

            case IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } link when link.TargetMethod.ContainingType.IsType(symbols.CancellationTokenSource):
                foreach (var operation in TreeWalk.Descendants(link))
                {
                    switch (operation)
                    {
                        case IParameterReferenceOperation parameter when symbols.IsCancellationToken(parameter.Type):
                            return true;
                        case IPropertyReferenceOperation { Property.Name: "Token", Instance: ILocalReferenceOperation local }
                            when Contains(sources, local.Local):
                            return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    /// <summary>Whether a value reads <c>RemainingTime</c>, directly or through locals of the region initialized from it (three deep).</summary>
    private static bool ReadsRemainingTime(IOperation value, IOperation root, DeadlineSymbols symbols, int depth)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(value))
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when symbols.IsRemainingTime(property.Property):
                    return true;
                case ILocalReferenceOperation local when depth < MaxLocalDepth
                    && local.Local.DeclaringSyntaxReferences.Length == 1
                    && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    && initializer.SyntaxTree == root.Syntax.SyntaxTree
                    && root.Syntax.Span.Contains(initializer.Span)
                    && root.SemanticModel?.GetOperation(initializer) is { } assigned
                    && ReadsRemainingTime(assigned, root, symbols, depth + 1):
                    return true;
            }
        }

        return false;
    }
}
