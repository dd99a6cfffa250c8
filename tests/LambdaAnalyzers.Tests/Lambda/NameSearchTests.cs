using System.Linq;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LambdaAnalyzers.Tests.Lambda;

public class NameSearchTests
{
    private const string Code = """
        /// <summary>Handle is named here, in <see cref="Handle"/>, and in <c>Handle()</c>.</summary>
        public class Function
        {
            // Handle(input) in a comment.
            private const string Text = "Handle";

            public int HandleCount;

            public void Handled() { }

            public void Handle() { }

            public void Run(Function other)
            {
                Handle();
                other.Handle();
                System.Action action = @Handle;
                var name = nameof(Handle);
            }
        }
        """;

    [Fact]
    public void FindIdentifiers_ReturnsTheDeclarationAndTheUsesOfCode_NotCommentsStringsOrLongerNames()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);

        var tokens = NameSearch.FindIdentifiers(tree, "Handle", CancellationToken.None).ToList();

        Assert.Equal(5, tokens.Count);
        Assert.Single(tokens, t => t.Parent is MethodDeclarationSyntax);
        Assert.Equal(["Handle", "Handle", "@Handle", "Handle"], tokens.Where(t => t.Parent is not MethodDeclarationSyntax).Select(t => t.Text));
    }

    [Fact]
    public void FindNames_LeavesOutDeclarations()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);

        var names = NameSearch.FindNames(tree, "Handle", CancellationToken.None).ToList();

        Assert.Equal(4, names.Count);
        Assert.All(names, n => Assert.Equal("Handle", n.Identifier.ValueText));
        Assert.Contains(names, n => n.Parent is MemberAccessExpressionSyntax);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Missing")]
    [InlineData("Handl")]
    public void FindIdentifiers_NameAbsentOrPartial_FindsNothing(string name)
    {
        var tree = CSharpSyntaxTree.ParseText(Code);

        Assert.Empty(NameSearch.FindIdentifiers(tree, name, CancellationToken.None));
    }

    [Fact]
    public void FindIdentifiers_HalfTypedCode_FindsWhatParses()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { Handle(");

        Assert.Single(NameSearch.FindNames(tree, "Handle", CancellationToken.None));
    }
}
