using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The model's two facts about test code: test methods and test projects.</summary>
public sealed class TestCodeTests
{
    /// <summary>Each framework's test attributes, in an assembly of the framework's real name.</summary>
    public static TheoryData<string, string, string, string> Frameworks => new()
    {
        { "nunit.framework", "NUnit.Framework", "TestAttribute", "Test" },
        { "nunit.framework", "NUnit.Framework", "TestCaseAttribute", "TestCase(1)" },
        { "nunit.framework", "NUnit.Framework", "TestCaseSourceAttribute", "TestCaseSource(\"Cases\")" },
        { "nunit.framework", "NUnit.Framework", "TheoryAttribute", "Theory" },
        { "Microsoft.VisualStudio.TestPlatform.TestFramework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TestMethodAttribute", "TestMethod" },
        { "MSTest.TestFramework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TestMethodAttribute", "TestMethod" },
        { "xunit.v3.core", "Xunit", "FactAttribute", "Fact" },
        { "xunit.v3.core", "Xunit", "TheoryAttribute", "Theory" },
        { "TUnit.Core", "TUnit.Core", "TestAttribute", "Test" },
    };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public async Task FrameworkTestAttribute_MakesATestMethod_AndATestProject(string assembly, string ns, string attribute, string usage)
    {
        var framework = await LibraryReference.CreateAsync(assembly, $$"""
            namespace {{ns}}
            {
                [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
                public class {{attribute}} : System.Attribute
                {
                    public {{attribute}}() { }
                    public {{attribute}}(object argument) { }
                }
            }
            """);
        var compilation = await ModelCompilation.CreateAsync($$"""
            using {{ns}};
            using Amazon.Lambda.Core;

            public class FunctionTests
            {
                [{{usage}}]
                public void Handles(ILambdaContext context) { }

                public void Helper(ILambdaContext context) { }
            }
            """, [framework]);

        Assert.True(compilation.Model.Handlers.Tests.IsTestMethod(compilation.Method("Handles")));
        Assert.False(compilation.Model.Handlers.Tests.IsTestMethod(compilation.Method("Helper")));
        Assert.True(compilation.Model.Handlers.Tests.IsTestProject);
    }

    [Fact]
    public async Task XunitV2FactAndTheory_AndAnAttributeDerivedFromThem_MakeTestMethods()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;
            using Xunit;

            public sealed class RetryFactAttribute : FactAttribute { }

            public class FunctionTests
            {
                [Fact] public void ByFact(ILambdaContext context) { }
                [Theory, InlineData(1)] public void ByTheory(int value) { }
                [RetryFact] public void ByDerived(ILambdaContext context) { }
            }
            """, [MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location)]);

        var tests = compilation.Model.Handlers.Tests;
        Assert.True(tests.IsTestMethod(compilation.Method("ByFact")));
        Assert.True(tests.IsTestMethod(compilation.Method("ByTheory")));
        Assert.True(tests.IsTestMethod(compilation.Method("ByDerived")));
    }

    [Fact]
    public async Task AttributeThatDoesNotBind_IsJudgedByItsSimpleName()
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", """
            using Amazon.Lambda.Core;

            public class FunctionTests
            {
                [Fact] public void ByName(ILambdaContext context) { }
                [TestMethodAttribute] public void ByNameWithSuffix(ILambdaContext context) { }
                [Benchmark] public void OtherName(ILambdaContext context) { }
            }
            """)], FunctionProject.References);
        var tests = LambdaModel.TryGet(compilation, ModelCompilation.NoOptions)!.Handlers.Tests;

        Assert.True(tests.IsTestMethod(Method(compilation, "ByName")));
        Assert.True(tests.IsTestMethod(Method(compilation, "ByNameWithSuffix")));
        Assert.False(tests.IsTestMethod(Method(compilation, "OtherName")));
        Assert.False(tests.IsTestProject);
    }

    [Fact]
    public async Task LookAlikeAttributeDeclaredInTheProject_DoesNotMakeATestMethod()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;

            public sealed class TestAttribute : System.Attribute { }

            public class Function
            {
                [Test] public void Handle(string input, ILambdaContext context) { }
            }
            """);

        Assert.False(compilation.Model.Handlers.Tests.IsTestMethod(compilation.Method("Handle")));
        Assert.True(compilation.Model.Handlers.IsHandler(compilation.Method("Handle"), null, CancellationToken.None));
    }

    [Fact]
    public async Task TestUtilitiesReference_MakesATestProject()
    {
        var function = await ModelCompilation.CreateAsync("public class C { }");
        var tests = await ModelCompilation.CreateAsync("public class C { }", [TestReferences.TestUtilities]);

        Assert.False(function.Model.Handlers.Tests.IsTestProject);
        Assert.True(tests.Model.Handlers.Tests.IsTestProject);
    }

    private static IMethodSymbol Method(Compilation compilation, string name) =>
        compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Single();
}
