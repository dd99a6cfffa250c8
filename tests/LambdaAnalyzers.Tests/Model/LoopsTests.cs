using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The loop facts LMB0002, LMB0006 and LMB0010 share: enclosing loops, conditions, counters and counted loops.</summary>
public sealed class LoopsTests
{
    private sealed record Method(IOperation Body)
    {
        public IEnumerable<ILoopOperation> AllLoops => Body.Descendants().OfType<ILoopOperation>();

        public IInvocationOperation Call(string name) =>
            Body.Descendants().OfType<IInvocationOperation>().Single(c => c.TargetMethod.Name == name);

        public LocalAssignments Locals => new([Body]);

        /// <summary>The condition of the method's only loop, which must have one.</summary>
        public IOperation? Condition()
        {
            Assert.True(Loops.TryGetCondition(AllLoops.Single(), out var condition));
            return condition;
        }

        /// <summary>The iterations of the method's only loop, a <c>for</c>, with only compile-time constants as constants.</summary>
        public long? CountedIterations() =>
            Loops.CountedIterations((IForLoopOperation)AllLoops.Single(), Locals, ConstantOnly);
    }

    private static long? ConstantOnly(IOperation value) =>
        value.ConstantValue switch
        {
            { HasValue: true, Value: int number } => number,
            { HasValue: true, Value: long number } => number,
            _ => null,
        };

    private static async Task<Method> CompileAsync(string body)
    {
        var source = $$"""
            using System;
            using System.Threading.Tasks;

            public class C
            {
                private int _attempts;

                public async Task M(string id, int limit, bool ready)
                {
                    {{body}}
                }

                private static void Poll() { }

                private static void Step(ref int value) => value++;
            }
            """;
        var compilation = await ModelCompilation.CreateAsync(source);
        return new Method(compilation.OperationOf(compilation.Method("M").DeclaringSyntaxReferences.Single().GetSyntax()));
    }

    [Theory]
    [InlineData("while (!ready) { Poll(); }")]
    [InlineData("do { Poll(); } while (!ready);")]
    [InlineData("for (var i = 0; i < limit; i++) { Poll(); }")]
    [InlineData("foreach (var part in id.Split(',')) { Poll(); }")]
    public async Task CallInLoop_IsEnclosedByThatLoop(string body)
    {
        var method = await CompileAsync(body);

        Assert.Same(method.AllLoops.Single(), Loops.Enclosing(method.Call("Poll")));
    }

    [Fact]
    public async Task CallInNestedLoops_IsEnclosedByTheInnerLoopThenTheOuter()
    {
        var method = await CompileAsync("while (!ready) { for (var i = 0; i < limit; i++) { Poll(); } }");
        var outer = method.AllLoops.OfType<IWhileLoopOperation>().Single();
        var inner = method.AllLoops.OfType<IForLoopOperation>().Single();

        Assert.Same(inner, Loops.Enclosing(method.Call("Poll")));
        Assert.Same(outer, Loops.Enclosing(inner));
        Assert.Null(Loops.Enclosing(outer));
    }

    [Theory]
    [InlineData("while (!ready) { Action later = () => Poll(); later(); }")]
    [InlineData("while (!ready) { Local(); void Local() => Poll(); }")]
    [InlineData("Poll(); while (!ready) { }")]
    public async Task CallInLambdaInLoopOrOutsideLoops_HasNoEnclosingLoop(string body)
    {
        var method = await CompileAsync(body);

        Assert.Null(Loops.Enclosing(method.Call("Poll")));
    }

    [Theory]
    [InlineData("while (true) { Poll(); }", true)]
    [InlineData("const bool forever = true; while (forever) { Poll(); }", true)]
    [InlineData("while (!ready) { Poll(); }", false)]
    [InlineData("while (ready == true) { Poll(); }", false)]
    public async Task WhileCondition_IsConstantTrueOnlyWhenTheCompilerKnowsItTrue(string body, bool constantTrue)
    {
        var method = await CompileAsync(body);

        Assert.Equal(constantTrue, Loops.IsConstantTrue(method.Condition()!));
    }

    [Fact]
    public async Task ForeachHasNoCondition_ForWithoutOneHasANullCondition()
    {
        var foreachLoop = (await CompileAsync("foreach (var part in id.Split(',')) { Poll(); }")).AllLoops.Single();
        var endless = await CompileAsync("for (;;) { Poll(); }");

        Assert.False(Loops.TryGetCondition(foreachLoop, out _));
        Assert.Null(endless.Condition());
    }

