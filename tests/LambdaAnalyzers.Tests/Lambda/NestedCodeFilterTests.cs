using System.Linq;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LambdaAnalyzers.Tests.Lambda;

public class NestedCodeFilterTests
{
    [Theory]
    [InlineData("void M() { System.Func<int, int> f = x => x; }")]
    [InlineData("void M() { System.Action a = delegate { }; }")]
    [InlineData("void M() { Local(); void Local() { } }")]
    [InlineData("void M() { if (true) { while (true) { int Local() { return 1; } } } }")]
    [InlineData("void M() { int Local() => 1; }")]
    [InlineData("void M() { try { } catch (System.Exception) { void Local() { } } finally { void Other() { } } }")]
    [InlineData("void M() { using (null as System.IDisposable) { lock (this) { void Local() { } } } }")]
    [InlineData("void M(int x) { switch (x) { case 1: void Local() { } break; } }")]
    [InlineData("void M(bool b) { if (b) { } else { label: void Local() { } } }")]
    [InlineData("void M() { checked { unsafe { void Local() { } } } }")]
    [InlineData("void M() { foreach (var x in new int[0]) do { void Local<T>(T t) where T : struct { } } while (false); }")]
    [InlineData("int M() => new[] { 1 }.Select(x => x).Sum();")]
    [InlineData("void M() { var s = \"=>\"; }")]
    public void MemberWithALambdaAnonymousMethodOrLocalFunction_MayHoldNestedCode(string member) =>
        Assert.True(NestedCodeFilter.MayHoldNestedCode(Member(member)));

    [Theory]
    [InlineData("void M() { var x = 1; if (x >= 0) { x++; } }")]
    [InlineData("int M() => 42;")]
    [InlineData("int M(int x) { return x switch { _ when x == 0 => 0, _ => 1 }; }")]
    public void MemberWithoutThem_IsRuledOut_OrOnlyByASwitchArmsFalseAlarm(string member)
    {
        var holds = NestedCodeFilter.MayHoldNestedCode(Member(member));

        // A switch expression's arms look like lambdas to a text search: a false alarm costs a walk, never a miss.
        Assert.Equal(member.Contains("switch"), holds);
    }

    [Fact]
    public void ExpressionBodiedProperty_IsRuledOut()
    {
        var property = CSharpSyntaxTree.ParseText("class C { int P => 42; }").GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single();

        Assert.False(NestedCodeFilter.MayHoldNestedCode(property));
    }

    private static MethodDeclarationSyntax Member(string member) =>
        CSharpSyntaxTree.ParseText("using System.Linq; class C { " + member + " }").GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
}
