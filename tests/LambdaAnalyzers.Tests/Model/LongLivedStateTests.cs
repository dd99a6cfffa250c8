using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Long-lived state, one definition: which members a per-invocation write stores into outlive the invocation.</summary>
public sealed class LongLivedStateTests
{
    [Theory]
    [InlineData("s_last = input;", "s_last", true)]
    [InlineData("_last = input;", "_last", false)]
    [InlineData("Last = input;", "Last", false)]
    [InlineData("_state.User = input;", "_state.User", false)]
    [InlineData("s_items[input] = input;", "s_items", true)]
    [InlineData("t_last = input;", null, false)]
    [InlineData("var local = input;", null, false)]
    [InlineData("Environment.ExitCode = 1;", null, false)]
    public async Task WritesInAReusedHandler(string statement, string? holder, bool isStatic)
    {
        var compilation = await ModelCompilation.CreateAsync($$"""
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.Core;

            public class State { public string? User; }

            public class Function
            {
                private static string? s_last;
                [ThreadStatic] private static string? t_last;
                private static readonly Dictionary<string, string> s_items = new();
                private string? _last;
                private readonly State _state = new();

                public string? Last { get; set; }

                public void Handle(string input, ILambdaContext context)
                {
                    {{statement}}
                }
            }
            """);

        AssertHolder(compilation, holder, isStatic);
    }

    [Theory]
    [InlineData("public class Helper { private string? _last; public Helper(int size) { } public void Handle(string input, ILambdaContext context) { _last = input; } }", null)]
    [InlineData("public class Function(IFormatProvider format) { public void Handle(string input, ILambdaContext context) { format = null!; } }", null)]
    [InlineData("public class Function(IFormatProvider format) { [Amazon.Lambda.Annotations.LambdaFunction] public void Handle(string input, ILambdaContext context) { format = null!; } }", "format")]
    public async Task LifetimeOfTheInstance_Decides(string declaration, string? holder)
    {
        var compilation = await ModelCompilation.CreateAsync("using System;\nusing Amazon.Lambda.Core;\n" + declaration);

        AssertHolder(compilation, holder, isStatic: false);
    }

    private static void AssertHolder(ModelCompilation compilation, string? expected, bool isStatic)
    {
        var handle = compilation.Method("Handle");
        var scope = compilation.Scope("Handle")!;
        var statement = compilation.Compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.Text == "Handle").Body!.Statements.Single();
        var holders = new StateHolders(compilation.Model.State, scope, handle, ImmutableHashSet<ISymbol>.Empty);
        var target = compilation.OperationOf(statement) switch
        {
            Microsoft.CodeAnalysis.Operations.IExpressionStatementOperation { Operation: Microsoft.CodeAnalysis.Operations.IAssignmentOperation assignment } => assignment.Target,
            var other => other,
        };

        var found = holders.TryGetWrittenHolder(target, out var holder, out _);

        Assert.Equal(expected is not null, found);
        if (found)
        {
            Assert.Equal(expected, holder.Name);
            Assert.Equal(isStatic, holder.IsStatic);
        }
    }
}
