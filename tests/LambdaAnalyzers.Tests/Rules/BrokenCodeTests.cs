using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>Half-typed code inside a discovered handler: every analyzer runs without throwing.</summary>
public sealed class BrokenCodeTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "UnterminatedCreation", "var s3 = new AmazonS3Client(" },
        { "UnterminatedCreationWithArgument", "var s3 = new AmazonS3Client(RegionEndpoint.USEast1" },
        { "UnknownType", "var client = new UnknownClient(); client.Send(input);" },
        { "ArgumentOfErrorType", "var s3 = new AmazonS3Client(missingCredentials, RegionEndpoint.USEast1);" },
        { "UnknownFactory", "var db = Npgsql.NpgsqlDataSource.Create(\"Host=db\");" },
        { "MissingNewType", "AmazonS3Client s3 = new" },
        { "TargetTypedNewOfUnknown", "Unknown x = new();" },
        { "CoalesceAssignmentToUnknown", "_missing ??= new AmazonS3Client();" },
        { "AssignmentToUnknownMember", "this.Nope = new AmazonS3Client();" },
        { "NullCheckOfUnknown", "if (_missing is null) { _missing = new AmazonS3Client(); }" },
        { "LambdaWithoutBody", "Func<string, ILambdaContext, string> h = (a, b) => ;" },
        { "HalfTypedBootstrap", "LambdaBootstrapBuilder.Create(" },
        { "BootstrapWithUnknownHandler", "LambdaBootstrapBuilder.Create(missingHandler, new DefaultLambdaJsonSerializer()).Build();" },
        { "LocalFunctionWithoutBody", "static AmazonS3Client Make(ILambdaContext c) =>" },
        { "UnknownLocal", "var s3 = new AmazonS3Client(config);" },
        { "HttpClientHalfTyped", "var http = new HttpClient(new HttpClientHandler(), " },
        { "DiscardedHalfTypedCall", "_ = control.GetStringAsync(" },
        { "DiscardedUnknownCall", "_ = SendAsync(input);" },
        { "TaskRunWithoutBody", "Task.Run(async () =>" },
        { "TaskLocalHalfUsed", "var pending = control.GetStringAsync(input); pending." },
        { "ForEachAsyncLambdaHalfTyped", "new System.Collections.Generic.List<string>().ForEach(async x => await" },
        { "ResultOfUnknown", "var text = missing.Result;" },
        { "HalfTypedWaitAll", "Task.WaitAll(" },
        { "HalfTypedSleep", "System.Threading.Thread.Sleep(" },
        { "ThreadWithoutBody", "new System.Threading.Thread(() => ).Start(" },
        { "HalfTypedTimer", "var timer = new System.Threading.Timer(_ => { }, null, " },
        { "AsyncVoidLocalFunction", "async void Later(ILambdaContext c) { await Task.Delay(" },
        { "GetResultOfErrorType", "var x = Unknown().GetAwaiter().GetResult();" },
        { "CacheLookupHalfTyped", "if (!s_cache.TryGetValue(input, out var cached)) { cached = new AmazonS3Client(); s_cache[" },
        { "CacheLookupOnUnknown", "if (missing.TryGetValue(input, out var c) is false) { c = new AmazonS3Client(); missing[input] = c; }" },
        { "CacheHitReturnHalfTyped", "if (s_cache.TryGetValue(input, out var hit)) return ; var made = new AmazonS3Client(); s_cache.Add(input, " },
        { "ReceiverOfUnknownType", "s_unknown.Record(input); missingField.Record(context.Logger);" },
        { "LoggerIntoUnknown", "s_logger = new Missing(context.Logger" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HalfTypedStatementInHandler_NoAnalyzerThrows(string name, string statement)
    {
        var source = $$"""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            public class Function
            {
                private static readonly System.Collections.Generic.Dictionary<string, AmazonS3Client> s_cache = new();
                private static UnknownAudit s_unknown = null!;
                private static object? s_logger;

                public async Task<string> Handle(string input, ILambdaContext context)
                {
                    var control = new HttpClient();
                    {{statement}}
                    return input;
                }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([(name + ".cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers);

        Assert.Empty(result.Crashes);
        // The handler was still discovered: the control statement is reported.
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIdentifiers.ClientCreatedPerInvocation && d.GetMessage().Contains("'HttpClient'"));
    }

    [Theory]
    [InlineData("var handler = async (string input, ILambdaContext context) => new AmazonS3Client(")]
    [InlineData("await LambdaBootstrapBuilder.Create(async (string input, ILambdaContext context) => { var s3 = new AmazonS3Client(; return input; }")]
    [InlineData("var handler = (string input, ILambdaContext context) => { Local(); return input; }; void Local() { var s3 = new AmazonS3Client(")]
    public async Task HalfTypedTopLevelProgram_NoAnalyzerThrows(string program)
    {
        var source = """
            using System;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            """ + program;
        var compilation = await AnalyzerRunner.CompileAsync([("Program.cs", source)], outputKind: OutputKind.ConsoleApplication);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers);

        Assert.Empty(result.Crashes);
    }
}
