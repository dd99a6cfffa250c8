using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The table of known types, and the model's walk that rules reach through <see cref="LocalReferences"/>.</summary>
public sealed class KnownTypesTests
{
    [Fact]
    public async Task LibraryTypeDeclaredInUserCode_IsNotTheLibrarysType()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            namespace MongoDB.Driver
            {
                public class MongoClient { }
            }
            """);

        var types = KnownTypes.Get(compilation.Compilation);

        Assert.Null(types.Find(KnownTypeNames.MongoDBDriverMongoClient, KnownTypeNames.MongoDBDriverAssemblyName));
        Assert.Null(types.Find(KnownTypeNames.MongoDBDriverMongoClient));
        Assert.NotNull(types.Find(KnownTypeNames.AmazonLambdaCoreILambdaContext, KnownTypeNames.AmazonLambdaCoreAssemblyName));
    }

    [Fact]
    public async Task BclTypeDeclaredInUserCode_IsNotTheBclType()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            namespace System.Net.Http
            {
                public class HttpClient { }
            }
            """);

        var type = KnownTypes.Get(compilation.Compilation).Find(KnownTypeNames.SystemNetHttpHttpClient);

        Assert.NotNull(type);
        Assert.NotEqual(compilation.Compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Fact]
    public async Task BclTypeTwoReferencesDeclare_IsNotFound_AsTheCompilationDecides()
    {
        var library = await LibraryReference.CreateAsync("Polyfills", """
            namespace System.Threading
            {
                public static class LazyInitializer { }
            }
            """);
        var compilation = await ModelCompilation.CreateAsync("public class C { }", [library]);

        var types = KnownTypes.Get(compilation.Compilation);

        Assert.Null(types.Find(KnownTypeNames.SystemThreadingLazyInitializer));
#pragma warning disable RS0030 // The compiler's own answer, to compare with.
        Assert.Null(compilation.Compilation.GetTypeByMetadataName(KnownTypeNames.SystemThreadingLazyInitializer));
#pragma warning restore RS0030
        Assert.NotNull(types.Find(KnownTypeNames.SystemThreadingTasksTask));
    }

    [Fact]
    public async Task LibraryTypeInItsAssembly_IsFound()
    {
        var library = await LibraryReference.CreateAsync("StackExchange.Redis", """
            namespace StackExchange.Redis
            {
                public sealed class ConnectionMultiplexer { }
            }
            """);
        var compilation = await ModelCompilation.CreateAsync("public class C { }", [library]);

        var type = KnownTypes.Get(compilation.Compilation)
            .Find(KnownTypeNames.StackExchangeRedisConnectionMultiplexer, KnownTypeNames.StackExchangeRedisAssemblyName);

        Assert.Equal("StackExchange.Redis", type?.ContainingAssembly.Name);
    }

    [Fact]
    public async Task OneCompilation_SharesOneTableAndOneSymbolPerName()
    {
        var compilation = await ModelCompilation.CreateAsync("public class C { }");

        var types = KnownTypes.Get(compilation.Compilation);

        Assert.Same(types, KnownTypes.Get(compilation.Compilation));
        Assert.Same(types, compilation.Model.Types);
        Assert.NotNull(types.Find(KnownTypeNames.SystemThreadingTasksTask));
        Assert.Same(types.Find(KnownTypeNames.SystemThreadingTasksTask), types.Find(KnownTypeNames.SystemThreadingTasksTask));
        Assert.Null(types.Find("System.NoSuchType"));
    }

    [Fact]
    public async Task LocalReferences_AreTheReadsAndWritesOfThatLocal_InSourceOrder()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            var other = GetUserAsync(input);
            user = other;
            await other;
            return await user;
            """);
        var local = ((ILocalReferenceOperation)method.Find("user", 0)).Local;

        var references = LocalReferences.Find(local, method.Blocks[0]).ToList();

        Assert.Equal(2, references.Count);
        Assert.All(references, reference => Assert.Equal(local, reference.Local, SymbolEqualityComparer.Default));
        Assert.True(references[0].Syntax.SpanStart < references[1].Syntax.SpanStart);
    }
}
