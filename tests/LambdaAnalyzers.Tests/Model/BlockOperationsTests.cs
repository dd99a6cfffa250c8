using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The operations of a block by kind, gathered once and shared by the rules through the scope.</summary>
public sealed class BlockOperationsTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.Lambda.Core;

        public class Function
        {
            private int _count;

            public int Handle(List<int> input, ILambdaContext context)
            {
                var total = 0;
                _count += input.Count;
                (total, _count) = (1, 2);
                foreach (var item in input)
                {
                    total = item;
                }

                Func<int, int> twice = x => Math.Abs(x) * 2;
                int Square(int x) => Math.Max(x, 0) * x;
                return twice(Square(input.Sum()));
            }

            public string Other(string input, ILambdaContext context) => input.Trim();
        }
        """;

    [Fact]
    public async Task HoldsTheOperationsOfEachKind_InSourceOrder_IncludingThoseInLambdasAndLocalFunctions()
    {
        var model = await ModelCompilation.CreateAsync(Source);
        var operations = model.Scope("Handle")!.Operations;

        Assert.Equal(
            ["Abs", "Max", "Invoke", "Square", "Sum"],
            operations.Invocations.Select(i => i.TargetMethod.Name));
        Assert.Equal(["Count"], operations.PropertyReferences.Select(p => p.Property.Name));
        Assert.Equal([OperationKind.CompoundAssignment, OperationKind.SimpleAssignment], operations.Assignments.Select(a => a.Kind));
        Assert.Single(operations.Deconstructions);
        Assert.IsAssignableFrom<IForEachLoopOperation>(Assert.Single(operations.Loops));
        Assert.Single(operations.AnonymousFunctions);
        Assert.Equal("Square", Assert.Single(operations.LocalFunctions).Symbol.Name);
        Assert.Equal(6, operations.Arguments.Length); // Abs(x), Max(x, 0), twice(...), Square(...), and Sum's receiver
        Assert.Empty(operations.ObjectCreations);
    }

    [Fact]
    public async Task IsGatheredOnce_AndSharedByEveryRuleThatAsksTheScope()
    {
        var model = await ModelCompilation.CreateAsync(Source);
        var scope = model.Scope("Handle")!;

        Assert.Same(scope.Operations, scope.Operations);
    }

    [Fact]
    public async Task EachBlock_HoldsOnlyItsOwnOperations_WhenBlocksAreGatheredOneAfterAnother()
    {
        var model = await ModelCompilation.CreateAsync(Source);
        var first = model.Scope("Handle")!.Operations;
        var second = model.Scope("Other")!.Operations;

        Assert.Equal(["Trim"], second.Invocations.Select(i => i.TargetMethod.Name));
        Assert.Empty(second.Assignments);
        Assert.Empty(second.Loops);
        Assert.Empty(second.AnonymousFunctions);
        Assert.Equal(5, first.Invocations.Length);
    }
}
