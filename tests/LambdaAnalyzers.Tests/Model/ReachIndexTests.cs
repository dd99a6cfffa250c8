using System.Text;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The reach index: which methods per-invocation code calls, by which shortest chain, from which entries.</summary>
public sealed class ReachIndexTests
{
    [Fact]
    public async Task Callees_KeepTheirShortestChain_AndEveryEntryThatReachesThem()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;

            public static class Audit
            {
                public static void Record(string what) => Store.Write(what);
            }

            public static class Store
            {
                public static void Write(string what) { }
            }

            public class Orders
            {
                public void Handle(string input, ILambdaContext context) => Audit.Record(input);
            }

            public class Refunds
            {
                public void Handle(string input, ILambdaContext context) => Store.Write(input);
            }
            """);

        var reach = compilation.Model.GetReach(CancellationToken.None);
        var write = reach.Get(compilation.Method("Write"))!;
        var record = reach.Get(compilation.Method("Record"))!;

        Assert.Equal(1, write.Depth);
        Assert.Equal("Refunds.Handle", write.EntryName);
        Assert.Equal(["Orders.Handle", "Refunds.Handle"], write.Entries.Select(ReachPath.NameOf).Order());
        Assert.Equal(1, record.Depth);
        Assert.Equal("Orders.Handle", Assert.Single(record.Entries).ContainingType.Name + ".Handle");
        Assert.Null(reach.Get(compilation.Method("Handle", "Orders")));
    }

    [Fact]
    public async Task AChainOfAThousandMethods_IsFollowedToTheDepthOnly_WithoutRecursion()
    {
        var source = new StringBuilder("""
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handle(string input, ILambdaContext context) => Chain.M0();
            }

            public static class Chain
            {

            """);
        for (var i = 0; i < 1000; i++)
        {
            source.Append("    public static void M").Append(i).Append("() => M").Append(i + 1).Append("();\n");
        }

        source.Append("    public static void M1000() { }\n}\n");
        var compilation = await ModelCompilation.CreateAsync(source.ToString());

        var reach = compilation.Model.GetReach(CancellationToken.None);

        Assert.Equal(3, reach.Get(compilation.Method("M2"))!.Depth);
        Assert.Equal("'Chain.M0', 'Chain.M1', 'Chain.M2'", reach.Get(compilation.Method("M2"))!.Through);
        Assert.Null(reach.Get(compilation.Method("M3")));
        Assert.False(reach.StoppedAtLimit);
    }

    [Fact]
    public async Task TheIndexStopsAtItsLimitOfBoundMethods()
    {
        var source = new StringBuilder("""
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handle(string input, ILambdaContext context)
                {

            """);
        for (var i = 0; i < ReachIndex.MaxBoundMethods + 10; i++)
        {
            source.Append("        Many.M").Append(i).Append("();\n");
        }

        source.Append("    }\n}\n\npublic static class Sink\n{\n    public static void Use() { }\n}\n\npublic static class Many\n{\n");
        for (var i = 0; i < ReachIndex.MaxBoundMethods + 10; i++)
        {
            // Each calls into the project, so each must be bound to be followed.
            source.Append("    public static void M").Append(i).Append("() => Sink.Use();\n");
        }

        source.Append("}\n");
        var compilation = await ModelCompilation.CreateAsync(source.ToString());

        var reach = compilation.Model.GetReach(CancellationToken.None);

        Assert.True(reach.StoppedAtLimit);
        Assert.Equal(ReachIndex.MaxBoundMethods, reach.BoundMethods);
    }

    [Theory]
    [InlineData("", 3)]
    // A record's equality operators are the compiler's: they do not make every comparison a possible call.
    [InlineData("public record Order(int Id, string Customer);", 3)]
    // An operator of the project's own may stand behind any operator in the code: Total is bound.
    [InlineData("public readonly struct Money { public static Money operator +(Money a, Money b) => a; }", 4)]
    public async Task CodeThatNamesNothingOfTheProject_AndTheLastLevel_AreNotBound(string declaration, int bound)
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.Linq;
            using Amazon.Lambda.Core;

            """ + declaration + """


            public class Function
            {
                public int Handle(int[] input, ILambdaContext context) => Math.Total(input) + A.One();
            }

            public static class Math
            {
                public static int Total(int[] values) => values.Where(v => v > 0).Sum();
            }

            public static class A { public static int One() => B.Two(); }
            public static class B { public static int Two() => C.Three(); }
            public static class C { public static int Three() => D.Four(); }
            public static class D { public static int Four() => 4; }
            """);

        var reach = compilation.Model.GetReach(CancellationToken.None);

        // Handle, One and Two: Total names nothing of the project, Three is at the largest depth.
        Assert.Equal(bound, reach.BoundMethods);
        Assert.NotNull(reach.Get(compilation.Method("Total")));
        Assert.Equal(3, reach.Get(compilation.Method("Three"))!.Depth);
        Assert.Null(reach.Get(compilation.Method("Four")));
    }

    [Fact]
    public async Task GeneratedCode_IsNeitherEnteredNorAnEntry()
    {
        var compilation = await ModelCompilation.CreateAsync(
            """
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handle(string input, ILambdaContext context) => Generated.Helper();
            }

            public static class Plain
            {
                public static void Callee() { }
            }
            """,
            extraSources:
            [
                ("Generated.g.cs", """
                    public static class Generated
                    {
                        public static void Helper() => Plain.Callee();
                        public static void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => Plain.Callee();
                    }
                    """),
            ]);

        var reach = compilation.Model.GetReach(CancellationToken.None);

        Assert.Null(reach.Get(compilation.Method("Helper")));
        Assert.Null(reach.Get(compilation.Method("Callee")));
    }

    [Fact]
    public async Task ConstructorsChainedTo_AndInitializersOfCreatedTypes_RunPerInvocation_StaticOnesDoNot()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;

            public class Base
            {
                public Base() { }
            }

            public class Repository : Base
            {
                private static readonly string s_table = Names.Table();
                private readonly string _table = Names.Instance();

                public Repository() : this("orders") { }

                public Repository(string table) { }
            }

            public static class Names
            {
                public static string Table() => "t";
                public static string Instance() => "i";
            }

            public class Function
            {
                public void Handle(string input, ILambdaContext context) => new Repository().ToString();
            }
            """);

        var reach = compilation.Model.GetReach(CancellationToken.None);

        Assert.NotNull(reach.GetCreatedType(compilation.Type("Repository")));
        Assert.NotNull(reach.Get(compilation.Method("Instance")));
        Assert.Null(reach.Get(compilation.Method("Table")));
        Assert.Equal(3, reach.Get(compilation.Type("Base").InstanceConstructors.Single())!.Depth);
    }

    [Fact]
    public async Task ServicesResolvedAsATypeParameter_OrAnArray_DoNotStopTheIndex()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System;
            using Amazon.Lambda.Core;
            using Microsoft.Extensions.DependencyInjection;

            public static class Services
            {
                private static IServiceProvider s_provider = null!;

                public static void Use(IServiceProvider provider) => s_provider = provider;

                public static T Resolve<T>() where T : notnull => s_provider.GetRequiredService<T>();

                public static object? All() => s_provider.GetService(typeof(string[]));
            }

            public static class Store
            {
                public static void Write(string what) { }
            }

            public class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    Services.Resolve<IDisposable>();
                    Services.All();
                    Store.Write(input);
                }
            }
            """);

        var reach = compilation.Model.GetReach(CancellationToken.None);

        Assert.Equal(1, reach.Get(compilation.Method("Resolve"))!.Depth);
        Assert.Equal(1, reach.Get(compilation.Method("Write"))!.Depth);
    }

    // ---- Across compilations (an editor's keystrokes) -------------------------------------------------------------

    private const string CacheHandler = """
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context) => Audit.Record(input);
        }
        """;

    private const string CacheAudit = """
        public static class Audit
        {
            public static void Record(string what) => Store.Write(what);
        }
        """;

    private const string CacheStore = """
        public static class Store
        {
            public static void Write(object what) { }
        }
        """;

    private static async Task<ModelCompilation> CacheCompilationAsync() =>
        await ModelCompilation.CreateAsync(CacheHandler, extraSources: [("Audit.cs", CacheAudit), ("Store.cs", CacheStore)]);

    private static (ReachIndex Reach, Compilation Compilation) ReachAfterReplacing(ModelCompilation compilation, string fileName, string newText)
    {
        var tree = compilation.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(fileName, StringComparison.Ordinal));
        var edited = compilation.Compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText)));
        var model = LambdaModel.TryGet(edited, ModelCompilation.NoOptions)!;
        return (model.GetReach(CancellationToken.None), edited);
    }

    [Fact]
    public async Task AfterAnEditOfABody_TheOtherFilesBodiesAreReadFromTheCache_AndReachTheSameMethods()
    {
        var compilation = await CacheCompilationAsync();
        var first = compilation.Model.GetReach(CancellationToken.None);

        var (next, edited) = ReachAfterReplacing(compilation, "Function.cs", CacheHandler.Replace("Audit.Record(input)", "Audit.Record(input.Trim())"));

        Assert.Equal(0, first.CachedBodies);
        Assert.Equal(1, next.CachedBodies);
        Assert.Equal(first.BoundMethods, next.BoundMethods);
        var write = edited.GetSymbolsWithName("Write", SymbolFilter.Member).OfType<IMethodSymbol>().Single();
        Assert.Equal(2, next.Get(write)!.Depth);
        Assert.Equal("'Audit.Record', 'Store.Write'", next.Get(write)!.Through);
    }

    [Fact]
    public async Task AfterAnEditOfADeclaration_NothingIsReadFromTheCache_SoACallBindsToTheNewOverload()
    {
        var compilation = await CacheCompilationAsync();
        var first = compilation.Model.GetReach(CancellationToken.None);
        Assert.Equal(2, first.Get(compilation.Method("Write"))!.Depth);

        // Audit.cs is not edited, but its call now binds to the new overload.
        var (next, edited) = ReachAfterReplacing(compilation, "Store.cs", CacheStore.Replace(
            "public static void Write(object what) { }", "public static void Write(object what) { }\n    public static void Write(string what) { }"));

        var writes = edited.GetSymbolsWithName("Write", SymbolFilter.Member).OfType<IMethodSymbol>().ToList();
        Assert.Equal(0, next.CachedBodies);
        Assert.NotNull(next.Get(writes.Single(m => m.Parameters[0].Type.SpecialType == SpecialType.System_String)));
        Assert.Null(next.Get(writes.Single(m => m.Parameters[0].Type.SpecialType == SpecialType.System_Object)));
    }
}
