using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.SynchronousInvokeAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class SynchronousInvokeAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, EditorConfig = editorConfig };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Named(int location, string function) =>
        Verify.Diagnostic(SynchronousInvokeAnalyzer.Rule).WithLocation(location).WithArguments(function);

    private static DiagnosticResult Unnamed(int location) => Verify.Diagnostic(SynchronousInvokeAnalyzer.UnnamedRule).WithLocation(location);

    private static DiagnosticResult Recursion(int location) => Verify.Diagnostic(SynchronousInvokeAnalyzer.RecursionRule).WithLocation(location);

    /// <summary>A class-library handler with a shared Lambda client.</summary>
    private static string Handler(string body, string members = "") => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Function
        {
            private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();
            private static readonly AmazonLambdaClient s_client = new AmazonLambdaClient();
            private const string PricingFunction = "price-order";

            {{members}}

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                {{body}}
                return input;
            }
        }
        """;

    // ---- Reported: another function, synchronously ------------------------------------------------------------------

    [Fact]
    public Task NoInvocationType_ReportsTheFunctionOnTheMethodName() => VerifyAsync(
        Handler("""
            var response = await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", Payload = input });
            """),
        Named(0, "price-order"));

    [Fact]
    public Task RequestResponseConstant_Reports() => VerifyAsync(
        Handler("""
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.RequestResponse });
            """),
        Named(0, "price-order"));

    [Fact]
    public Task StringConvertedImplicitly_Reports() => VerifyAsync(
        Handler("""
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", InvocationType = "RequestResponse" });
            """),
        Named(0, "price-order"));

    [Fact]
    public Task FindValueOfAConstant_Reports() => VerifyAsync(
        Handler("""
            const string type = "RequestResponse";
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.FindValue(type) });
            """),
        Named(0, "price-order"));

    [Fact]
    public Task RequestInALocalAssignedOnce_ReportsWithEveryAssignmentInTheBody() => VerifyAsync(
        Handler("""
            var request = new InvokeRequest();
            request.FunctionName = PricingFunction;
            request.Payload = input;
            if (input.Length > 10)
            {
                request.InvocationType = InvocationType.RequestResponse;
            }

            var response = await s_lambda.{|#0:InvokeAsync|}(request, CancellationToken.None);
            context.Logger.LogLine(response.FunctionError ?? request.FunctionName);
            """),
        Named(0, "price-order"));

    [Fact]
    public Task FunctionNameNotAConstant_ReportsAnotherFunction() => VerifyAsync(
        Handler("""
            var pricing = Environment.GetEnvironmentVariable("PRICING_FUNCTION");
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = pricing, Payload = input });
            await s_lambda.{|#1:InvokeAsync|}(new InvokeRequest { FunctionName = input.Length > 3 ? "price-order" : "price-quote" });
            """),
        Unnamed(0),
        Unnamed(1));

    [Fact]
    public Task ClientMethodAndSynchronousInvoke_Report() => VerifyAsync(
        Handler("""
            await s_client.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order" });
            var response = s_lambda.{|#1:Invoke|}(new InvokeRequest { FunctionName = "tax-rates" });
            s_client.{|#2:Invoke|}(new InvokeRequest { FunctionName = "tax-rates" });
            """),
        Named(0, "price-order"),
        Named(1, "tax-rates"),
        Named(2, "tax-rates"));

    [Fact]
    public Task OverrideInADerivedClient_Reports() => VerifyAsync(
        Handler(
            """
            using var tracing = new TracingLambdaClient();
            await tracing.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order" });
            """,
            """
            private sealed class TracingLambdaClient : AmazonLambdaClient
            {
                public override Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default) =>
                    base.InvokeAsync(request, cancellationToken);
            }
            """),
        Named(0, "price-order"));

    [Fact]
    public Task ResponseStream_ReportsAsSynchronous() => VerifyAsync(
        Handler("""
            using var first = await s_lambda.{|#0:InvokeWithResponseStreamAsync|}(new InvokeWithResponseStreamRequest { FunctionName = "render-report" });
            using var second = await s_lambda.{|#1:InvokeWithResponseStreamAsync|}(new InvokeWithResponseStreamRequest
            {
                FunctionName = "render-report",
                InvocationType = ResponseStreamingInvocationType.RequestResponse,
            });
            """),
        Named(0, "render-report"),
        Named(1, "render-report"));

    [Fact]
    public Task InsideALambdaOfTheHandler_Reports() => VerifyAsync(
        Handler("""
            var names = new[] { "price-order", "tax-rates" };
            var responses = await Task.WhenAll(Array.ConvertAll(names, async name =>
                await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", Payload = name })));
            """),
        Named(0, "price-order"));

    [Fact]
    public Task AnnotationsFunction_Reports() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Model;

        public class Functions(IAmazonLambda lambda)
        {
            [LambdaFunction]
            public async Task<string> Quote(string sku)
            {
                var response = await lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-order", Payload = sku });
                return response.ExecutedVersion;
            }
        }
        """,
        Named(0, "price-order"));

    [Fact]
    public async Task TopLevelHandlerLambda_ReportsAndInitCodeDoesNot()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                using var lambda = new AmazonLambdaClient();
                // Init code: runs once per execution environment.
                await lambda.InvokeAsync(new InvokeRequest { FunctionName = "warm-cache" });
                var request = new InvokeRequest { FunctionName = "price-order" };

                var handler = async (string input, ILambdaContext context) =>
                {
                    var response = await lambda.{|#0:InvokeAsync|}(request);
                    return response.StatusCode;
                };

                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.Add(Named(0, "price-order"));
        await test.RunAsync();
    }

    // ---- Reported: the function itself ------------------------------------------------------------------------------

    [Fact]
    public Task ContextFunctionName_ReportsRecursionForAnyTypeButDryRun() => VerifyAsync(
        Handler("""
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = context.FunctionName, InvocationType = InvocationType.Event });
            await s_lambda.{|#1:InvokeAsync|}(new InvokeRequest { FunctionName = context.FunctionName });
            """),
        Recursion(0),
        Recursion(1));

    [Fact]
    public Task FunctionNameVariable_ReportsRecursion() => VerifyAsync(
        Handler("""
            var self = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME");
            var request = new InvokeRequest { FunctionName = self, InvocationType = "Event" };
            await s_lambda.{|#0:InvokeAsync|}(request);
            await s_lambda.{|#1:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "local" });
            """),
        Recursion(0),
        Recursion(1));

    // ---- Not reported -----------------------------------------------------------------------------------------------

    [Fact]
    public Task EventInvocation_DoesNotReport() => VerifyAsync(Handler("""
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.Event });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = "Event" });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.FindValue("Event") });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = new InvocationType("Event") });
        """));

    [Fact]
    public Task DryRun_DoesNotReportForAnotherFunctionOrItself() => VerifyAsync(Handler("""
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.DryRun });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName, InvocationType = InvocationType.DryRun });
        using var stream = await s_lambda.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest
        {
            FunctionName = "render-report",
            InvocationType = ResponseStreamingInvocationType.DryRun,
        });
        """));

    [Fact]
    public Task AnyAssignmentOtherThanRequestResponse_DoesNotReport() => VerifyAsync(Handler("""
        var request = new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.RequestResponse };
        if (input.Length > 10)
        {
            request.InvocationType = InvocationType.Event;
        }

        await s_lambda.InvokeAsync(request);
        var conditional = new InvokeRequest { FunctionName = "price-order", InvocationType = input.Length > 3 ? InvocationType.RequestResponse : InvocationType.Event };
        await s_lambda.InvokeAsync(conditional);
        """));

    [Fact]
    public Task InvocationTypeNotKnown_DoesNotReport() => VerifyAsync(Handler(
        """
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = Mode });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.FindValue(input) });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = "requestresponse" });
        await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName, InvocationType = Mode });
        """,
        "private static InvocationType Mode { get; } = InvocationType.Event;"));

    [Fact]
    public Task RequestFromAParameterOrAFactory_DoesNotReport() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Function
        {
            private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

            public async Task<string> Handle(InvokeRequest forwarded, ILambdaContext context)
            {
                await s_lambda.InvokeAsync(forwarded);
                var request = CreateRequest(context.AwsRequestId);
                await s_lambda.InvokeAsync(request);
                await s_lambda.InvokeAsync(s_template);
                return "done";
            }

            private static readonly InvokeRequest s_template = new() { FunctionName = "price-order" };

            private static InvokeRequest CreateRequest(string id) => new() { FunctionName = "price-order", Payload = id };
        }
        """);

    [Fact]
    public Task RequestLocalAssignedTwiceOrHandedOn_DoesNotReport() => VerifyAsync(Handler(
        """
        var request = new InvokeRequest { FunctionName = "price-order" };
        if (input.Length > 3)
        {
            request = new InvokeRequest { FunctionName = "price-quote", InvocationType = InvocationType.Event };
        }

        await s_lambda.InvokeAsync(request);
        var configured = new InvokeRequest { FunctionName = "price-order" };
        Configure(configured);
        await s_lambda.InvokeAsync(configured);
        var aliased = new InvokeRequest { FunctionName = "price-order" };
        var alias = aliased;
        alias.InvocationType = InvocationType.Event;
        await s_lambda.InvokeAsync(aliased);
        """,
        "private static void Configure(InvokeRequest request) => request.InvocationType = InvocationType.Event;"));

    [Fact]
    public Task RequestOfADerivedType_DoesNotReport() => VerifyAsync(Handler(
        """
        await s_lambda.InvokeAsync(new QueuedRequest { FunctionName = "price-order" });
        """,
        """
        private sealed class QueuedRequest : InvokeRequest
        {
            public QueuedRequest() => InvocationType = InvocationType.Event;
        }
        """));

    [Fact]
    public Task DeprecatedInvokeAsyncAsync_DoesNotReport() => VerifyAsync(Handler("""
        #pragma warning disable CS0618 // The deprecated operation, which queues the event.
        await s_lambda.InvokeAsyncAsync(new InvokeAsyncRequest { FunctionName = "price-order", InvokeArgs = input });
        #pragma warning restore CS0618
        """));

    [Fact]
    public Task LookAlikeInvoker_DoesNotReport() => VerifyAsync(Handler(
        """
        await new Invoker().InvokeAsync(new InvokeRequest { FunctionName = "price-order" });
        """,
        """
        private sealed class Invoker
        {
            public Task<InvokeResponse> InvokeAsync(InvokeRequest request) => Task.FromResult(new InvokeResponse());
        }
        """));

    [Fact]
    public Task InitCode_DoesNotReport() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Function
        {
            private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();
            private static readonly InvokeResponse s_warm = s_lambda.Invoke(new InvokeRequest { FunctionName = "warm-cache" });

            static Function() => s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order" }).GetAwaiter().GetResult();

            public Function() => s_lambda.Invoke(new InvokeRequest { FunctionName = "price-order" });

            public Task<string> Handle(string input, ILambdaContext context) => Task.FromResult(input);
        }
        """);

    [Fact]
    public Task AllowedFunctions_AreNotReported() => VerifyAsync(
        Handler("""
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order" });
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "tax-rates" });
            await s_lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "price-quote" });
            await s_lambda.{|#1:InvokeAsync|}(new InvokeRequest { FunctionName = input });
            await s_lambda.{|#2:InvokeAsync|}(new InvokeRequest { FunctionName = context.FunctionName });
            """),
        "lambda_analyzers.LMB0014.allowed_functions = price-order | tax-rates",
        Named(0, "price-quote"),
        Unnamed(1),
        Recursion(2));

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            public class PriceClient
            {
                private readonly IAmazonLambda _lambda = new AmazonLambdaClient();

                public Task<InvokeResponse> PriceAsync(string order) =>
                    _lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", Payload = order });
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Function.g.cs", """
                        // <auto-generated/>
                        using System.Threading.Tasks;
                        using Amazon.Lambda;
                        using Amazon.Lambda.Core;
                        using Amazon.Lambda.Model;

                        public class Function
                        {
                            private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                            public async Task<string> Handle(string input, ILambdaContext context)
                            {
                                await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order" });
                                return input;
                            }
                        }
                        """),
                },
            },
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        return test.RunAsync();
    }

    // ---- Half-typed code ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("await s_lambda.InvokeAsync(")]
    [InlineData("await s_lambda.InvokeAsync();")]
    [InlineData("await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = ")]
    [InlineData("await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = \"price-order\", InvocationType = InvocationType. });")]
    [InlineData("await s_lambda.InvokeAsync(new InvokeRequest { InvocationType = InvocationType.FindValue() });")]
    [InlineData("await s_lambda.InvokeAsync(new InvokeRequest { InvocationType = missing, FunctionName = missing });")]
    [InlineData("var r = new InvokeRequest(); r.InvocationType = ; await s_lambda.InvokeAsync(r);")]
    [InlineData("var r = r; await s_lambda.InvokeAsync(r);")]
    [InlineData("InvokeRequest r; await s_lambda.InvokeAsync(r);")]
    [InlineData("await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = context., InvocationType = \"Event\" });")]
    [InlineData("await s_lambda.InvokeWithResponseStreamAsync(new InvokeRequest());")]
    [InlineData("s_lambda.Invoke(new Missing { FunctionName = \"x\" });")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = Handler(statement);
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", source)], FunctionProject.References);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new SynchronousInvokeAnalyzer()));
        Assert.Empty(result.Crashes);
    }
}
