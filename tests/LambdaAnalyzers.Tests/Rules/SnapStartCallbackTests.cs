using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// A callback given to SnapshotRestore.RegisterBeforeSnapshot or RegisterAfterRestore runs when a snapshot is taken or
/// restored, never per invocation, wherever it is registered: no rule reports in it.
/// </summary>
public sealed class SnapStartCallbackTests
{
    private const string HandlerRegisteringCallbacks = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private IAmazonS3? _s3;

            public async Task<string> Handle(string key, ILambdaContext context)
            {
                SnapshotRestore.RegisterAfterRestore(async () =>
                {
                    _s3 = new AmazonS3Client();
                    await _s3.ListBucketsAsync();
                });
                SnapshotRestore.RegisterBeforeSnapshot(Warm);
                return key;

                async ValueTask Warm()
                {
                    var warm = new AmazonS3Client();
                    await warm.ListBucketsAsync();
                }
            }
        }
        """;

    [Fact]
    public Task ClientCreatedInACallback_DoesNotReport() =>
        VerifyAsync<ClientCreatedPerInvocationAnalyzer>(HandlerRegisteringCallbacks);

    [Fact]
    public Task CallWithoutDeadlineInACallback_DoesNotReport() =>
        VerifyAsync<MissingDeadlineAnalyzer>(HandlerRegisteringCallbacks);

    [Fact]
    public Task ClientCreatedBesideTheCallback_StillReports() => VerifyAsync<ClientCreatedPerInvocationAnalyzer>("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public string Handle(string key, ILambdaContext context)
            {
                SnapshotRestore.RegisterAfterRestore(() => default);
                return {|#0:new AmazonS3Client()|}.ToString()!;
            }
        }
        """, new DiagnosticResult(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(0).WithArguments("AmazonS3Client"));

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
