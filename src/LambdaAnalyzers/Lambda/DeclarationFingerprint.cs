using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A hash of what the binding of one method body may depend on outside that body: every file's declarations (the text
/// of each file without its member bodies and the initializers of its non-constant fields and properties), the
/// dependency-injection registrations written in any body (which decide the implementations an interface call
/// dispatches to), the references (by identity, module version and aliases; a project reference by its own
/// fingerprint) and the compilation's options. Two compilations with equal fingerprints bind an unchanged body to the same members. A file's part is
/// computed once per syntax tree, so that after an edit only the edited file is read again.
/// </summary>
internal static class DeclarationFingerprint
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> s_trees = new();
    private static readonly string[] s_registrationWords = ["AddTransient", "AddScoped", "AddSingleton"];

    public static ulong Of(Compilation compilation, CancellationToken cancellationToken) => Of(compilation, 0, cancellationToken);

    /// <summary>How deep project references are followed (a project's own references come with it).</summary>
    private const int MaxReferenceDepth = 4;

    private static ulong Of(Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        var hash = Fnv.Start;
        hash = Fnv.Add(hash, compilation.AssemblyName ?? string.Empty);
        // The options that change what a body binds to, read one by one: the options object itself is not hashed,
        // because under the real compiler its syntax tree options provider cannot be hashed.
        var options = compilation.Options;
        hash = Fnv.Add(hash, (ulong)options.OutputKind);
        hash = Fnv.Add(hash, (ulong)options.NullableContextOptions);
        hash = Fnv.Add(hash, options.CheckOverflow ? 1UL : 0UL);
        hash = Fnv.Add(hash, options is CSharpCompilationOptions { AllowUnsafe: true } ? 1UL : 0UL);
        foreach (var reference in compilation.References)
        {
            hash = Fnv.Add(hash, reference.Display ?? string.Empty);
            foreach (var alias in reference.Properties.Aliases)
            {
                hash = Fnv.Add(hash, alias);
            }

            switch (reference)
            {
                // A project reference in an editor: its name and version stay when its declarations change.
                case CompilationReference project:
                    hash = depth < MaxReferenceDepth ? Fnv.Add(hash, Of(project.Compilation, depth + 1, cancellationToken)) : Fnv.Add(hash, Fnv.Start);
                    break;
                default:
                    if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                    {
                        hash = Fnv.Add(hash, assembly.Identity.ToString());
                        foreach (var module in assembly.Modules)
                        {
                            hash = Fnv.Add(hash, ModuleVersion(module));
                        }
                    }

                    break;
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash = Fnv.Add(hash, tree.FilePath ?? string.Empty);
            hash = Fnv.Add(hash, s_trees.GetValue(tree, static t => new StrongBox<ulong>(OfTree(t))).Value);
        }

        return hash;
    }

    private static string ModuleVersion(IModuleSymbol module)
    {
        try
        {
            return module.GetMetadata()?.GetModuleVersionId().ToString() ?? string.Empty;
        }
        catch (System.BadImageFormatException)
        {
            return string.Empty;
        }
    }

    /// <summary>The tokens of a file outside member bodies and initializers, and the registrations inside them.</summary>
    internal static ulong OfTree(SyntaxTree tree)
    {
        var hash = Fnv.Start;
        var root = tree.GetRoot();

        // Most files register no service: their bodies are not read at all (one search of the file's text).
        var mentionsRegistrations = Mentions(tree.GetText().ToString());
        var pending = new System.Collections.Generic.Stack<SyntaxNodeOrToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.IsToken)
            {
                hash = Fnv.Add(hash, current.AsToken().ValueText);
                continue;
            }

            var node = current.AsNode()!;
            if (IsBody(node))
            {
                if (mentionsRegistrations)
                {
                    hash = AddRegistrations(hash, node);
                }

                continue;
            }

            var children = node.ChildNodesAndTokens();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return hash;
    }

    /// <summary>Code whose binding depends on the declarations, not the other way round.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax } => true,
        ArrowExpressionClauseSyntax => true,
        // A constant's value is part of its declaration: it can choose an overload elsewhere.
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } } => !field.Modifiers.Any(SyntaxKind.ConstKeyword),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        GlobalStatementSyntax => true,
        _ => false,
    };

    private static bool Mentions(string text)
    {
        foreach (var word in s_registrationWords)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong AddRegistrations(ulong hash, SyntaxNode body)
    {
        foreach (var invocation in TreeWalk.DescendantNodes(body, static _ => true))
        {
            if (invocation is InvocationExpressionSyntax call && Array.Exists(s_registrationWords, w => call.Expression.ToString().IndexOf(w, StringComparison.Ordinal) >= 0))
            {
                hash = Fnv.Add(hash, call.ToString());
            }
        }

        return hash;
    }

    /// <summary>64-bit FNV-1a.</summary>
    private static class Fnv
    {
        public const ulong Start = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static ulong Add(ulong hash, string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            return (hash ^ 0xFF) * Prime;
        }

        public static ulong Add(ulong hash, ulong value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash = (hash ^ (value & 0xFF)) * Prime;
                value >>= 8;
            }

            return hash;
        }
    }
}
