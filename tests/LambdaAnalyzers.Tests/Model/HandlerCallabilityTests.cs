using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>What the class-library runtime can call: the checks of its handler loading, in its order.</summary>
public sealed class HandlerCallabilityTests
{
    private static async Task<IReadOnlyList<CallabilityProblemKind>> KindsAsync(string source, string method = "Handle")
    {
        var compilation = await ModelCompilation.CreateAsync("using System.IO;\nusing System.Threading.Tasks;\nusing Amazon.Lambda.Core;\n" + source);
        return compilation.Model.Callability.FindProblems(compilation.Method(method), []).Select(p => p.Kind).ToList();
    }

    [Fact]
    public async Task EveryProblem_InTheOrderTheRuntimeChecks()
    {
        var kinds = await KindsAsync("""
            public sealed record Order(string Id);

            public class Function(string table)
            {
                public Order Handle<T>(Order order, T second, ILambdaContext context, params string[] rest) => order with { Id = table };
            }
            """);

        Assert.Equal(
            [
                CallabilityProblemKind.Generic, CallabilityProblemKind.Params, CallabilityProblemKind.NoPublicConstructor,
                CallabilityProblemKind.TooManyParameters, CallabilityProblemKind.OutputNeedsSerializer,
            ],
            kinds);
    }

    [Fact]
    public async Task AbstractMethod_IsRefused()
    {
        // No entry source hands the rule an abstract method (LMB0011 reports a handler string naming one); the runtime
        // refuses it all the same.
        var kinds = await KindsAsync("public abstract class Function { public abstract void Handle(Stream input, ILambdaContext context); }");

        Assert.Equal([CallabilityProblemKind.Abstract], kinds);
    }

    [Theory]
    [InlineData("public Task<string> Handle(Stream input) => Task.FromResult(input.ToString()!);", true)]
    [InlineData("public Reply Handle(Stream input) => new();", true)]
    [InlineData("public Task<Stream> Handle(Stream input) => Task.FromResult(input);", false)]
    [InlineData("public Task<FileStream> Handle(Stream input) => Task.FromResult((FileStream)input);", false)]
    [InlineData("public Task Handle(Stream input) => input.FlushAsync();", false)]
    [InlineData("public Done Handle(Stream input) => new();", false)]
    public async Task ReturnedData_IsTheValueOrTheResultOfATaskOfT(string declaration, bool needsSerializer)
    {
        var kinds = await KindsAsync($$"""
            public sealed class Reply : Task<int> { public Reply() : base(() => 1) { } }

            public sealed class Done : Task { public Done() : base(() => { }) { } }

            public class Function { {{declaration}} }
            """);

        Assert.Equal(needsSerializer ? [CallabilityProblemKind.OutputNeedsSerializer] : [], kinds);
    }

    [Fact]
    public async Task ReplyDerivedFromTaskOfInt_ReturnsTheInt()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Reply : Task<int> { public Reply() : base(() => 1) { } }

            public class Function { public Reply Handle(Stream input) => new(); }
            """);

        var problem = Assert.Single(compilation.Model.Callability.FindProblems(compilation.Method("Handle"), []));

        Assert.Equal(SpecialType.System_Int32, problem.Type?.SpecialType);
    }

    [Fact]
    public async Task SecondParameterImplementingTheContext_IsAContext()
    {
        var kinds = await KindsAsync("""
            public interface ITracedContext : ILambdaContext
            {
                string Segment { get; }
            }

            public class Function { public void Handle(Stream input, ITracedContext context) { } }
            """);

        Assert.Empty(kinds);
    }

    [Fact]
    public async Task NamedTypes_AreTheOnesTheRuntimeCreates()
    {
        const string source = """
            using System.IO;

            namespace Orders
            {
                public abstract class FunctionBase
                {
                    public Stream Handle(Stream input) => input;
                }

                public class Plain : FunctionBase { }

                public class Configured : FunctionBase
                {
                    public Configured(string table) { }
                }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/template.yaml", SourceText.From("""
            Resources:
              One:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Plain::Handle
              Two:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Configured::Handle
            """));
        var model = LambdaModel.TryGet(compilation, new AnalyzerOptions([template]))!;
        var handle = compilation.GetSymbolsWithName("Handle", SymbolFilter.Member).OfType<IMethodSymbol>().Single();

        var types = model.Handlers.GetHandlerStringTypes(handle);
        var problem = Assert.Single(model.Callability.FindProblems(handle, types));

        Assert.Equal(["Plain", "Configured"], types.Select(t => t.Name));
        Assert.Equal(CallabilityProblemKind.NoPublicConstructor, problem.Kind);
        Assert.Equal("Configured", problem.Type?.Name);

        // Without the handler strings, the method's own (abstract) type would be the one to create.
        Assert.Empty(LambdaModel.TryGet(compilation, ModelCompilation.NoOptions)!.Handlers.GetHandlerStringTypes(handle));
    }
}
