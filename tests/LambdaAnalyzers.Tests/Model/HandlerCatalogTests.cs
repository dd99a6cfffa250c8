using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The handler catalog: every entry source, test code excluded, lifetimes and the class-library shape.</summary>
public sealed class HandlerCatalogTests
{
    private const string Functions = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        public class Function
        {
            public string BySignature(string input, ILambdaContext context) => input;

            [LambdaFunction]
            public string ByAttribute(string input) => input;

            public string Helper(string input) => input;
        }

        public static class Program
        {
            public static async Task Main() => await LambdaBootstrapBuilder.Create<string, string>(ByRegistration, null!).Build().RunAsync();

            private static string ByRegistration(string input, ILambdaContext context) => input;
        }
        """;

    [Theory]
    [InlineData("BySignature", true)]
    [InlineData("ByAttribute", true)]
    [InlineData("ByRegistration", true)]
    [InlineData("Helper", false)]
    public async Task EachEntrySource_MakesAHandler(string method, bool isHandler)
    {
        var compilation = await ModelCompilation.CreateAsync(Functions, outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(isHandler, IsHandler(compilation, method));
    }

    [Fact]
    public async Task ARecordsCompilerMadeMembers_AreNoHandlers_ThoughAPositionalParameterIsTheContext()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;

            public record Invocation(string Input, ILambdaContext Context);
            """);
        var deconstruct = compilation.Type("Invocation").GetMembers("Deconstruct").OfType<IMethodSymbol>().Single();
        var tree = compilation.Compilation.SyntaxTrees.First();

        Assert.False(compilation.Model.Handlers.IsHandler(deconstruct, compilation.Compilation.GetSemanticModel(tree), CancellationToken.None));
    }

    [Theory]
    [InlineData("Function", true)]
    [InlineData("Program", true)]
    [InlineData("Order", false)]
    [InlineData("Helpers", false)]
    public async Task ATypeWhoseTextNoSourceCanClaim_DeclaresNoEntries(string type, bool may)
    {
        var compilation = await ModelCompilation.CreateAsync(Functions + """

            public record Order(string Id);

            public static class Helpers
            {
                public static string Trim(string input) => input.Trim();
            }
            """, outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(may, compilation.Model.Handlers.MayDeclareEntries(compilation.Type(type), CancellationToken.None));
    }

    [Theory]
    [InlineData("BySignature", false)]
    [InlineData("ByAttribute", true)]
    [InlineData("ByRegistration", true)]
    public async Task InATestProject_OnlyAnAttributeOrARegistration_MakesAHandler(string method, bool isHandler)
    {
        var compilation = await ModelCompilation.CreateAsync(Functions, [TestReferences.TestUtilities], OutputKind.ConsoleApplication);

        Assert.Equal(isHandler, IsHandler(compilation, method));
    }

    [Theory]
    [InlineData("using Ctx = Amazon.Lambda.Core.ILambdaContext;", "Ctx", null)]
    [InlineData("using Core = Amazon.Lambda.Core;", "Core.ILambdaContext", null)]
    [InlineData("", "Ctx", "global using Ctx = Amazon.Lambda.Core.ILambdaContext;")]
    [InlineData("using Amazon.Lambda.Core;", "Amazon.Lambda.Core.ILambdaContext", null)]
    public async Task TheContextParameter_NamedThroughAnAliasOrAQualifiedName_MakesAHandler(string usings, string contextType, string? globalUsings)
    {
        var compilation = await ModelCompilation.CreateAsync($$"""
            {{usings}}

            public class Function
            {
                public string Handle(string input, {{contextType}} context) => input;
            }
            """, extraSources: globalUsings is null ? null : [("GlobalUsings.cs", globalUsings)]);

        Assert.True(IsHandler(compilation, "Handle"));
    }

    [Fact]
    public async Task TestMethod_IsNeverAHandler_NorItsClassAReusedInstance()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;
            using Xunit;

            public class FunctionTests
            {
                [Fact]
                public void Handles(ILambdaContext context) { }
            }
            """, [MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location)]);

        Assert.False(IsHandler(compilation, "Handles"));
        Assert.False(compilation.Model.Handlers.IsReusedHandlerInstance(compilation.Type("FunctionTests")));
    }

    [Theory]
    [InlineData("public class Function { public string Handle(string input, ILambdaContext context) => input; }", true)]
    [InlineData("public class Function { public Function(int size) { } public string Handle(string input, ILambdaContext context) => input; }", false)]
    [InlineData("public class Function { public Function(int size) { } [Amazon.Lambda.Annotations.LambdaFunction] public string Handle(string input) => input; }", true)]
    [InlineData("public abstract class Function { public string Handle(string input, ILambdaContext context) => input; }", false)]
    [InlineData("public class Function { public static string Handle(string input, ILambdaContext context) => input; }", false)]
    public async Task ReusedHandlerInstance_IsAClassTheRuntimeCreatesOnce(string declaration, bool reused)
    {
        var compilation = await ModelCompilation.CreateAsync("using Amazon.Lambda.Core;\n" + declaration);

        Assert.Equal(reused, compilation.Model.Handlers.IsReusedHandlerInstance(compilation.Type("Function")));
    }

    [Theory]
    [InlineData("public System.Threading.Tasks.ValueTask Handle(string input, ILambdaContext context) => default;", true)]
    [InlineData("public System.Threading.Tasks.ValueTask Handle(ILambdaContext context) => default;", true)]
    [InlineData("public System.Threading.Tasks.ValueTask Handle(string a, string b, ILambdaContext context) => default;", false)]
    [InlineData("public System.Threading.Tasks.ValueTask Handle<T>(T input, ILambdaContext context) => default;", false)]
    [InlineData("public System.Threading.Tasks.ValueTask Handle(ILambdaContext context, string input) => default;", false)]
    [InlineData("public System.Threading.Tasks.ValueTask Handle(ref string input, ILambdaContext context) => default;", false)]
    public async Task ClassLibraryHandlerShape_IsWhatTheRuntimeCanCall(string declaration, bool shape)
    {
        var compilation = await ModelCompilation.CreateAsync("using Amazon.Lambda.Core;\npublic class Function { " + declaration + " }");

        Assert.Equal(shape, compilation.Model.Handlers.HasClassLibraryHandlerShape(compilation.Method("Handle")));
    }

    [Fact]
    public async Task ClassLibraryHandlerShape_InATestProject_IsNotAHandler()
    {
        var compilation = await ModelCompilation.CreateAsync(
            "using Amazon.Lambda.Core;\npublic class Function { public System.Threading.Tasks.ValueTask Handle(string input, ILambdaContext context) => default; }",
            [TestReferences.TestUtilities]);

        Assert.False(compilation.Model.Handlers.HasClassLibraryHandlerShape(compilation.Method("Handle")));
    }

    private static bool IsHandler(ModelCompilation compilation, string name)
    {
        var method = compilation.Method(name);
        var tree = method.DeclaringSyntaxReferences.Single().SyntaxTree;
        return compilation.Model.Handlers.IsHandler(method, compilation.Compilation.GetSemanticModel(tree), CancellationToken.None);
    }
}
