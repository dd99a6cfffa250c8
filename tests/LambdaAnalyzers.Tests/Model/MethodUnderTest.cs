using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>
/// One method compiled against .NET 8, for asking the model about its operations directly: expressions are found by
/// their text, the n-th occurrence in the source.
/// </summary>
internal sealed class MethodUnderTest
{
    private readonly SemanticModel _semanticModel;
    private readonly SyntaxNode _root;

    private MethodUnderTest(Compilation compilation, SemanticModel semanticModel, MethodDeclarationSyntax method)
    {
        _semanticModel = semanticModel;
        _root = semanticModel.SyntaxTree.GetRoot();
        Blocks = ImmutableArray.Create(semanticModel.GetOperation(method)!);
        Members = TaskMembers.TryCreate(new AsyncSymbols(compilation))!;
    }

    /// <summary>The operation blocks of <c>M</c>, as an analyzer receives them.</summary>
    public ImmutableArray<IOperation> Blocks { get; }

    public TaskMembers Members { get; }

    /// <summary>
    /// Compiles <c>async Task&lt;string&gt; M(string input, Task&lt;string&gt;[] tasks, List&lt;Job&gt; jobs)</c> with a
    /// body, next to <c>GetUserAsync</c> and a <c>Job</c> record holding a task.
    /// </summary>
    public static async Task<MethodUnderTest> CompileAsync(string body)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class Job
            {
                public Task<string> Work { get; } = Task.FromResult("");
            }

            public class C
            {
                private readonly Job _job = new();

                public async Task<string> M(string input, Task<string>[] tasks, List<Job> jobs)
                {
                    {{body}}
                }

                private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("C.cs", source)], references: []);
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "M");
        return new MethodUnderTest(compilation, compilation.GetSemanticModel(tree), method);
    }

    /// <summary>The operation of the n-th expression (in source order) whose text is exactly <paramref name="text"/>.</summary>
    public IOperation Find(string text, int occurrence = 0)
    {
        var syntax = _root.DescendantNodes().OfType<ExpressionSyntax>().Where(e => e.ToString() == text).ElementAt(occurrence);
        return _semanticModel.GetOperation(syntax) ?? throw new InvalidOperationException($"'{text}' has no operation");
    }

    /// <summary>Where the n-th expression with this text starts: the position a wait there is judged at.</summary>
    public int PositionOf(string text, int occurrence = 0) => Find(text, occurrence).Syntax.SpanStart;

    public TaskCompletion Completion() => new(Blocks, Members, new LocalAssignments(Blocks));
}
