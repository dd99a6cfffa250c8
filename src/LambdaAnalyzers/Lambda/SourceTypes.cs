using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>The types a compilation declares, nested ones included, listed once per compilation in a stable order.</summary>
internal static class SourceTypes
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<ImmutableArray<INamedTypeSymbol>>> s_types = new();

    public static ImmutableArray<INamedTypeSymbol> Of(Compilation compilation) =>
        s_types.GetValue(compilation, static c => new StrongBox<ImmutableArray<INamedTypeSymbol>>(List(c))).Value;

    private static ImmutableArray<INamedTypeSymbol> List(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case INamespaceSymbol @namespace:
                    foreach (var member in @namespace.GetMembers())
                    {
                        pending.Push(member);
                    }

                    break;
                case INamedTypeSymbol type:
                    types.Add(type);
                    foreach (var nested in type.GetTypeMembers())
                    {
                        pending.Push(nested);
                    }

                    break;
            }
        }

        return types.ToImmutable();
    }
}
