using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>
/// <see cref="InvokeCalls"/>: which calls use Lambda's Invoke API, and what their request says; and the AWSSDK.Lambda
/// stand-in's <c>Amazon.Lambda</c> namespace beside Amazon.Lambda.Core's.
/// </summary>
public sealed class InvokeCallsTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;
        """;

    [Fact]
    public async Task AwsSdkLambdaNamespace_DoesNotConfuseTheLookUpsOfAmazonLambdaCore()
    {
        var compilation = await ModelCompilation.CreateAsync(Usings + """

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    using var lambda = new AmazonLambdaClient();
                    return context.FunctionName;
                }
            }
            """);
        var types = compilation.Model.Types;

        var lambdaContext = types.Find(KnownTypeNames.AmazonLambdaCoreILambdaContext, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        Assert.Equal(KnownTypeNames.AmazonLambdaCoreAssemblyName, lambdaContext?.ContainingAssembly.Name);
        Assert.Same(lambdaContext, compilation.Model.Symbols.LambdaContext);
        Assert.Equal(
            KnownTypeNames.AwsSdkLambdaAssemblyName,
            types.Find(KnownTypeNames.AmazonLambdaIAmazonLambda, KnownTypeNames.AwsSdkLambdaAssemblyName)?.ContainingAssembly.Name);

        // Each package's types are found in its own assembly only.
        Assert.Null(types.Find(KnownTypeNames.AmazonLambdaIAmazonLambda, KnownTypeNames.AmazonLambdaCoreAssemblyName));
        Assert.Null(types.Find(KnownTypeNames.AmazonLambdaCoreILambdaContext, KnownTypeNames.AwsSdkLambdaAssemblyName));

        // The handler is still a handler, and an AmazonLambdaClient an SDK client.
        Assert.True(compilation.Model.Handlers.IsHandler(compilation.Method("Handle"), null, CancellationToken.None));
        Assert.NotNull(compilation.Scope("Handle"));
    }

    [Fact]
    public async Task AwsSdkLambdaWithoutAmazonLambdaCore_IsNoLambdaProject()
    {
        var compilation = await AnalyzerRunner.CompileAsync(
            [("Client.cs", "public class C { public Amazon.Lambda.IAmazonLambda Lambda { get; } = new Amazon.Lambda.AmazonLambdaClient(); }")],
            TestReferences.AwsSdk);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.Null(LambdaModel.TryGet(compilation, new AnalyzerOptions([])));
        Assert.False(InvokeCalls.Get(compilation).IsEmpty);
    }

    [Fact]
    public async Task InvokeMethods_AreTheInterfacesTheClientsAndOverrides_NotTheDeprecatedOne()
    {
        var calls = await CallsAsync(
            """
            await lambda.InvokeAsync(new InvokeRequest());
            lambda.Invoke(new InvokeRequest());
            await lambda.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest());
            await client.InvokeAsync(new InvokeRequest());
            await derived.InvokeAsync(new InvokeRequest());
            #pragma warning disable CS0618
            await lambda.InvokeAsyncAsync(new InvokeAsyncRequest());
            #pragma warning restore CS0618
            await lookAlike.InvokeAsync(new InvokeRequest());
            """);

        Assert.Equal([true, true, true, true, true, false, false], calls.Select(c => c.Model.IsInvokeMethod(c.Call.TargetMethod)));
    }

    [Theory]
    [InlineData("new InvokeRequest { FunctionName = \"f\" }", (int)InvocationTypes.RequestResponse)]
    [InlineData("new InvokeRequest { InvocationType = InvocationType.Event }", (int)InvocationTypes.Event)]
    [InlineData("new InvokeRequest { InvocationType = \"DryRun\" }", (int)InvocationTypes.DryRun)]
    [InlineData("new InvokeRequest { InvocationType = (InvocationType)\"Event\" }", (int)InvocationTypes.Event)]
    [InlineData("new InvokeRequest { InvocationType = InvocationType.FindValue(\"RequestResponse\") }", (int)InvocationTypes.RequestResponse)]
    [InlineData("new InvokeRequest { InvocationType = new InvocationType(\"DryRun\") }", (int)InvocationTypes.DryRun)]
    [InlineData("new InvokeRequest { InvocationType = input == \"\" ? InvocationType.Event : InvocationType.DryRun }", (int)(InvocationTypes.Event | InvocationTypes.DryRun))]
    [InlineData("new InvokeRequest { InvocationType = \"Queued\" }", (int)InvocationTypes.Unknown)]
    [InlineData("new InvokeRequest { InvocationType = null }", (int)InvocationTypes.Unknown)]
    [InlineData("new InvokeRequest { InvocationType = InvocationType.FindValue(input) }", (int)InvocationTypes.Unknown)]
    [InlineData("Create()", (int)InvocationTypes.Unknown)]
    public async Task InvocationTypes_OfARequestCreatedInTheCall(string request, int expected)
    {
        var call = (await CallsAsync($"await lambda.InvokeAsync({request});")).Single();

        Assert.Equal((InvocationTypes)expected, call.Describe()?.Types);
    }

    [Fact]
    public async Task InvocationTypes_OfARequestLocal_AreEveryAssignmentInTheBody()
    {
        var calls = await CallsAsync("""
            var type = InvocationType.Event;
            var request = new InvokeRequest { InvocationType = InvocationType.RequestResponse };
            await lambda.InvokeAsync(request);
            request.InvocationType = type;
            var compound = new InvokeRequest();
            compound.InvocationType ??= InvocationType.Event;
            await lambda.InvokeAsync(compound);
            """);

        Assert.Equal(InvocationTypes.RequestResponse | InvocationTypes.Event, calls[0].Describe()?.Types);
        Assert.Equal(InvocationTypes.Unknown, calls[1].Describe()?.Types);
    }

    [Fact]
    public async Task EventIsNoResponseStreamingType()
    {
        var call = (await CallsAsync("""
            await lambda.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest { InvocationType = "Event" });
            """)).Single();

        Assert.Equal(InvocationTypes.Unknown, call.Describe()?.Types);
    }

    [Theory]
    [InlineData("\"price-order\"", "price-order", false)]
    [InlineData("Pricing", "price-order", false)]
    [InlineData("context.FunctionName", null, true)]
    [InlineData("Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\")", null, true)]
    [InlineData("Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\") ?? \"local\"", null, true)]
    [InlineData("Environment.GetEnvironmentVariable(\"PRICING\")", null, false)]
    [InlineData("input", null, false)]
    [InlineData("\"price-\" + input", null, false)]
    public async Task FunctionName(string value, string? name, bool itself)
    {
        var call = (await CallsAsync($$"""
            var named = {{value}};
            await lambda.InvokeAsync(new InvokeRequest { FunctionName = named });
            """)).Single().Describe();

        Assert.Equal(name, call?.FunctionName);
        Assert.Equal(itself, call?.InvokesItself);
    }

    [Fact]
    public async Task FunctionName_OfSeveralAssignments_IsKnownOnlyWhenTheyAgree()
    {
        var calls = await CallsAsync("""
            var same = new InvokeRequest { FunctionName = "price-order" };
            same.FunctionName = Pricing;
            await lambda.InvokeAsync(same);
            var mixed = new InvokeRequest { FunctionName = context.FunctionName };
            mixed.FunctionName = "price-order";
            await lambda.InvokeAsync(mixed);
            """);

        Assert.Equal("price-order", calls[0].Describe()?.FunctionName);
        Assert.Null(calls[1].Describe()?.FunctionName);
        Assert.False(calls[1].Describe()?.InvokesItself);
    }

    private static async Task<IReadOnlyList<CallUnderTest>> CallsAsync(string body)
    {
        var compilation = await ModelCompilation.CreateAsync(Usings + $$"""

            public class Function
            {
                private const string Pricing = "price-order";
                private readonly IAmazonLambda lambda = new AmazonLambdaClient();
                private readonly AmazonLambdaClient client = new AmazonLambdaClient();
                private readonly DerivedClient derived = new DerivedClient();
                private readonly LookAlike lookAlike = new LookAlike();

                public async Task Handle(string input, ILambdaContext context)
                {
                    {{body}}
                }

                private static InvokeRequest Create() => new InvokeRequest();
            }

            public sealed class DerivedClient : AmazonLambdaClient
            {
                public override Task<InvokeResponse> InvokeAsync(InvokeRequest request, System.Threading.CancellationToken cancellationToken = default) =>
                    base.InvokeAsync(request, cancellationToken);
            }

            public sealed class LookAlike
            {
                public Task<InvokeResponse> InvokeAsync(InvokeRequest request) => Task.FromResult(new InvokeResponse());
            }
            """);
        var scope = compilation.Scope("Handle")!;
        var model = InvokeCalls.Get(compilation.Compilation);
        var method = compilation.Method("Handle").DeclaringSyntaxReferences.Single().GetSyntax();
        return [.. scope.Operations.Invocations
            .Where(call => method.Span.Contains(call.Syntax.Span) && call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } }
                && name.StartsWith("Invoke", StringComparison.Ordinal))
            .Select(call => new CallUnderTest(model, call, scope.Locals))];
    }

    private sealed record CallUnderTest(InvokeCalls Model, IInvocationOperation Call, LocalAssignments Locals)
    {
        public InvokeCall? Describe() => Model.Describe(Call, Locals);
    }
}
