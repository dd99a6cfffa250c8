using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// Test code is never a handler: a test method's ILambdaContext parameter is a fake (AutoFixture, NSubstitute), and in
/// a test project only an attribute or a registration makes a handler. Every rule follows from the model.
/// </summary>
public sealed class TestCodeIsNeverAHandlerTests
{
    private static readonly MetadataReference s_xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);

    private const string XunitTestWithAFakeContext = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Xunit;

        public class FunctionTests
        {
            [Theory, InlineData("key")]
            public async Task Handles(string key, ILambdaContext context)
            {
                var s3 = new AmazonS3Client();
                using var response = await s3.GetObjectAsync("bucket", key);
                System.Func<string, ILambdaContext, Task> nested = async (input, ctx) => await s3.GetObjectAsync("bucket", input);
                async Task Local(ILambdaContext ctx) => await s3.GetObjectAsync("bucket", key);
                await Local(context);
            }
        }
        """;

    [Fact]
    public Task TestMethodTakingAContext_MissingDeadline_DoesNotReport() =>
        VerifyAsync<MissingDeadlineAnalyzer>(XunitTestWithAFakeContext, s_xunit);

    [Fact]
    public Task TestMethodTakingAContext_ClientCreated_DoesNotReport() =>
        VerifyAsync<ClientCreatedPerInvocationAnalyzer>(XunitTestWithAFakeContext, s_xunit);

    [Fact]
    public Task TestMethodTakingAContext_InAProjectWhoseTestFrameworkDoesNotBind_DoesNotReport() => VerifyAsync<MissingDeadlineAnalyzer>("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class FunctionTests
        {
            [{|CS0246:{|CS0246:Fact|}|}]
            public async Task Handles(ILambdaContext context) => await new AmazonS3Client().GetObjectAsync("bucket", "key");
        }
        """);

    [Fact]
    public Task LambdaTakingAContext_InATestMethodOutsideATestProject_DoesNotReport() => VerifyAsync<ClientCreatedPerInvocationAnalyzer>("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class FunctionTests
        {
            [{|CS0246:{|CS0246:Fact|}|}]
            public void Handles()
            {
                Func<string, ILambdaContext, string> handler = (input, context) => new AmazonS3Client().ToString()!;
            }
        }
        """);

    [Fact]
    public Task AsyncVoidLocalFunctionTakingAContext_InATestMethod_DoesNotReport() => VerifyAsync<HandlerNotAwaitableAnalyzer>("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Xunit;

        public class FunctionTests
        {
            [Fact]
            public void Handles()
            {
                async void Local(ILambdaContext context) => await Task.Delay(1);
            }
        }
        """, s_xunit);

    [Fact]
    public Task MethodTakingAContext_InATestProject_DoesNotReport() => VerifyAsync<ClientCreatedPerInvocationAnalyzer>("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class FakeFunction
        {
            public string Handle(string input, ILambdaContext context) => new AmazonS3Client().ToString()!;
        }
        """, TestReferences.TestUtilities);

    [Fact]
    public Task LambdaFunctionInATestProject_StillReports() => VerifyAsync<ClientCreatedPerInvocationAnalyzer>("""
        using Amazon.Lambda.Annotations;
        using Amazon.S3;

        public class Function
        {
            [LambdaFunction]
            public string Handle(string input) => {|#0:new AmazonS3Client()|}.ToString()!;
        }
        """, TestReferences.TestUtilities, new DiagnosticResult(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(0).WithArguments("AmazonS3Client"));

    [Fact]
    public Task BootstrapRegistrationInATestProject_StillReports() => VerifyAsync<ClientCreatedPerInvocationAnalyzer>("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        public static class Startup
        {
            public static LambdaBootstrapBuilder Build() =>
                LambdaBootstrapBuilder.Create<string, string>((input, context) => {|#0:new AmazonS3Client()|}.ToString()!, null!);
        }
        """, TestReferences.TestUtilities, new DiagnosticResult(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(0).WithArguments("AmazonS3Client"));

    [Fact]
    public Task ValueTaskMethodTakingAContext_InATestProject_DoesNotReport() => VerifyAsync<HandlerNotAwaitableAnalyzer>("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class FakeFunction
        {
            public ValueTask Handle(string input, ILambdaContext context) => default;
        }
        """, TestReferences.TestUtilities);

    private static Task VerifyAsync<TAnalyzer>(string source, MetadataReference? reference = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        if (reference is not null)
        {
            test.TestState.AdditionalReferences.Add(reference);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
