using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

public sealed class ConstantDurationTests
{
    /// <summary>The argument of <c>Wait(...)</c> in <paramref name="statements"/>, evaluated with the method's locals.</summary>
    private static async Task<ConstantDuration> EvaluateAsync(string statements, string members = "", bool allowErrors = false)
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Function
            {
                private const int ConstMilliseconds = 250;
                private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(3);
                private static readonly TimeSpan s_copy = s_interval;
                private static readonly int s_milliseconds = 2_000;
                private readonly TimeSpan _instance = TimeSpan.FromSeconds(3);
                {{members}}

                public void Run(int parameter, TimeSpan remaining)
                {
                    {{statements}}
                }

                private static void Wait(int milliseconds) { }

                private static void Wait(TimeSpan delay) { }

                private static void Wait(long milliseconds) { }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)]);
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Last(i => i.Expression.ToString() == "Wait");
        // Broken code may bind no call: then the argument alone.
        var argument = semanticModel.GetOperation(call) is IInvocationOperation { Arguments: [var first, ..] }
            ? first.Value
            : semanticModel.GetOperation(call.ArgumentList.Arguments[0].Expression)!;
        var symbols = DeadlineSymbols.Get(LambdaModel.TryGet(compilation, ModelCompilation.NoOptions)!);
        return ConstantDuration.Of(argument, symbols, LocalAssignments.ForBlockOf(argument));
    }

    [Theory]
    [InlineData("Wait(100);", 100)]
    [InlineData("Wait(100L);", 100)]
    [InlineData("Wait(60 * 1000);", 60_000)]
    [InlineData("Wait(0);", 0)]
    [InlineData("Wait(ConstMilliseconds);", 250)]
    [InlineData("const int local = 750; Wait(local);", 750)]
    [InlineData("Wait(TimeSpan.FromTicks(10_000));", 1)]
    [InlineData("Wait(TimeSpan.FromMilliseconds(500));", 500)]
    [InlineData("Wait(TimeSpan.FromSeconds(0.5));", 500)]
    [InlineData("Wait(TimeSpan.FromSeconds(60));", 60_000)]
    [InlineData("Wait(TimeSpan.FromMinutes(2));", 120_000)]
    [InlineData("Wait(TimeSpan.FromHours(1));", 3_600_000)]
    [InlineData("Wait(TimeSpan.FromDays(1));", 86_400_000)]
    [InlineData("Wait(TimeSpan.FromSeconds(ConstMilliseconds));", 250_000)]
    [InlineData("Wait(new TimeSpan(0, 0, 2));", 2_000)]
    [InlineData("Wait(new TimeSpan(1, 0, 0, 0, 5));", 86_400_005)]
    [InlineData("Wait(new TimeSpan(20_000_000));", 2_000)]
    [InlineData("Wait(new TimeSpan());", 0)]
    [InlineData("Wait(default(TimeSpan));", 0)]
    [InlineData("Wait(TimeSpan.Zero);", 0)]
    [InlineData("Wait((TimeSpan.FromSeconds(1)));", 1_000)]
    [InlineData("Wait(s_interval);", 3_000)]
    [InlineData("Wait(s_copy);", 3_000)]
    [InlineData("Wait(s_milliseconds);", 2_000)]
    [InlineData("var delay = TimeSpan.FromSeconds(5); Wait(delay);", 5_000)]
    [InlineData("var milliseconds = 300; Wait(milliseconds);", 300)]
    [InlineData("TimeSpan delay; delay = TimeSpan.FromMilliseconds(40); Wait(delay);", 40)]
    [InlineData("short milliseconds = 20; Wait(milliseconds);", 20)]
    [InlineData("var first = TimeSpan.FromSeconds(2); var second = first; Wait(second);", 2_000)]
    public async Task ConstantForms_AreDurations(string statements, long milliseconds)
    {
        var duration = await EvaluateAsync(statements);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.Value);
        Assert.False(duration.IsInfinite);
        Assert.False(duration.IsUnknown);
    }

    [Theory]
    [InlineData("Wait(Timeout.Infinite);")]
    [InlineData("Wait(Timeout.InfiniteTimeSpan);")]
    [InlineData("Wait(-1);")]
    [InlineData("Wait(TimeSpan.FromMilliseconds(-1));")]
    [InlineData("var forever = Timeout.InfiniteTimeSpan; Wait(forever);")]
    public async Task InfiniteTimeout_IsInfiniteNotADuration(string statements) =>
        AssertNoValue(await EvaluateAsync(statements), infinite: true);

    [Theory]
    [InlineData("Wait(parameter);")]
    [InlineData("Wait(remaining);")]
    [InlineData("Wait(remaining - TimeSpan.FromSeconds(1));")]
    [InlineData("Wait(TimeSpan.FromSeconds(parameter));")]
    [InlineData("Wait(new TimeSpan(0, 0, parameter));")]
    [InlineData("Wait(_instance);")]
    [InlineData("Wait(-5);")]
    [InlineData("Wait(TimeSpan.FromSeconds(-2));")]
    [InlineData("Wait(TimeSpan.FromSeconds(double.NaN));")]
    [InlineData("Wait(TimeSpan.FromDays(1e300));")]
    [InlineData("Wait(long.MaxValue);")]
    [InlineData("Wait((int)s_big);")]
    [InlineData("var delay = TimeSpan.FromSeconds(1); delay = remaining; Wait(delay);")]
    [InlineData("var delay = TimeSpan.FromSeconds(1); Reset(ref delay); Wait(delay); static void Reset(ref TimeSpan value) { }")]
    [InlineData("object boxed = 100; if (boxed is int milliseconds) { Wait(milliseconds); }")]
    [InlineData("foreach (var milliseconds in new[] { 1, 2 }) { Wait(milliseconds); }")]
    [InlineData("Wait(s_reassigned);")]
    public async Task ValuesNotFixedByTheCode_AreUnknown(string statements)
    {
        var duration = await EvaluateAsync(
            statements,
            "private static readonly long s_big = 5_000_000_000; private static readonly TimeSpan s_reassigned = TimeSpan.FromSeconds(1); static Function() { s_reassigned = TimeSpan.FromSeconds(10); }");

        AssertNoValue(duration, infinite: false);
    }

    [Theory]
    [InlineData("Wait(Missing.Value);")]
    [InlineData("Wait(TimeSpan.FromSeconds(")]
    [InlineData("Wait(new TimeSpan(1, ));")]
    [InlineData("var delay = ; Wait(delay);")]
    [InlineData("Wait(TimeSpan.FromFortnights(1));")]
    public async Task BrokenCode_IsUnknown(string statements) =>
        Assert.True((await EvaluateAsync(statements, allowErrors: true)).IsUnknown);

    [Fact]
    public async Task ShortDelay_IsShorterThanOneSecond()
    {
        Assert.True((await EvaluateAsync("Wait(999);")).IsShorterThan(TimeSpan.FromSeconds(1)));
        Assert.False((await EvaluateAsync("Wait(1000);")).IsShorterThan(TimeSpan.FromSeconds(1)));
    }

    /// <summary>Infinite or unknown: no value, and never shorter than a limit.</summary>
    private static void AssertNoValue(ConstantDuration duration, bool infinite)
    {
        Assert.Equal(infinite, duration.IsInfinite);
        Assert.Equal(!infinite, duration.IsUnknown);
        Assert.Null(duration.Value);
        Assert.False(duration.IsShorterThan(TimeSpan.FromSeconds(1)));
    }
}
