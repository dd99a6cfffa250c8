using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The using aliases (<c>using Ctx = Amazon.Lambda.Core.ILambdaContext;</c>) and <c>using static</c> directives of a
/// compilation, read from syntax: the directives that let code use a type without writing its name.
/// </summary>
internal static class UsingAliases
{
    /// <summary>
    /// Whether any using alias or <c>using static</c> of the compilation (global, file or namespace level) has a target
    /// whose text contains one of some words. Only the using directives are read, never a member.
    /// </summary>
    public static bool Name(Compilation compilation, params string[] words)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax root && (HasAlias(root.Usings, words) || HasAlias(root.Members, words)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAlias(SyntaxList<MemberDeclarationSyntax> members, string[] words)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax space && (HasAlias(space.Usings, words) || HasAlias(space.Members, words)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAlias(SyntaxList<UsingDirectiveSyntax> usings, string[] words)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None))
            {
                continue;
            }

            var target = directive.NamespaceOrType.ToString();
            foreach (var word in words)
            {
                if (target.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
