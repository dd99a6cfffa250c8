using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.HandlerNotCallableAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class HandlerNotCallableAnalyzerTests
{
    private const string Template = "/0/template.yaml";

    private const string Serializer = """
        [assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

        """;

    private static DiagnosticResult Report(DiagnosticDescriptor rule, int markup, params object[] arguments) =>
        Verify.Diagnostic(rule).WithLocation(markup).WithArguments(arguments);

    /// <summary>A SAM template with one function per handler string.</summary>
    private static string Functions(params string[] handlers) =>
        "Resources:\n" + string.Concat(handlers.Select((handler, i) =>
            $"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: {handler}\n"));

    private static Task VerifyWithTemplateAsync(string source, string template, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add((Template, template));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- Reported: no serializer --------------------------------------------------------------------------------

    [Fact]
    public Task InputWithoutSerializer_ReportsOnTheIdentifier() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public sealed record Order(string Id, decimal Total);

        public class Function
        {
            public string {|#0:FunctionHandler|}(Order order, ILambdaContext context) => order.Id;
        }
        """, Report(HandlerNotCallableAnalyzer.InputRule, 0, "FunctionHandler", "Order"));

    [Fact]
    public Task TaskOfDataWithoutSerializer_ReportsTheResultType() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public sealed record Receipt(string Id);

        public class Function
        {
            public async Task<Receipt> {|#0:HandleAsync|}(Stream input, ILambdaContext context)
            {
                using var reader = new StreamReader(input);
                return new Receipt(await reader.ReadToEndAsync());
            }
        }
        """, Report(HandlerNotCallableAnalyzer.OutputRule, 0, "HandleAsync", "Receipt"));

    [Fact]
    public Task ValueReturnedWithoutSerializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static int {|#0:RemainingSeconds|}(ILambdaContext context) => (int)context.RemainingTime.TotalSeconds;
        }
        """, Report(HandlerNotCallableAnalyzer.OutputRule, 0, "RemainingSeconds", "int"));

    [Fact]
    public Task StreamSubclassAsInput_NeedsASerializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void {|#0:Handle|}(MemoryStream input, ILambdaContext context) => input.Flush();
        }
        """, Report(HandlerNotCallableAnalyzer.InputRule, 0, "Handle", "MemoryStream"));

    [Fact]
    public Task AsyncVoidHandlerWithoutSerializer_ReportsItsInput_LeavingAsyncVoidToLmb0003() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public sealed record Order(string Id);

        public class Function
        {
            public async void {|#0:Handle|}(Order order, ILambdaContext context) => await Task.Delay(10);
        }
        """, Report(HandlerNotCallableAnalyzer.InputRule, 0, "Handle", "Order"));

    // ---- Reported: the handler's shape and object ---------------------------------------------------------------

    [Fact]
    public Task InstanceHandlerOfAClassWithoutPublicParameterlessConstructor_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly IAmazonS3 _s3;

            public Function(IAmazonS3 s3) => _s3 = s3;

            public Stream {|#0:Handle|}(Stream input, ILambdaContext context) => input;
        }
        """, Report(HandlerNotCallableAnalyzer.ConstructorRule, 0, "Handle", "Function"));

    [Fact]
    public Task ProtectedParameterlessConstructor_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            protected Function() { }

            public void {|#0:Handle|}(Stream input, ILambdaContext context) => input.Flush();
        }
        """, Report(HandlerNotCallableAnalyzer.ConstructorRule, 0, "Handle", "Function"));

    [Fact]
    public Task Arglist_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            public void {|#0:Handle|}(ILambdaContext context, __arglist) => context.Logger.LogLine("called");
        }
        """, Report(HandlerNotCallableAnalyzer.ArglistRule, 0, "Handle"));

    [Fact]
    public Task ConstructorIsCheckedBeforeTheSerializer_AsTheRuntimeDoes() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public sealed record Order(string Id);

        public class Function(string table)
        {
            public string {|#0:Handle|}(Order order, ILambdaContext context) => table + order.Id;
        }
        """, Report(HandlerNotCallableAnalyzer.ConstructorRule, 0, "Handle", "Function"));

    // ---- Reported: methods named by a handler string -----------------------------------------------------------

    private const string NamedHandlers = """
        using System.IO;
        using Amazon.Lambda.Core;

        namespace Orders
        {
            public class Function
            {
                public string {|#0:Generic|}<T>(T input, ILambdaContext context) => input!.ToString()!;

                public void {|#1:Many|}(params string[] inputs) { }

                public void {|#2:Three|}(string first, string second, ILambdaContext context) { }

                public void {|#3:Pair|}(Stream input, int retries) { }

                public void {|#4:NoContext|}(decimal amount) { }
            }
        }
        """;

    [Fact]
    public Task HandlerStrings_GenericParamsParameterCountAndSecondParameter_AreReported() => VerifyWithTemplateAsync(
        NamedHandlers.Replace("namespace Orders", Serializer + "namespace Orders"),
        Functions(
            "TestProject::Orders.Function::Generic",
            "TestProject::Orders.Function::Many",
            "TestProject::Orders.Function::Three",
            "TestProject::Orders.Function::Pair"),
        Report(HandlerNotCallableAnalyzer.DeclarationRule, 0, "Generic", "generic"),
        Report(HandlerNotCallableAnalyzer.ParamsRule, 1, "Many"),
        Report(HandlerNotCallableAnalyzer.ParameterCountRule, 2, "Three", 3),
        Report(HandlerNotCallableAnalyzer.SecondParameterRule, 3, "Pair", "int"));

    [Fact]
    public Task HandlerStringNamingAMethodWithoutContext_ChecksItsInput() => VerifyWithTemplateAsync(
        NamedHandlers.Replace("{|#0:Generic|}", "Generic").Replace("{|#1:Many|}", "Many").Replace("{|#2:Three|}", "Three").Replace("{|#3:Pair|}", "Pair"),
        Functions("TestProject::Orders.Function::NoContext"),
        Report(HandlerNotCallableAnalyzer.InputRule, 4, "NoContext", "decimal"));

    [Fact]
    public Task WithoutAHandlerString_ShapesTheRuntimeCannotCall_AreNotHandlers() => Verify.VerifyAnalyzerAsync(
        NamedHandlers.Replace("{|#0:Generic|}", "Generic").Replace("{|#1:Many|}", "Many").Replace("{|#2:Three|}", "Three")
            .Replace("{|#3:Pair|}", "Pair").Replace("{|#4:NoContext|}", "NoContext"));

    [Fact]
    public Task InheritedHandler_TheNamedTypeIsTheOneCreated() => VerifyWithTemplateAsync("""
        using System.IO;

        namespace Orders
        {
            public abstract class FunctionBase
            {
                protected FunctionBase() { }

                public Stream {|#0:Handle|}(Stream input) => input;
            }

            public class Configured : FunctionBase
            {
                public Configured(string table) { }
            }

            public class Plain : FunctionBase
            {
            }
        }
        """,
        Functions("TestProject::Orders.Plain::Handle", "TestProject::Orders.Configured::Handle"),
        Report(HandlerNotCallableAnalyzer.ConstructorRule, 0, "Handle", "Configured"));

    // ---- Not reported ---------------------------------------------------------------------------------------------

    [Fact]
    public Task StreamInAndOutWithoutSerializer_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Stream Echo(Stream input, ILambdaContext context) => input;

            // A Stream subclass is written as it is, like a Stream.
            public async Task<MemoryStream> CopyAsync(Stream input, ILambdaContext context)
            {
                var copy = new MemoryStream();
                await input.CopyToAsync(copy);
                return copy;
            }
        }
        """);

    [Fact]
    public Task VoidAndTaskReturns_AreNoData_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Ping(ILambdaContext context) => context.Logger.LogLine("ping");

            public Task FlushAsync(Stream input, ILambdaContext context) => input.FlushAsync();

            public async Task WarmAsync(ILambdaContext context) => await Task.Delay(1);
        }
        """);

    [Fact]
    public Task SerializerOnTheMethodOnly_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        public sealed record Order(string Id);

        public class Function
        {
            [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
            public Order Handle(Order order, ILambdaContext context) => order;
        }
        """);

    [Fact]
    public Task SerializerOnTheAssemblyOnly_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

        public sealed record Order(string Id);

        public class Function
        {
            public Order Handle(Order order, ILambdaContext context) => order;
        }
        """);

    [Fact]
    public Task SerializerOnTheOverriddenMethod_IsInherited_DoesNotReport() => VerifyWithTemplateAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        namespace Orders
        {
            public class FunctionBase
            {
                [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
                public virtual string Handle(string input, ILambdaContext context) => input;
            }

            public class Function : FunctionBase
            {
                public override string Handle(string input, ILambdaContext context) => input.Trim();
            }
        }
        """, Functions("TestProject::Orders.Function::Handle"));

    [Fact]
    public Task LambdaFunctionMethods_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public sealed record Order(string Id);

        public class Functions(string table)
        {
            // The Annotations generator writes the handler, and the wrapper creates this class from its container.
            [LambdaFunction]
            public Order Get(string id, ILambdaContext context) => new(table + id);
        }
        """);

    [Fact]
    public Task Executable_DoesNotReport() => Verify.VerifyProgramAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        await LambdaBootstrapBuilder.Create<Order, Order>(Handlers.Handle, new DefaultLambdaJsonSerializer()).Build().RunAsync();

        public sealed record Order(string Id);

        public class Handlers(string table)
        {
            public static Order Handle(Order order, ILambdaContext context) => order;

            public Order Instance(Order order, ILambdaContext context) => order with { Id = table };
        }
        """);

    [Fact]
    public Task TestProject_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;

                public sealed record Order(string Id);

                public class FakeFunction(string table)
                {
                    public Order Handle(Order order, ILambdaContext context) => order with { Id = table };
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.TestUtilities);
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_HandlerString_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Orders
                {
                    public class Function
                    {
                        public void Pair(string input, int retries) { }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.TestUtilities);
        test.TestState.AdditionalFiles.Add((Template, Functions("TestProject::Orders.Function::Pair")));
        return test.RunAsync();
    }

    [Fact]
    public Task HelperTheHandlerCalls_IsNoHandler_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public sealed record Order(string Id);

        public class Function
        {
            public Stream Handle(Stream input, ILambdaContext context)
            {
                Save(new Order("1"), context);
                return input;
            }

            private void Save(Order order, ILambdaContext context) => context.Logger.LogLine(order.Id);
        }
        """);

    [Fact]
    public Task StaticHandlerOfAClassWithoutPublicConstructor_AndStructHandlers_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private Function() { }

            public static Stream Handle(Stream input, ILambdaContext context) => input;
        }

        public struct Counter
        {
            public Counter(int start) => Start = start;

            public int Start { get; }

            public Stream Count(Stream input, ILambdaContext context) => input;
        }
        """);

    [Fact]
    public Task ValueTaskReturns_AreLmb0003s_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public sealed record Receipt(string Id);

        public class Function
        {
            public ValueTask<Receipt> HandleAsync(Stream input, ILambdaContext context) => new(new Receipt("1"));

            public async void FireAsync(Stream input, ILambdaContext context) => await input.FlushAsync();
        }
        """);

    [Fact]
    public Task InterfaceImplementation_IsNoHandlerByItsShape_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public sealed record Order(string Id);

        public interface IStep
        {
            Order Run(Order order, ILambdaContext context);
        }

        public class Step(string table) : IStep
        {
            public Order Run(Order order, ILambdaContext context) => order with { Id = table };
        }
        """);

    [Fact]
    public Task HandlerStringOfAnotherAssembly_DoesNotReport() => VerifyWithTemplateAsync("""
        namespace Orders
        {
            public class Function
            {
                public void Pair(string input, int retries) { }
            }
        }
        """, Functions("OtherProject::Orders.Function::Pair"));

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public sealed record Order(string Id);

            public class Function(string table)
            {
                public Order Handle(Order order, Amazon.Lambda.Core.ILambdaContext context) => order with { Id = table };
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Function.g.cs", """
                    // <auto-generated/>
                    using Amazon.Lambda.Core;

                    public sealed record Order(string Id);

                    public class Function
                    {
                        public Order Handle(Order order, ILambdaContext context) => order;
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- What the fixer gets --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("public string Handle(Order order, ILambdaContext context) => order.Id;", HandlerNotCallableAnalyzer.InputNeedsSerializer)]
    [InlineData("public Order Handle(ILambdaContext context) => new(\"1\");", HandlerNotCallableAnalyzer.OutputNeedsSerializer)]
    [InlineData("public Function(int size) { } public void Handle(ILambdaContext context) { }", "NoPublicConstructor")]
    public async Task Reason_IsPassedToTheFixer(string members, string reason)
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new HandlerNotCallableAnalyzer(), $$"""
            using Amazon.Lambda.Core;

            public sealed record Order(string Id);

            public class Function
            {
                {{members}}
            }
            """));

        Assert.Equal(reason, diagnostic.Properties[HandlerNotCallableAnalyzer.ReasonProperty]);
    }

    // ---- Half-typed code ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("public class Function { public Missing Handle(Missing input, ILambdaContext context) => input; }")]
    [InlineData("[assembly: LambdaSerializer(typeof(Missing))] public class Function { public string Handle(string input, ILambdaContext context) => input; }")]
    [InlineData("public class Function { public string Handle(string input, ILambdaContext context) => ")]
    [InlineData("public class Function { public string (string input, ILambdaContext context) => input; }")]
    [InlineData("public class Function(Missing m) { public Stream Handle(Stream input, ILambdaContext context) => input; }")]
    public async Task HalfTypedCode_NoException(string code)
    {
        var source = """
            using System.IO;
            using Amazon.Lambda.Core;

            """ + code;
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, [new HandlerNotCallableAnalyzer()]);

        Assert.Empty(result.Crashes);
    }

    [Fact]
    public async Task SerializerAttributeThatDoesNotBindYet_SilencesTheSerializerCheck()
    {
        // The using of Amazon.Lambda.Core is not typed yet: the attribute's type does not bind.
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", """
            using Amazon.Lambda.Serialization.SystemTextJson;

            public sealed record Order(string Id);

            public class Function
            {
                [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
                public Order Handle(Order order, Amazon.Lambda.Core.ILambdaContext context) => order;
            }
            """)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0246");

        var result = await AnalyzerRunner.RunAsync(compilation, [new HandlerNotCallableAnalyzer()]);

        Assert.Empty(result.Crashes);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == RuleIdentifiers.HandlerNotCallable);
    }

    [Fact]
    public void Descriptors_ShareTheRule_AreErrors_AndNoneWaitsForTheCompilationEnd()
    {
        var analyzer = new HandlerNotCallableAnalyzer();
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(RuleIdentifiers.HandlerNotCallable, d.Id));
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
        Assert.DoesNotContain(analyzer.SupportedDiagnostics, d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        Assert.Contains(RuleCatalog.Analyzers, a => a is HandlerNotCallableAnalyzer);
    }

    // ---- Multi-targeting: a handler string counts in the build its function's runtime runs -----------------------

    private const string NamedOnly = """
        namespace Orders;

        public class Function
        {
            public string {|#0:Handle|}(string first, string second, string third) => first;
        }
        """;

    [Theory]
    [InlineData("dotnet8", "net8.0")]
    [InlineData("dotnet6", "net6.0")]
    [InlineData("provided.al2023", "net8.0")]
    [InlineData("dotnet6", null)]
    public Task MethodNamedByAFunctionOfThisBuildsRuntime_OrUnknown_Reports(string runtime, string? targetFramework) =>
        VerifyInBuildAsync(runtime, targetFramework, Report(HandlerNotCallableAnalyzer.ParameterCountRule, 0, "Handle", 3));

    [Fact]
    public Task MethodNamedOnlyByAFunctionOfAnotherRuntime_DoesNotReport() => VerifyInBuildAsync("dotnet6", "net8.0");

    [Fact]
    public async Task MethodNamedByFunctionsOfBothRuntimes_ReportsInEachBuild()
    {
        var template = Functions("TestProject::Orders.Function::Handle", "TestProject::Orders.Function::Handle")
            .Replace("Fn0:\n    Type: AWS::Serverless::Function\n    Properties:\n", "Fn0:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: dotnet6\n")
            .Replace("Fn1:\n    Type: AWS::Serverless::Function\n    Properties:\n", "Fn1:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: dotnet8\n");
        foreach (var targetFramework in new[] { "net6.0", "net8.0" })
        {
            var test = new Verify.Test { TestCode = NamedOnly };
            test.TestState.AdditionalFiles.Add((Template, template));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.TargetFramework = {targetFramework}\n"));
            test.ExpectedDiagnostics.Add(Report(HandlerNotCallableAnalyzer.ParameterCountRule, 0, "Handle", 3));
            await test.RunAsync();
        }
    }

    private static Task VerifyInBuildAsync(string runtime, string? targetFramework, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = NamedOnly };
        test.TestState.AdditionalFiles.Add((Template, Functions("TestProject::Orders.Function::Handle") + $"      Runtime: {runtime}\n"));
        if (targetFramework is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.TargetFramework = {targetFramework}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