    [Theory]
    [InlineData("var attempt = 0; while (attempt < limit) { attempt++; Poll(); }", true)]
    [InlineData("var left = limit; while (left != 0) { left -= 1; Poll(); }", true)]
    [InlineData("while (_attempts <= limit) { _attempts += 1; Poll(); }", true)]
    [InlineData("var attempt = 0; while (!ready) { attempt++; Poll(); }", false)]
    [InlineData("var attempt = 0; while (id != \"DONE\") { attempt++; Poll(); }", false)]
    [InlineData("var attempt = 0; while (attempt < limit) { Poll(); }", false)]
    [InlineData("var attempt = 0; while (attempt < limit) { Action later = () => attempt++; Poll(); }", false)]
    public async Task WhileCondition_ComparesACounterOnlyWhenTheLoopStepsTheComparedVariable(string body, bool compares)
    {
        var method = await CompileAsync(body);

        Assert.Equal(compares, Loops.ComparesCounter(method.Condition()!, Loops.Counters(method.AllLoops.Single())));
    }

    [Fact]
    public async Task Counters_AreTheVariablesTheLoopsOwnCodeSteps()
    {
        var method = await CompileAsync(
            "var a = 0; var b = 0; var c = 0; while (!ready) { a++; --b; _attempts += 2; Action later = () => c++; c = 1; }");

        var counters = Loops.Counters(method.AllLoops.Single());

        Assert.Equal(["_attempts", "a", "b"], counters.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("for (var i = 0; i < 10; i++) { Poll(); }", 10L)]
    [InlineData("for (var i = 0; i <= 10; i++) { Poll(); }", 11L)]
    [InlineData("for (var i = 3; i < 10; i++) { Poll(); }", 7L)]
    [InlineData("for (long i = -5; i < 5; i++) { Poll(); }", 10L)]
    public async Task CountedForLoop_CountsItsIterations(string body, long iterations)
    {
        var method = await CompileAsync(body);

        Assert.Equal(iterations, method.CountedIterations());
    }

    [Theory]
    [InlineData("for (var i = 0; i < 10; i++) { if (ready) { break; } Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++) { if (ready) { continue; } Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++) { if (ready) { return; } Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++) { i = 5; Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++) { i++; Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++) { Step(ref i); Poll(); }")]
    [InlineData("for (var i = 0; i < limit; i++) { Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i += 2) { Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i += 1) { Poll(); }")] // the step is a second assignment: the start is not known
    [InlineData("for (var i = 10; i > 0; i--) { Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i--) { Poll(); }")]
    [InlineData("for (var i = 10; i < 10; i++) { Poll(); }")]
    [InlineData("for (var i = 0; i < 10; i++, Poll()) { }")]
    public async Task ForLoopNotCountedOrLeftEarly_HasNoIterationCount(string body)
    {
        var method = await CompileAsync(body);

        Assert.Null(method.CountedIterations());
    }

    [Fact]
    public async Task CountedIterations_AsksTheCallerForConstants()
    {
        var method = await CompileAsync("const int start = 2; var end = 12; for (var i = start; i < end; i++) { Poll(); }");
        var loop = (IForLoopOperation)method.AllLoops.Single();
        var locals = method.Locals;

        // The bound is a local assigned once: a constant only to a caller that follows locals.
        long? FollowingLocals(IOperation value) =>
            value is ILocalReferenceOperation local && locals.GetSingleAssignment(local.Local) is { } assigned
                ? FollowingLocals(assigned)
                : ConstantOnly(value);

        Assert.Null(Loops.CountedIterations(loop, locals, ConstantOnly));
        Assert.Equal(10L, Loops.CountedIterations(loop, locals, FollowingLocals));
    }

    [Theory]
    [InlineData("Poll();", 1L)]
    [InlineData("for (var i = 0; i < 4; i++) { Poll(); }", 4L)]
    [InlineData("for (var i = 0; i < 4; i++) { try { Poll(); } finally { } }", 4L)]
    [InlineData("for (var i = 0; i < 4; i++) { Action later = () => Poll(); }", 1L)]
    [InlineData("for (var i = 0; i < 4; i++) { if (ready) { Poll(); } }", null)]
    [InlineData("while (!ready) { Poll(); }", null)]
    [InlineData("for (var i = 0; i < 4; i++) { for (var j = 0; j < 3; j++) { Poll(); } }", 3L)] // the loop it is in, not the one outside
    [InlineData("for (var i = 0; i < limit; i++) { Poll(); }", null)]
    public async Task Iterations_AreOneOutsideLoopsTheCountOfAnUnconditionalCountedForLoopElseUnknown(string body, long? iterations)
    {
        var method = await CompileAsync(body);

        Assert.Equal(iterations, Loops.Iterations(method.Call("Poll"), method.Locals, ConstantOnly));
    }
}
