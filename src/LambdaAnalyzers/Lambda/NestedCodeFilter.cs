using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Tells, mostly from text, that a member's blocks hold no nested handler: most members, which then cost no walk over
/// their operations. A handler lambda needs <c>=&gt;</c> and an anonymous method <c>delegate</c>. A local function is a
/// handler only when it takes an <c>ILambdaContext</c>, which its parameter list must name (a local function's
/// parameters are typed), or when a bootstrap registers it (<c>Create</c>, <c>GetHandlerWrapper</c>,
/// <c>new LambdaBootstrap</c>); only then are the statements searched for one. A false alarm (the text in a string, a
/// switch expression) only costs the walk.
/// </summary>
internal static class NestedCodeFilter
{
    /// <summary>Where the words are in each tree's text, found once per tree and shared by every member of it.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, WordPositions> s_positions = new();

    /// <summary>
    /// Local-function words: a local function handler names its <c>ILambdaContext</c> parameter's type, or is registered,
    /// which names the registering type (<c>LambdaBootstrapBuilder.Create</c>, <c>HandlerWrapper.GetHandlerWrapper</c>,
    /// <c>new LambdaBootstrap</c>) unless a using alias or a <c>using static</c> hides it.
    /// </summary>
    private static readonly string[] s_localFunctionHandlerWords = { "ILambdaContext", "LambdaBootstrap", "HandlerWrapper" };

