using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    /// <summary>
    /// Whether a declaration of the type declares a method whose name the test accepts (given the declaration's
    /// reference and the name); a declaration that is no type declaration (top-level statements) counts as one, and so
    /// does a type without declarations.
    /// </summary>
    public static bool DeclaresMethod(INamedTypeSymbol type, Func<SyntaxReference, string, bool> named, CancellationToken cancellationToken)
    {
        var references = type.DeclaringSyntaxReferences;
        foreach (var reference in references)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                return true;
            }

            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax method && named(reference, method.Identifier.ValueText))
                {
                    return true;
                }
            }
        }

        return references.IsEmpty;
    }
}
