using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.ClientCreatedPerInvocationAnalyzer,
    LambdaAnalyzers.Rules.ClientCreatedPerInvocationFixer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>The LMB0001 fix in code a handler reaches: a static readonly field of the callee's class, or nothing.</summary>
public sealed class ClientCreatedPerInvocationReachFixerTests
{
    private static DiagnosticResult Reached(int site, int call, string type, string through) =>
        new DiagnosticResult(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(site).WithLocation(call).WithArguments(type, "Function.Handle", through);

    [Fact]
    public Task ReachedHelper_HoistsToAStaticReadonlyFieldOfItsClass_AndFixAllMakesOneFieldPerClass() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Storage
            {
                public async Task<string> Read(string key)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    var response = await s3.GetObjectAsync("bucket", key);
                    return response.Key;
                }

                public async Task Write(string key)
                {
                    var s3 = {|#2:new AmazonS3Client()|};
                    await s3.DeleteObjectAsync("bucket", key);
                }
            }

            public class Function
            {
                public async Task<string> Handle(string input, ILambdaContext context)
                {
                    var storage = new Storage();
                    await {|#3:storage.Write(input)|};
                    return await {|#1:storage.Read(input)|};
                }
            }
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Storage
            {
                private static readonly AmazonS3Client _s3Client = new AmazonS3Client();

                public async Task<string> Read(string key)
                {
                    var response = await _s3Client.GetObjectAsync("bucket", key);
                    return response.Key;
                }

                public async Task Write(string key)
                {
                    await _s3Client.DeleteObjectAsync("bucket", key);
                }
            }

            public class Function
            {
                public async Task<string> Handle(string input, ILambdaContext context)
                {
                    var storage = new Storage();
                    await storage.Write(input);
                    return await storage.Read(input);
                }
            }
            """,
        ExpectedDiagnostics =
        {
            Reached(0, 1, "AmazonS3Client", "'Storage.Read'"),
            Reached(2, 3, "AmazonS3Client", "'Storage.Write'"),
        },
    }.RunAsync();

    [Fact]
    public Task ReachedCreationThatUsesALocal_GetsNoFix()
    {
        const string source = """
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public static class Storage
            {
                public static string Open()
                {
                    var region = RegionEndpoint.EUWest1;
                    return {|#0:new AmazonS3Client(region)|}.ToString()!;
                }
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => {|#1:Storage.Open()|};
            }
            """;
        return new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            ExpectedDiagnostics = { Reached(0, 1, "AmazonS3Client", "'Storage.Open'") },
        }.RunAsync();
    }
}
