using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.CredentialsInCodeAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class CredentialsInCodeAnalyzerTests
{
    // The example keys of the AWS documentation: shaped like real keys.
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string Handler(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.SQS;

        public class Function
        {
            {{members}}

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                {{body}}
                await Task.Yield();
                return input;
            }
        }
        """;

    // ---- Reported ----------------------------------------------------------------------------------------------------

    [Fact]
    public Task BasicCredentialsWithLiterals_ReportsOnTheAccessKey() => VerifyAsync(Handler($$"""
        var credentials = new BasicAWSCredentials([|"{{KeyId}}"|], "{{Secret}}");
        """));

    [Fact]
    public Task SessionCredentialsWithTemporaryKey_Reports() => VerifyAsync(Handler($$"""
        var credentials = new SessionAWSCredentials([|"ASIAIOSFODNN7EXAMPLE"|], "{{Secret}}", input);
        """));

    [Fact]
    public Task ClientsGivenKeyStrings_Report() => VerifyAsync(Handler($$"""
        using var s3 = new AmazonS3Client([|"{{KeyId}}"|], "{{Secret}}");
        using var dynamo = new AmazonDynamoDBClient([|"{{KeyId}}"|], "{{Secret}}", RegionEndpoint.EUWest1);
        using var sqs = new AmazonSQSClient([|"{{KeyId}}"|], "{{Secret}}", input, new AmazonSQSConfig());
        """));

    [Fact]
    public Task OnlyTheSecretIsAConstant_ReportsOnTheSecret() => VerifyAsync(Handler($$"""
        var credentials = new BasicAWSCredentials(Environment.GetEnvironmentVariable("KEY_ID"), [|"{{Secret}}"|]);
        using var s3 = new AmazonS3Client(input, [|"{{Secret}}"|]);
        """));

    [Fact]
    public Task OnlyTheKeyIsAConstant_ReportsOnTheKey() => VerifyAsync(Handler($$"""
        var credentials = new BasicAWSCredentials([|"{{KeyId}}"|], Environment.GetEnvironmentVariable("SECRET"));
        """));

    [Fact]
    public Task SecretOfLowerCaseAndDigits_Reports() => VerifyAsync(Handler("""
        var credentials = new BasicAWSCredentials(input, [|"k3j9s8d7f6g5h4j3k2l1q0w9e8r7t6y5u4i3o2p1"|]);
        """));

    [Fact]
    public Task ConstantFieldsAndLocals_Report() => VerifyAsync(Handler(
        $$"""
        const string secret = "{{Secret}}";
        var key = "{{KeyId}}";
        using var s3 = new AmazonS3Client([|AccessKeyId|], SecretAccessKey);
        using var dynamo = new AmazonDynamoDBClient([|key|], secret);
        using var sqs = new AmazonSQSClient(input, [|secret|]);
        """,
        $$"""
        private const string AccessKeyId = "{{KeyId}}";
        private const string SecretAccessKey = "{{Secret}}";
        """));

    [Fact]
    public Task InterpolatedAndConcatenatedConstants_Report() => VerifyAsync(Handler(
        """
        var first = new BasicAWSCredentials([|$"{Prefix}IOSFODNN7EXAMPLE"|], input);
        var second = new BasicAWSCredentials([|"AKIA" + "IOSFODNN7EXAMPLE"|], input);
        """,
        """
        private const string Prefix = "AKIA";
        """));

    [Fact]
    public Task NamedArgumentsInAnotherOrder_ReportsOnTheAccessKey() => VerifyAsync(Handler($$"""
        var credentials = new BasicAWSCredentials(secretKey: "{{Secret}}", accessKey: [|"{{KeyId}}"|]);
        """));

    [Fact]
    public Task ClientInAFieldInitializer_Reports() => VerifyAsync(Handler(
        "context.Logger.LogLine(input);",
        $$"""
        private static readonly AmazonS3Client s_s3 = new([|"{{KeyId}}"|], "{{Secret}}");
        private readonly AmazonDynamoDBClient _dynamo = new(new BasicAWSCredentials([|"{{KeyId}}"|], "{{Secret}}"), RegionEndpoint.USEast1);
        """));

    [Fact]
    public Task KeysSetAsEnvironmentVariables_Report() => VerifyAsync(Handler($$"""
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", [|"{{KeyId}}"|]);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", [|"{{Secret}}"|]);
        Environment.SetEnvironmentVariable(SecretVariable, [|"{{Secret}}"|], EnvironmentVariableTarget.Process);
        """,
        """
        private const string SecretVariable = "AWS_SECRET_ACCESS_KEY";
        """));

    [Fact]
    public Task HelperOutsideAHandler_Reports() => VerifyAsync($$"""
        using Amazon.S3;

        public static class Clients
        {
            public static IAmazonS3 CreateS3() => new AmazonS3Client([|"{{KeyId}}"|], "{{Secret}}");
        }

        public class Function
        {
            public string Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => input;
        }
        """);

    // ---- Not reported ------------------------------------------------------------------------------------------------

    [Fact]
    public Task KeysFromEnvironmentConfigurationAndSecrets_DoNotReport() => VerifyAsync(Handler(
        """
        var fromEnvironment = new BasicAWSCredentials(Environment.GetEnvironmentVariable("EXPORT_KEY_ID"), Environment.GetEnvironmentVariable("EXPORT_SECRET"));
        var fromConfiguration = new BasicAWSCredentials(_settings["KeyId"], _settings["Secret"]);
        var secret = await GetSecretAsync("prod/export-keys");
        using var fromSecretsManager = new AmazonS3Client(secret.KeyId, secret.Secret);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", secret.KeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Environment.GetEnvironmentVariable("EXPORT_SECRET"));
        """,
        """
        private readonly Dictionary<string, string> _settings = new();

        private static Task<(string KeyId, string Secret)> GetSecretAsync(string name) => Task.FromResult((name, name));
        """));

    [Fact]
    public Task AnonymousAndAssumedRoleCredentials_DoNotReport() => VerifyAsync(Handler("""
        using var anonymous = new AmazonS3Client(new AnonymousAWSCredentials());
        var assumed = new AssumeRoleAWSCredentials(new EnvironmentVariablesAWSCredentials(), "arn:aws:iam::123456789012:role/Exporter", "export");
        var response = await AssumeRoleAsync();
        var session = new SessionAWSCredentials(response.AccessKeyId, response.SecretAccessKey, response.SessionToken);
        using var dynamo = new AmazonDynamoDBClient(session);
        """,
        """
        private sealed record Credentials(string AccessKeyId, string SecretAccessKey, string SessionToken);

        private static Task<Credentials> AssumeRoleAsync() => Task.FromResult(new Credentials("a", "b", "c"));
        """));

    [Fact]
    public Task LocalEmulatorPlaceholders_DoNotReport() => VerifyAsync(Handler("""
        using var localStack = new AmazonS3Client("test", "test", new AmazonS3Config { ServiceURL = "http://localhost:4566", ForcePathStyle = true });
        using var dynamoLocal = new AmazonDynamoDBClient("fakeMyKeyId", "fakeSecretAccessKey", new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" });
        var fake = new BasicAWSCredentials("fake", "fake");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        """));

    [Theory]
    [InlineData("\"AKIAiosfodnn7example\"", "input")]
    [InlineData("\"AKIAIOSFODNN7EXAMPL\"", "input")]
    [InlineData("\"AKIAIOSFODNN7EXAMPLE1\"", "input")]
    [InlineData("\"AKIBIOSFODNN7EXAMPLE\"", "input")]
    [InlineData("\"AKIA-OSFODNN7EXAMPLE\"", "input")]
    [InlineData("input", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("input", "\"SECRETSECRETSECRETSECRETSECRETSECRETSECR\"")]
    [InlineData("input", "\"your-secret-access-key-goes-here-1234567\"")]
    [InlineData("input", "\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE\"")]
    [InlineData("input", "\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1\"")]
    public Task ConstantsNotShapedLikeKeys_DoNotReport(string key, string secret) => VerifyAsync(Handler($"""
        var credentials = new BasicAWSCredentials({key}, {secret});
        """));

    [Fact]
    public Task LocalAssignedTwice_DoesNotReport() => VerifyAsync(Handler($$"""
        var key = "{{KeyId}}";
        if (input.Length > 0)
        {
            key = Environment.GetEnvironmentVariable("KEY_ID");
        }

        var credentials = new BasicAWSCredentials(key, input);
        """));

    [Fact]
    public Task OtherVariablesAndKeysInOtherVariables_DoNotReport() => VerifyAsync(Handler($$"""
        Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
        Environment.SetEnvironmentVariable("EXPORT_TOKEN", "{{Secret}}");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "{{Secret}}");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "{{KeyId}}");
        """));

    [Fact]
    public Task LookAlikeTypesOfUserCode_DoNotReport() => VerifyAsync($$"""
        using Amazon.Lambda.Core;

        namespace Contoso
        {
            public sealed class BasicAWSCredentials(string accessKey, string secretKey);

            public sealed class ReportClient(string awsAccessKeyId, string awsSecretAccessKey);

            public static class Environment
            {
                public static void SetEnvironmentVariable(string variable, string value) { }
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    var credentials = new BasicAWSCredentials("{{KeyId}}", "{{Secret}}");
                    var client = new ReportClient("{{KeyId}}", "{{Secret}}");
                    Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "{{KeyId}}");
                    return input;
                }
            }
        }
        """);

    [Fact]
    public Task TestProjectWithTestUtilities_DoesNotReport() => new Verify.Test
    {
        TestCode = $$"""
            using Amazon.Lambda.TestUtilities;
            using Amazon.S3;

            public class FunctionTest
            {
                public void CreatesClient()
                {
                    using var s3 = new AmazonS3Client("{{KeyId}}", "{{Secret}}");
                    var context = new TestLambdaContext();
                }
            }
            """,
        TestState = { AdditionalReferences = { TestReferences.TestUtilities } },
    }.RunAsync();

    [Fact]
    public async Task TestProjectWithXunit_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Amazon.Runtime;

                public class FunctionTest
                {
                    [Xunit.Fact]
                    public void SetsKeys() => System.Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "{{KeyId}}");

                    [Xunit.Fact]
                    public void CreatesCredentials() => new BasicAWSCredentials("{{KeyId}}", "{{Secret}}").ToString();
                }
                """,
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("xunit.core", "namespace Xunit { public class FactAttribute : System.Attribute { } }"));
        await test.RunAsync();
    }

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = $$"""
            using Amazon.S3;

            public static class Clients
            {
                public static IAmazonS3 CreateS3() => new AmazonS3Client("{{KeyId}}", "{{Secret}}");
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
                    ("Clients.g.cs", $$"""
                        // <auto-generated/>
                        using Amazon.Lambda.Core;
                        using Amazon.S3;

                        public class Function
                        {
                            private static readonly AmazonS3Client s_s3 = new("{{KeyId}}", "{{Secret}}");

                            public string Handle(string input, ILambdaContext context) => input;
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
    [InlineData("new BasicAWSCredentials(")]
    [InlineData("new BasicAWSCredentials(\"AKIAIOSFODNN7EXAMPLE\"")]
    [InlineData("new BasicAWSCredentials(\"AKIAIOSFODNN7EXAMPLE\", missing);")]
    [InlineData("new AmazonS3Client(missing, \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\", );")]
    [InlineData("new AmazonS3Client(\"AKIAIOSFODNN7EXAMPLE\", \"x\", \"y\", \"z\", \"w\");")]
    [InlineData("var k = k; new AmazonS3Client(k, input);")]
    [InlineData("Environment.SetEnvironmentVariable(\"AWS_ACCESS_KEY_ID\", ")]
    [InlineData("Environment.SetEnvironmentVariable(missing, \"AKIAIOSFODNN7EXAMPLE\");")]
    [InlineData("Environment.SetEnvironmentVariable();")]
    [InlineData("new SessionAWSCredentials($\"{missing}\", \"\", );")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = Handler(statement);
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", source)], FunctionProject.References);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new CredentialsInCodeAnalyzer()));
        Assert.Empty(result.Crashes);
    }
}
