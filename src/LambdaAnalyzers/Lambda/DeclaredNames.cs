using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The names one syntax tree declares: its types, their members (a record's positional properties included), enum
/// members and delegates; and whether it declares an indexer, or an operator or conversion of its own (a record's
/// compiler-made equality operators are not). Read from the declarations alone, once per tree and kept with it, so
/// that an editor's next compilation reads only the edited file again, and no member list is built for it.
/// </summary>
internal sealed class DeclaredNames
{
    private static readonly ConditionalWeakTable<SyntaxTree, DeclaredNames> s_byTree = new();

    private DeclaredNames(ImmutableArray<string> names, bool hasIndexers, bool hasOperators)
    {
        Names = names;
        HasIndexers = hasIndexers;
        HasOperators = hasOperators;
    }

    public ImmutableArray<string> Names { get; }

    public bool HasIndexers { get; }

    public bool HasOperators { get; }

    public static DeclaredNames Of(SyntaxTree tree) => s_byTree.GetValue(tree, static t => Find(t.GetRoot()));

    private static DeclaredNames Find(SyntaxNode root)
    {
        var names = new List<string>();
        var hasIndexers = false;
        var hasOperators = false;
        foreach (var node in TreeWalk.DescendantNodes(root, static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or EnumDeclarationSyntax))
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    if (type is RecordDeclarationSyntax { ParameterList: { } positional })
                    {
                        foreach (var parameter in positional.Parameters)
                        {
                            names.Add(parameter.Identifier.ValueText);
                        }
                    }

                    break;
                case EnumMemberDeclarationSyntax enumMember:
                    names.Add(enumMember.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    names.Add(@delegate.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    names.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property:
                    names.Add(property.Identifier.ValueText);
                    break;
                case EventDeclarationSyntax @event:
                    names.Add(@event.Identifier.ValueText);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        names.Add(variable.Identifier.ValueText);
                    }

                    break;
                case IndexerDeclarationSyntax:
                    hasIndexers = true;
                    break;
                case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                    hasOperators = true;
                    break;
            }
        }

        return new DeclaredNames(names.ToImmutableArray(), hasIndexers, hasOperators);
    }
}
