using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Finds the identifiers of a given spelling in a syntax tree by searching its text and looking up only the tokens at
/// the matches, instead of walking every node: a name absent from a file costs one string search.
/// </summary>
internal static class NameSearch
{
    /// <summary>
    /// The identifier tokens of code (not comments, strings or documentation) whose value is <paramref name="name"/>:
    /// names in expressions and types as well as the identifiers of declarations.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindIdentifiers(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
        FindIdentifiers(tree, tree.GetText(cancellationToken).ToString(), name, cancellationToken);

    /// <summary>The same, in a file whose text the caller already holds (searching several names).</summary>
    public static IEnumerable<SyntaxToken> FindIdentifiers(SyntaxTree tree, string text, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        SyntaxNode? root = null;
        for (var index = text.IndexOf(name, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(name, index + name.Length, System.StringComparison.Ordinal))
        {
            if ((index > 0 && IsIdentifierPart(text[index - 1])) || (index + name.Length < text.Length && IsIdentifierPart(text[index + name.Length])))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);

            // A match inside trivia (a comment, a documentation comment) gives the next token, which does not contain it.
            var token = root.FindToken(index);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(index) && token.ValueText == name)
            {
                yield return token;
            }
        }
    }

    /// <summary>The names (<c>M</c>, <c>M&lt;T&gt;</c>, the <c>M</c> of <c>x.M</c>) spelled <paramref name="name"/> in a file's code.</summary>
    public static IEnumerable<SimpleNameSyntax> FindNames(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
        FindNames(tree, tree.GetText(cancellationToken).ToString(), name, cancellationToken);

    /// <summary>The same, in a file whose text the caller already holds (searching several names).</summary>
    public static IEnumerable<SimpleNameSyntax> FindNames(SyntaxTree tree, string text, string name, CancellationToken cancellationToken)
    {
        foreach (var token in FindIdentifiers(tree, text, name, cancellationToken))
        {
            if (token.Parent is SimpleNameSyntax simpleName && simpleName.Identifier == token)
            {
                yield return simpleName;
            }
        }
    }

    private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);
}