    /// <param name="blocks">The operation blocks of a member.</param>
    /// <param name="aliasesHideWords">Whether a using alias or a <c>using static</c> in the compilation names
    /// <c>ILambdaContext</c>, <c>LambdaBootstrap</c> or <c>HandlerWrapper</c>: a local function may then take one, or be
    /// registered, without the word in the member.</param>
    public static bool MayHoldNestedCode(ImmutableArray<IOperation> blocks, bool aliasesHideWords)
    {
        foreach (var block in blocks)
        {
            if (MayHoldNestedCode(block.Syntax, aliasesHideWords))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool MayHoldNestedCode(SyntaxNode syntax, bool aliasesHideWords)
    {
        var positions = PositionsOf(syntax.SyntaxTree);
        var span = syntax.Span;
        if (span.End > positions.TextLength)
        {
            return true;
        }

        // The arrow of the member's own expression body is not a lambda.
        var ownArrow = -1;
        for (var i = positions.Arrows.FirstAtOrAfter(span.Start); i < positions.Arrows.Count && positions.Arrows[i] < span.End; i++)
        {
            if (ownArrow == -1)
            {
                ownArrow = OwnExpressionBodyArrow(syntax);
            }

            if (positions.Arrows[i] != ownArrow)
            {
                return true;
            }
        }

        if (positions.Delegates.AnyIn(span))
        {
            return true;
        }

        if (!aliasesHideWords && !positions.LocalFunctionWords.AnyIn(span))
        {
            return false;
        }

        // A local function is a statement of a block: of the member's body, or of a lambda or anonymous method found above.
        foreach (var node in TreeWalk.DescendantNodes(syntax, static node => MayHoldStatements(node)))
        {
            if (node is LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a member's text names <c>ILambdaContext</c> or a bootstrap type (or an alias could hide them): the
    /// members whose handler lambdas and local functions reach starts from. A lambda whose <c>ILambdaContext</c>
    /// parameter is implicitly typed, given to a method of the project, is not among them.
    /// </summary>
    internal static bool NamesHandlerWords(SyntaxNode syntax, bool aliasesHideWords)
    {
        if (aliasesHideWords)
        {
            return true;
        }

        var positions = PositionsOf(syntax.SyntaxTree);
        return syntax.Span.End > positions.TextLength || positions.LocalFunctionWords.AnyIn(syntax.Span);
    }

    /// <summary>
    /// The lambdas and anonymous methods written in a node, found from the positions of <c>=&gt;</c> and
    /// <c>delegate</c> in its tree's text rather than by a walk; null when the tree's text is not the one searched.
    /// </summary>
    internal static List<AnonymousFunctionExpressionSyntax>? AnonymousFunctions(SyntaxNode syntax)
    {
        var positions = PositionsOf(syntax.SyntaxTree);
        var span = syntax.Span;
        if (span.End > positions.TextLength)
        {
            return null;
        }

        var functions = new List<AnonymousFunctionExpressionSyntax>();
        Add(syntax, span, positions.Arrows, functions);
        Add(syntax, span, positions.Delegates, functions);
        return functions;

        static void Add(SyntaxNode syntax, TextSpan span, Positions positions, List<AnonymousFunctionExpressionSyntax> functions)
        {
            for (var i = positions.FirstAtOrAfter(span.Start); i < positions.Count && positions[i] < span.End; i++)
            {
                // The word in a string, a comment, a switch expression's arm or an expression body is no function.
                var token = syntax.FindToken(positions[i]);
                if (token.SpanStart == positions[i] && token.Parent is AnonymousFunctionExpressionSyntax function)
                {
                    functions.Add(function);
                }
            }
        }
    }

    private static WordPositions PositionsOf(SyntaxTree tree) => s_positions.GetValue(tree, static tree => WordPositions.Find(tree.GetText()));

    /// <summary>Whether a node can have statements below it without an expression in between.</summary>
    private static bool MayHoldStatements(SyntaxNode node) => node switch
    {
        ExpressionSyntax
            or ExpressionStatementSyntax
            or LocalDeclarationStatementSyntax
            or ReturnStatementSyntax
            or ThrowStatementSyntax
            or YieldStatementSyntax
            or ArrowExpressionClauseSyntax
            or ParameterListSyntax
            or AttributeListSyntax
            or TypeSyntax => false,
        _ => true,
    };

    /// <summary>Where the arrow of the member's own expression body is (the member itself or a child of it), or -2.</summary>
    private static int OwnExpressionBodyArrow(SyntaxNode syntax)
    {
        if (syntax is ArrowExpressionClauseSyntax self)
        {
            return self.ArrowToken.SpanStart;
        }

        foreach (var child in syntax.ChildNodes())
        {
            if (child is ArrowExpressionClauseSyntax arrow)
            {
                return arrow.ArrowToken.SpanStart;
            }
        }

        return -2;
    }

    /// <summary>The sorted positions of <c>=&gt;</c>, <c>delegate</c> and the local-function words in one text.</summary>
    private sealed class WordPositions
    {
        private WordPositions(int textLength, Positions arrows, Positions delegates, Positions localFunctionWords)
        {
            TextLength = textLength;
            Arrows = arrows;
            Delegates = delegates;
            LocalFunctionWords = localFunctionWords;
        }

        public int TextLength { get; }

        public Positions Arrows { get; }

        public Positions Delegates { get; }

        public Positions LocalFunctionWords { get; }

        public static WordPositions Find(SourceText text)
        {
            var code = text.ToString();
            var words = new List<int>();
            foreach (var word in s_localFunctionHandlerWords)
            {
                words.AddRange(Occurrences(code, word));
            }

            words.Sort();
            return new WordPositions(text.Length, new Positions(Occurrences(code, "=>")), new Positions(Occurrences(code, "delegate")), new Positions(words));
        }

        private static List<int> Occurrences(string code, string word)
        {
            var found = new List<int>();
            for (var offset = 0; (offset = code.IndexOf(word, offset, StringComparison.Ordinal)) >= 0; offset += word.Length)
            {
                found.Add(offset);
            }

            return found;
        }
    }

    /// <summary>Sorted positions in a text.</summary>
    private sealed class Positions(List<int> sorted)
    {
        public int Count => sorted.Count;

        public int this[int index] => sorted[index];

        /// <summary>The index of the first position at or after <paramref name="start"/>, or <see cref="Count"/>.</summary>
        public int FirstAtOrAfter(int start)
        {
            var index = sorted.BinarySearch(start);
            if (index >= 0)
            {
                return index;
            }

            return ~index;
        }

        public bool AnyIn(TextSpan span)
        {
            var index = FirstAtOrAfter(span.Start);
            return index < sorted.Count && sorted[index] < span.End;
        }
    }
}
