using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The scope decision: which code runs per invocation, and why.</summary>
public sealed class RegionTests
{
    [Fact]
    public async Task HandlerMethod_IsOneHandlerBodyRegion_WithItsContext_HoistedToAField()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => new AmazonS3Client().ToString()!;
            }
            """);

        var scope = compilation.Scope("Handle")!;
        var region = scope.GetRegion(compilation.Creation("new AmazonS3Client()"))!;

        Assert.Equal(RegionKind.HandlerBody, region.Kind);
        Assert.Equal("Handle", region.Entry!.Name);
        Assert.Equal("context", region.LambdaContext!.Name);
        Assert.Equal(HoistTarget.Field, region.Hoist);
        Assert.Same(region.Entry, scope.HandlerMethod);
    }

    [Fact]
    public async Task LambdaGivenToABootstrap_IsANestedHandlerRegion_HoistedToALocal_AndTheInitCodeIsNot()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            public static class Program
            {
                public static async Task Main()
                {
                    var shared = new AmazonS3Client();
                    await LambdaBootstrapBuilder.Create<string, string>((input, context) => new AmazonDynamoDB().ToString()!, null!).Build().RunAsync();
                }
            }

            public class AmazonDynamoDB { }
            """, outputKind: OutputKind.ConsoleApplication);

        var scope = compilation.Scope("Main")!;
        var region = scope.GetRegion(compilation.Creation("new AmazonDynamoDB()"))!;

        Assert.Equal(RegionKind.NestedHandler, region.Kind);
        Assert.Equal(HoistTarget.LocalBeforeHandler, region.Hoist);
        Assert.Equal("context", region.LambdaContext!.Name);
        Assert.Null(scope.HandlerMethod);
        Assert.Null(scope.GetRegion(compilation.Creation("new AmazonS3Client()")));
    }

    [Fact]
    public async Task SnapStartCallbacks_InAHandler_AreNotPerInvocation()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class First { }
            public class Second { }
            public class Third { }
            public class Fourth { }

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    SnapshotRestore.RegisterAfterRestore(() => { _ = new First(); return default; });
                    SnapshotRestore.RegisterBeforeSnapshot(delegate { _ = new Second(); return default; });
                    SnapshotRestore.RegisterAfterRestore(Restore);
                    return new Fourth().ToString()!;

                    ValueTask Restore()
                    {
                        _ = new Third();
                        return default;
                    }
                }
            }
            """);

        var scope = compilation.Scope("Handle")!;

        Assert.Null(scope.GetRegion(compilation.Creation("new First()")));
        Assert.Null(scope.GetRegion(compilation.Creation("new Second()")));
        Assert.Null(scope.GetRegion(compilation.Creation("new Third()")));
        Assert.NotNull(scope.GetRegion(compilation.Creation("new Fourth()")));
    }

    [Fact]
    public async Task TestMethod_WithAContextParameterAndNestedHandlers_HasNoScope()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System;
            using Amazon.Lambda.Core;
            using Xunit;

            public class FunctionTests
            {
                [Fact]
                public void Handles(ILambdaContext context)
                {
                    Func<string, ILambdaContext, string> handler = (input, ctx) => input;
                    string Local(string input, ILambdaContext ctx) => input;
                }
            }
            """, [MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location)]);

        Assert.Null(compilation.Scope("Handles"));
    }

    [Fact]
    public async Task LambdaTakingAContext_InATestProject_IsNoHandler()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System;
            using Amazon.Lambda.Core;

            public class FunctionTests
            {
                public void Handles()
                {
                    Func<string, ILambdaContext, string> handler = (input, ctx) => input;
                }
            }
            """, [TestReferences.TestUtilities]);

        Assert.Null(compilation.Scope("Handles"));
    }

    [Fact]
    public async Task CalledLocalFunctionWithoutAContext_IsARegionWithoutOne()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System;
            using Amazon.Lambda.Core;

            public class Startup
            {
                public Func<string, ILambdaContext, string> Create()
                {
                    return (input, context) => Work(input);

                    string Work(string value) => value;
                }
            }
            """);

        var scope = compilation.Scope("Create")!;
        var work = compilation.Operation<LocalFunctionStatementSyntax>("string Work(string value) => value;");
        var region = scope.GetRegion(work)!;

        Assert.Equal(RegionKind.NestedHandler, region.Kind);
        Assert.Same(work, region.Root);
        Assert.Null(region.LambdaContext);
    }

    [Theory]
    [InlineData("using Ctx = Amazon.Lambda.Core.ILambdaContext;", "Ctx")]
    [InlineData("using Core = Amazon.Lambda.Core;", "Core.ILambdaContext")]
    public async Task LocalFunctionTakingTheContextThroughAnAlias_IsANestedHandlerRegion(string alias, string contextType)
    {
        var compilation = await ModelCompilation.CreateAsync($$"""
            {{alias}}
            using Amazon.S3;

            public class Startup
            {
                public void Configure()
                {
                    string Handle(string input, {{contextType}} context) => new AmazonS3Client().ToString()!;
                }
            }
            """);

        var region = compilation.Scope("Configure")!.GetRegion(compilation.Creation("new AmazonS3Client()"))!;

        Assert.Equal(RegionKind.NestedHandler, region.Kind);
        Assert.Equal("Handle", region.Entry!.Name);
    }

    [Fact]
    public async Task LocalFunctionWithABlockBody_TakingTheContextThroughAGlobalAliasInAnotherFile_IsANestedHandlerRegion()
    {
        var compilation = await ModelCompilation.CreateAsync(
            """
            using Amazon.S3;

            public class Startup
            {
                public void Configure()
                {
                    string Handle(string input, Ctx context)
                    {
                        return new AmazonS3Client().ToString()!;
                    }
                }
            }
            """,
            extraSources: [("GlobalUsings.cs", "global using Ctx = Amazon.Lambda.Core.ILambdaContext;")]);

        var region = compilation.Scope("Configure")!.GetRegion(compilation.Creation("new AmazonS3Client()"))!;

        Assert.Equal(RegionKind.NestedHandler, region.Kind);
    }

    [Fact]
    public async Task LocalFunctionRegisteredThroughAUsingStatic_WithoutTheContext_IsANestedHandlerRegion()
    {
        var compilation = await ModelCompilation.CreateAsync(
            """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            public static class Program
            {
                public static async Task Main()
                {
                    await Create(Handle).Build().RunAsync();

                    Task Handle(Stream input)
                    {
                        return Task.FromResult(new AmazonS3Client().ToString());
                    }
                }
            }
            """,
            outputKind: OutputKind.ConsoleApplication,
            extraSources: [("GlobalUsings.cs", "global using static Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder;")]);

        var region = compilation.Scope("Main")!.GetRegion(compilation.Creation("new AmazonS3Client()"))!;

        Assert.Equal(RegionKind.NestedHandler, region.Kind);
    }
}
