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
    [InlineData("void M() { Local(null!); void Local(ILambdaContext c) { } }")]
    [InlineData("void M() { if (true) { while (true) { int Local(ILambdaContext c) { return 1; } } } }")]
    [InlineData("void M() { int Local(ILambdaContext c) => 1; }")]
    [InlineData("void M() { try { } catch (System.Exception) { void Local(ILambdaContext c) { } } finally { void Other() { } } }")]
    [InlineData("void M() { using (null as System.IDisposable) { lock (this) { void Local(ILambdaContext c) { } } } }")]
    [InlineData("void M(int x) { switch (x) { case 1: void Local(ILambdaContext c) { } break; } }")]
    [InlineData("void M(bool b) { if (b) { } else { label: void Local(ILambdaContext c) { } } }")]
    [InlineData("void M() { checked { unsafe { void Local(ILambdaContext c) { } } } }")]
    [InlineData("void M() { foreach (var x in new int[0]) do { void Local<T>(T t, ILambdaContext c) where T : struct { } } while (false); }")]
    [InlineData("void M() { Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create(Local); void Local() { } }")]
    [InlineData("void M() { HandlerWrapper.GetHandlerWrapper(Local); void Local() { } }")]
    [InlineData("void M() { new LambdaBootstrap(Local); void Local() { } }")]
    [InlineData("int M() => new[] { 1 }.Select(x => x).Sum();")]
    [InlineData("void M() { var s = \"=>\"; }")]
    public void MemberWithALambdaAnonymousMethodOrALocalFunctionThatMayBeAHandler_MayHoldNestedCode(string member) =>
        Assert.True(NestedCodeFilter.MayHoldNestedCode(Member(member), aliasesHideWords: false));

    [Theory]
    [InlineData("void M() { Local(); void Local() { } }")]
    [InlineData("void M() { var item = Factory.Create(Local); void Local() { } }")]
    public void LocalFunctionThatNeitherNamesTheContextNorIsRegistered_IsRuledOut_UnlessAnAliasMayHideTheWords(string text)
    {
        // Create alone names no bootstrap: without an alias or a using static, a registration writes
        // LambdaBootstrapBuilder, LambdaBootstrap or HandlerWrapper.
        var member = Member(text);

        Assert.False(NestedCodeFilter.MayHoldNestedCode(member, aliasesHideWords: false));
        Assert.True(NestedCodeFilter.MayHoldNestedCode(member, aliasesHideWords: true));
    }

    [Theory]
    [InlineData("void M() { var x = 1; if (x >= 0) { x++; } }")]
    [InlineData("int M() => 42;")]
    [InlineData("int M(int x) { return x switch { _ when x == 0 => 0, _ => 1 }; }")]
    public void MemberWithoutThem_IsRuledOut_OrOnlyByASwitchArmsFalseAlarm(string member)
    {
        var holds = NestedCodeFilter.MayHoldNestedCode(Member(member), aliasesHideWords: true);

        // A switch expression's arms look like lambdas to a text search: a false alarm costs a walk, never a miss.
        Assert.Equal(member.Contains("switch"), holds);
    }

    [Fact]
    public void ExpressionBodiedProperty_IsRuledOut()
    {
        var property = CSharpSyntaxTree.ParseText("class C { int P => 42; }").GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single();

        Assert.False(NestedCodeFilter.MayHoldNestedCode(property, aliasesHideWords: true));
    }

    private static MethodDeclarationSyntax Member(string member) =>
        CSharpSyntaxTree.ParseText("using System.Linq; class C { " + member + " }").GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
}
