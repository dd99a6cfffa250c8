using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Word searches in the text of a type's declarations, without binding anything: what an entry source can rule out
/// before the type's members are listed (<see cref="IEntrySource.MayDeclareEntries"/>).
/// </summary>
internal static class DeclarationText
{
    private static readonly ConditionalWeakTable<SyntaxTree, string> s_texts = new();

    /// <summary>Whether the text of one of the type's declarations holds the word (or the type has no declaration to read).</summary>
    public static bool Names(INamedTypeSymbol type, string word, CancellationToken cancellationToken)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return true;
        }

        foreach (var reference in references)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = s_texts.GetValue(reference.SyntaxTree, static tree => tree.GetText().ToString());
            var span = reference.Span;
            if (span.End > text.Length || text.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
