using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.ClientCreatedPerInvocationAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class ClientCreatedPerInvocationAnalyzerTests
{
    private static DiagnosticResult Created(int markup, string type) =>
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(markup).WithArguments(type);

    // ---- What the fix gets -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("public Function() { }", "true")]
    [InlineData("public Function(string name) { }", "false")]
    public async Task ClientInAHandlerMethod_PassesWhetherItsClassIsReused(string constructor, string reused)
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new ClientCreatedPerInvocationAnalyzer(), $$"""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                {{constructor}}

                public async Task Handle(string key, ILambdaContext context)
                {
                    var s3 = new AmazonS3Client();
                    await s3.GetObjectAsync("bucket", key);
                }
            }
            """));

        Assert.Equal(ClientCreatedPerInvocationAnalyzer.HoistToField, diagnostic.Properties[ClientCreatedPerInvocationAnalyzer.HoistProperty]);
        Assert.Equal(reused, diagnostic.Properties[ClientCreatedPerInvocationAnalyzer.ReusedInstanceProperty]);
    }

    // ---- Reported: the programming models -------------------------------------------------------------------

    [Fact]
    public Task AwsClientCreatedInClassLibraryHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task<string> FunctionHandler(string input, ILambdaContext context)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                var response = await s3.ListBucketsAsync();
                return input;
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task TargetTypedNew_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.DynamoDBv2;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                AmazonDynamoDBClient client = {|#0:new()|};
            }
        }
        """, Created(0, "AmazonDynamoDBClient"));

    [Fact]
    public Task StaticHandlerAndExpressionBody_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public static class Function
        {
            public static string Handle(string input, ILambdaContext context) => {|#0:new AmazonSQSClient()|}.ToString()!;
        }
        """, Created(0, "AmazonSQSClient"));

    [Fact]
    public Task LambdaFunctionAttributeWithoutContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.S3;

        public class Functions
        {
            [LambdaFunction]
            public async Task<int> Count(string bucket)
            {
                using var s3 = {|#0:new AmazonS3Client()|};
                var objects = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = "fixed" });
                return objects.KeyCount ?? 0;
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task TopLevelHandlerLambda_ReportsOnlyInsideTheHandler() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using Amazon.S3;

        var shared = new AmazonS3Client();
        var handler = async (string input, ILambdaContext context) =>
        {
            using var http = {|#0:new HttpClient()|};
            return await http.GetStringAsync("https://example.com/" + Uri.EscapeDataString("x"));
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, Created(0, "HttpClient"));

    [Fact]
    public Task BootstrapHandlerWithoutContextThroughLocal_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        Func<Stream, Task<Stream>> handler = async stream =>
        {
            var s3 = {|#0:new AmazonS3Client()|};
            await s3.ListBucketsAsync();
            return stream;
        };

        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task BootstrapHandlerThroughDelegateCreationAndCast_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        public static class Program
        {
            public static async Task Main()
            {
                await LambdaBootstrapBuilder.Create(new Func<Stream, Task<Stream>>(async stream =>
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    await s3.ListBucketsAsync();
                    return stream;
                })).Build().RunAsync();
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task LocalFunctionMethodGroupHandlerInMain_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        public static class Program
        {
            public static async Task Main()
            {
                var init = new AmazonS3Client();
                await LambdaBootstrapBuilder.Create((Func<Stream, Task<Stream>>)Handle).Build().RunAsync();

                async Task<Stream> Handle(Stream input)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    await s3.ListBucketsAsync();
                    return input;
                }
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task StaticMethodGroupHandlerWithoutContext_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        public static class Program
        {
            public static async Task Main()
            {
                var handler = Handle;
                using var wrapper = HandlerWrapper.GetHandlerWrapper(handler);
                using var bootstrap = new LambdaBootstrap(wrapper);
                await bootstrap.RunAsync();
            }

            private static async Task<Stream> Handle(Stream input)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                await s3.ListBucketsAsync();
                return input;
            }

            private static AmazonS3Client NotAHandler() => new AmazonS3Client();
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task MethodGroupHandlerThroughQualifiedNamesAndDelegateCreation_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.S3;

        public static class Program
        {
            public static async Task Main()
            {
                // Create and LambdaBootstrap in a comment or a string name nothing: "Create(NotAHandler)".
                using var wrapper = Amazon.Lambda.RuntimeSupport.HandlerWrapper.GetHandlerWrapper((Func<Stream, Task<Stream>>)(Program.Handle));
                using var bootstrap = new Amazon.Lambda.RuntimeSupport.LambdaBootstrap(wrapper);
                await bootstrap.RunAsync();
            }

            private static async Task<Stream> Handle(Stream input)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                await s3.ListBucketsAsync();
                return input;
            }

            private static AmazonS3Client NotAHandler() => new AmazonS3Client();
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task MethodGroupInALocalAssignedTwice_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        public static class Program
        {
            public static async Task Main(string[] args)
            {
                Func<Stream, Task<Stream>> handler = Handle;
                if (args.Length > 0)
                {
                    handler = Other;
                }

                await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
            }

            // Which one is the handler is decided at run time; the analyzer does not guess.
            private static async Task<Stream> Handle(Stream input)
            {
                var s3 = new AmazonS3Client();
                await s3.ListBucketsAsync();
                return input;
            }

            private static Task<Stream> Other(Stream input) => Task.FromResult(input);
        }
        """);

    [Fact]
    public Task LocalFunctionCalledByHandler_Reports() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using Amazon.S3;

        var handler = async (string input, ILambdaContext context) => await ListAsync(input);
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

        async Task<string> ListAsync(string prefix)
        {
            var s3 = {|#0:new AmazonS3Client()|};
            var buckets = await s3.ListBucketsAsync();
            return prefix;
        }

        AmazonS3Client NotCalledByTheHandler() => new AmazonS3Client();
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task LambdaTakingContextDeclaredInConstructor_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly Func<string, ILambdaContext, string> _handler;
            private readonly AmazonS3Client _s3;

            public Function()
            {
                _s3 = new AmazonS3Client();
                _handler = (input, context) => {|#0:new AmazonS3Client()|}.ToString()!;
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task AnonymousMethodTakingContextRegisteredWithAMemberThatNamesNoContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Router
        {
            public void Add(string route, Func<string, ILambdaContext, string> handler) { }
        }

        public class Routes
        {
            public Routes(Router router)
            {
                Func<string, string> trim = x => x.Trim(); // a lambda that is no handler, beside the one that is
                router.Add(trim("b"), delegate { return {|#0:new AmazonS3Client()|}.ToString()!; });
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task LocalFunctionCalledByALambdaWhoseContextIsImplicitlyTyped_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Router
        {
            public void Add(string route, Func<string, ILambdaContext, string> handler) { }
        }

        public class Routes
        {
            public Routes(Router router)
            {
                router.Add("b", (input, context) => Fetch(input));

                string Fetch(string key) => {|#0:new AmazonS3Client()|}.ToString()! + key;
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task NestedLambdaInsideHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public int Handle(List<string> keys, ILambdaContext context) =>
                keys.Select(key => {|#0:new AmazonS3Client()|}).Count();
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task UnguardedFieldAssignment_ReportsWhatItOverwrites() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private AmazonS3Client? _client;

            public void Handle(string input, ILambdaContext context)
            {
                _client = {|#0:new AmazonS3Client()|};
            }
        }
        """, Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.OverwritesRule).WithLocation(0).WithArguments("AmazonS3Client", "_client"));

    // ---- Reported: each kind of client -----------------------------------------------------------------------

    [Fact]
    public Task HttpClientSubclassAndHandlers_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Amazon.Lambda.Core;

        public class ApiClient : HttpClient { }

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var a = {|#0:new ApiClient()|};
                var b = {|#1:new HttpClient(new HttpClientHandler())|};
                var handler = new SocketsHttpHandler();
                var c = {|#2:new HttpClient(handler)|};
                var lonely = {|#3:new SocketsHttpHandler()|};
            }
        }
        """, Created(0, "ApiClient"), Created(1, "HttpClient"), Created(2, "HttpClient"), Created(3, "SocketsHttpHandler"));

    [Fact]
    public Task DynamoDBContextByConstructorAndBuilder_Report() => new Verify.Test
    {
        // The DynamoDBContext constructors are obsolete in AWSSDK.DynamoDBv2 4.x, which is exactly what old code calls.
        CompilerDiagnostics = CompilerDiagnostics.Warnings,
        EditorConfig = "dotnet_diagnostic.CS1591.severity = none",
        TestCode = """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.Lambda.Core;

            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public void Handle(string input, ILambdaContext context)
                {
                    var a = {|#0:{|CS0618:new DynamoDBContext(_dynamo)|}|};
                    var b = {|#1:new DynamoDBContextBuilder().WithDynamoDBClient(() => _dynamo).Build()|};
                }
            }
            """,
        ExpectedDiagnostics = { Created(0, "DynamoDBContext"), Created(1, "DynamoDBContext") },
    }.RunAsync();

    [Fact]
    public Task TransferUtilityWithItsOwnClient_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.S3.Transfer;

        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public void Handle(string input, ILambdaContext context)
            {
                var own = {|#0:new TransferUtility()|};
                var wrapper = new TransferUtility(_s3);
            }
        }
        """, Created(0, "TransferUtility"));

    // ---- Not reported: init code ------------------------------------------------------------------------------

    [Fact]
    public Task ClientsCreatedInInitCode_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.DynamoDBv2;

        public class Function
        {
            private static readonly HttpClient s_http = new HttpClient();
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo;
            private static readonly AmazonS3Client s_other;

            static Function() => s_other = new AmazonS3Client();

            public Function() => _dynamo = new AmazonDynamoDBClient();

            public Function(IAmazonS3 s3, IAmazonDynamoDB dynamo)
            {
                _s3 = s3;
                _dynamo = dynamo;
            }

            public AmazonS3Client Property { get; } = new AmazonS3Client();

            public string Handle(string input, ILambdaContext context) => input;
        }
        """);

    [Fact]
    public Task ConstructorTakingContext_IsNotAHandler() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Processor
        {
            private readonly AmazonS3Client _s3;

            public Processor(ILambdaContext context) => _s3 = new AmazonS3Client();
        }
        """);

    [Fact]
    public Task MethodThatIsNotAHandler_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => input;

            private static AmazonS3Client CreateClient() => new AmazonS3Client();
        }
        """);

    [Fact]
    public Task BootstrapInitializerIsInitCode_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        AmazonS3Client? s3 = null;
        var handler = (Stream input) => Task.FromResult(input);
        using var bootstrap = new LambdaBootstrap(HandlerWrapper.GetHandlerWrapper(handler), async () =>
        {
            s3 = new AmazonS3Client();
            await s3.ListBucketsAsync();
            return true;
        });
        await bootstrap.RunAsync();
        """);

    // ---- Not reported: created once, though the code sits in the handler ------------------------------------

    [Fact]
    public Task CoalesceAssignmentToField_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static AmazonS3Client? s_client;
            private AmazonS3Client? _client;

            public void Handle(string input, ILambdaContext context)
            {
                s_client ??= new AmazonS3Client();
                _client ??= new AmazonS3Client();
            }
        }
        """);

    [Fact]
    public Task NullGuardedAssignments_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly object s_gate = new();
            private static AmazonS3Client? s_a;
            private static AmazonS3Client? s_b;
            private AmazonS3Client? _c;
            private AmazonS3Client? _d;

            public void Handle(string input, ILambdaContext context)
            {
                if (s_a is null)
                {
                    s_a = new AmazonS3Client();
                }

                if (s_b == null)
                {
                    lock (s_gate)
                    {
                        if (s_b == null)
                        {
                            s_b = new AmazonS3Client();
                        }
                    }
                }

                if (null == _c) _c = new AmazonS3Client();
            }

            public AmazonS3Client Get(string input, ILambdaContext context)
            {
                if (_d is not null)
                {
                    return _d;
                }

                _d = new AmazonS3Client();
                return _d;
            }
        }
        """);

    [Fact]
    public Task LazyLazyInitializerAndInterlocked_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static Lazy<AmazonS3Client>? s_lazy;
            private static AmazonS3Client? s_a;
            private static AmazonS3Client? s_b;

            public void Handle(string input, ILambdaContext context)
            {
                s_lazy ??= new Lazy<AmazonS3Client>(() => new AmazonS3Client());
                LazyInitializer.EnsureInitialized(ref s_a, () => new AmazonS3Client());
                Interlocked.CompareExchange(ref s_b, new AmazonS3Client(), null);
            }
        }
        """);

    [Fact]
    public Task OlderLazyIdioms_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private IAmazonS3? _a, _b, _c, _d, _e;
            private bool _initialized;

            public string Handle(string input, ILambdaContext context)
            {
                var a = _a ?? (_a = new AmazonS3Client());
                _b = _b ?? new AmazonS3Client();
                _c = _c is null ? new AmazonS3Client() : _c;
                if (!_initialized)
                {
                    _d = new AmazonS3Client();
                    _initialized = true;
                }

                return input;
            }

            public IAmazonS3 Get(string input, ILambdaContext context) => _e ?? (_e = new AmazonS3Client());
        }
        """);

    [Fact]
    public Task CreationThroughALocalUnderAGuard_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private IAmazonS3? _a, _b;

            public string Handle(string input, ILambdaContext context)
            {
                if (_a is null)
                {
                    var created = new AmazonS3Client();
                    if (Interlocked.CompareExchange(ref _a, created, null) is not null)
                    {
                        created.Dispose();
                    }
                }

                if (_b == null)
                {
                    var client = new AmazonS3Client();
                    _b = client;
                }

                return input;
            }
        }
        """);

    [Fact]
    public Task CacheAsideMissBranchOfALongLivedDictionary_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly Dictionary<string, IAmazonS3> s_byName = new();
            private readonly ConcurrentDictionary<string, IAmazonS3> _byBucket = new();

            public string Handle(string input, ILambdaContext context)
            {
                if (!s_byName.TryGetValue("main", out var main))
                {
                    main = new AmazonS3Client();
                    s_byName["main"] = main;
                }

                if (_byBucket.TryGetValue("archive", out var archive))
                {
                    context.Logger.LogInformation("cached");
                }
                else
                {
                    archive = new AmazonS3Client(RegionEndpoint.EUWest1);
                    _byBucket.TryAdd("archive", archive);
                }

                if (!s_byName.ContainsKey("backup"))
                {
                    s_byName["backup"] = new AmazonS3Client(RegionEndpoint.USEast1);
                }

                return Cached().ToString()!;

                IAmazonS3 Cached()
                {
                    if (s_byName.TryGetValue("other", out var found))
                    {
                        return found;
                    }

                    var created = new AmazonS3Client();
                    s_byName.Add("other", created);
                    return created;
                }
            }
        }
        """);

    [Fact]
    public Task ClientInAResponseCachesMissBranch_WhichTheCacheDoesNotKeep_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly ConcurrentDictionary<string, string> s_responses = new();

            public string Handle(string input, ILambdaContext context)
            {
                if (s_responses.TryGetValue(input, out var cached))
                {
                    return cached;
                }

                var s3 = {|#0:new AmazonS3Client()|};
                var response = s3.ToString()!;
                s_responses[input] = response;
                return response;
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task LookupThatIsNoCache_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly Dictionary<string, IAmazonS3> s_byName = new();

            public string Handle(string input, ILambdaContext context)
            {
                var local = new Dictionary<string, IAmazonS3>();
                if (!local.TryGetValue("main", out var main))
                {
                    main = {|#0:new AmazonS3Client()|};
                    local["main"] = main;
                }

                if (!s_byName.TryGetValue("unstored", out var unstored))
                {
                    unstored = {|#1:new AmazonS3Client()|};
                }

                if (s_byName.TryGetValue("hit", out var hit))
                {
                    hit = {|#2:new AmazonS3Client()|};
                    s_byName["hit"] = hit;
                }

                if (s_byName.TryGetValue("kept", out var kept))
                {
                    context.Logger.LogInformation("cached");
                }

                var after = {|#3:new AmazonS3Client()|};
                s_byName["kept"] = after;

                if (!s_byName.TryGetValue("first", out var first))
                {
                    first = {|#4:new AmazonS3Client()|};
                    s_byName["second"] = first;
                }

                return input;
            }
        }
        """, Created(0, "AmazonS3Client"), Created(1, "AmazonS3Client"), Created(2, "AmazonS3Client"), Created(3, "AmazonS3Client"),
            Created(4, "AmazonS3Client"));

    [Fact]
    public Task LocalFunctionUsedAsLazyFactory_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static Lazy<IAmazonS3>? s_lazy;
            private static IAmazonS3? s_client;
            private static IAmazonS3? s_other;

            public string Handle(string input, ILambdaContext context)
            {
                s_lazy ??= new Lazy<IAmazonS3>(CreateClient);
                LazyInitializer.EnsureInitialized(ref s_client, CreateClient);
                s_other ??= CreateOther();
                return input;

                static IAmazonS3 CreateClient() => new AmazonS3Client();
                static IAmazonS3 CreateOther() => new AmazonS3Client();
                static IAmazonS3 NeverCalled() => new AmazonS3Client();
            }
        }
        """);

    [Fact]
    public Task LocalFunctionCalledOnEveryInvocation_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static IAmazonS3? s_client;

            public string Handle(string input, ILambdaContext context)
            {
                s_client ??= Create();
                var fresh = Create();
                return input;

                static IAmazonS3 Create() => {|#0:new AmazonS3Client()|};
            }
        }
        """, Created(0, "AmazonS3Client"));

    [Fact]
    public Task ConditionOnTheEventNotOnState_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Request
        {
            public bool Done { get; set; }
        }

        public class Function
        {
            public void Handle(Request request, ILambdaContext context)
            {
                if (!request.Done)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    request.Done = true;
                }
            }
        }
        """, Created(0, "AmazonS3Client"));

    // ---- Not reported: the creation depends on the invocation --------------------------------------------------

    [Fact]
    public Task PerRequestCredentialsAndEndpoints_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;

        public record Tenant(string AccessKey, string SecretKey, string Endpoint);

        public class Function
        {
            public async Task Handle(Tenant tenant, ILambdaContext context)
            {
                var direct = new AmazonS3Client(new BasicAWSCredentials(tenant.AccessKey, tenant.SecretKey));
                var config = new AmazonS3Config { ServiceURL = tenant.Endpoint };
                var throughLocal = new AmazonS3Client(config);
                var key = tenant.AccessKey;
                var secret = key + "-suffix";
                var twoLocals = new AmazonS3Client(secret, tenant.SecretKey);
                var http = new HttpClient { BaseAddress = new System.Uri(tenant.Endpoint) };
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task SharedHandlerNotDisposed_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly SocketsHttpHandler s_handler = new SocketsHttpHandler();
            private readonly HttpMessageHandler _handler = new HttpClientHandler();

            public void Handle(string input, ILambdaContext context)
            {
                var a = new HttpClient(s_handler, disposeHandler: false);
                var b = new HttpClient(_handler, false);
            }
        }
        """);

    // ---- Not reported: not a Lambda project, generated code ---------------------------------------------------

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using Amazon.S3;

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public class Function
            {
                public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
                {
                    var s3 = new AmazonS3Client();
                }
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
                    using Amazon.S3;

                    public class Function
                    {
                        public void Handle(string input, ILambdaContext context)
                        {
                            var s3 = new AmazonS3Client();
                        }
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Options -------------------------------------------------------------------------------------------------

    private const string CustomClients = """
        namespace Acme
        {
            public class SearchClient { }
            public class FastSearchClient : SearchClient { }
            public static class Search
            {
                public static SearchClient Connect(string url) => new SearchClient();
                public static System.Threading.Tasks.Task<SearchClient> ConnectAsync(string url) => System.Threading.Tasks.Task.FromResult(new SearchClient());
            }
        }
        """;

    [Fact]
    public Task AdditionalClientTypesAndFactories_Report() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                CustomClients,
                """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Acme;

                public class Function
                {
                    public async Task Handle(string input, ILambdaContext context)
                    {
                        var a = {|#0:new SearchClient()|};
                        var b = {|#1:new FastSearchClient()|};
                        var c = {|#2:Search.Connect("https://search")|};
                        var d = await {|#3:Search.ConnectAsync("https://search")|};
                        var e = Search.Connect(input);
                    }
                }
                """,
            },
        },
        EditorConfig = """
            lambda_analyzers.additional_client_types = T:Acme.SearchClient | T:Acme.DoesNotExist
            lambda_analyzers.additional_client_factories = M:Acme.Search.Connect(System.String)|M:Acme.Search.ConnectAsync(System.String)|M:Nope.Missing
            """,
        ExpectedDiagnostics =
        {
            Created(0, "SearchClient"),
            Created(1, "FastSearchClient"),
            Created(2, "SearchClient"),
            Created(3, "SearchClient"),
        },
    }.RunAsync();

    [Fact]
    public Task AdditionalClientTypesFromGlobalConfig_Report() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                CustomClients,
                """
                using Amazon.Lambda.Core;
                using Acme;

                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var a = {|#0:new SearchClient()|};
                    }
                }
                """,
            },
            AnalyzerConfigFiles =
            {
                ("/.globalconfig", "is_global = true\nlambda_analyzers.additional_client_types = T:Acme.SearchClient\n"),
            },
        },
        ExpectedDiagnostics = { Created(0, "SearchClient") },
    }.RunAsync();

    [Fact]
    public Task AdditionalClientTypesOnlyWhereTheSectionApplies() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("/src/Acme.cs", CustomClients),
                ("/src/Covered.cs", """
                    using Amazon.Lambda.Core;
                    using Acme;

                    public class Covered
                    {
                        public void Handle(string input, ILambdaContext context) => {|#0:new SearchClient()|}.ToString();
                    }
                    """),
                ("/src/Other.cs", """
                    using Amazon.Lambda.Core;
                    using Acme;

                    public class Other
                    {
                        public void Handle(string input, ILambdaContext context) => new SearchClient().ToString();
                    }
                    """),
            },
            AnalyzerConfigFiles =
            {
                ("/.editorconfig", "root = true\n\n[Covered.cs]\nlambda_analyzers.additional_client_types = T:Acme.SearchClient\n"),
            },
        },
        ExpectedDiagnostics = { Created(0, "SearchClient") },
    }.RunAsync();

    [Fact]
    public Task WithoutOptions_CustomTypesDoNotReport() => Verify.VerifyAnalyzerAsync(CustomClients + """

        public class Function
        {
            public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
            {
                var a = new Acme.SearchClient();
                var c = Acme.Search.Connect("https://search");
            }
        }
        """);

    // ---- Database and cache clients of referenced libraries -----------------------------------------------------

    [Fact]
    public async Task DatabaseAndCacheClientFactories_Report()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public class Function
                {
                    public async Task Handle(string input, ILambdaContext context)
                    {
                        var redis = {|#0:StackExchange.Redis.ConnectionMultiplexer.Connect("localhost")|};
                        var redisAsync = await {|#1:StackExchange.Redis.ConnectionMultiplexer.ConnectAsync("localhost")|};
                        var postgres = {|#2:Npgsql.NpgsqlDataSource.Create("Host=db")|};
                        var channel = {|#3:Grpc.Net.Client.GrpcChannel.ForAddress("https://grpc")|};
                        var mongo = {|#4:new MongoDB.Driver.MongoClient("mongodb://db")|};
                        var perTenant = Npgsql.NpgsqlDataSource.Create(input);
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Created(0, "ConnectionMultiplexer"),
                Created(1, "ConnectionMultiplexer"),
                Created(2, "NpgsqlDataSource"),
                Created(3, "GrpcChannel"),
                Created(4, "MongoClient"),
            },
        };
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("StackExchange.Redis", """
            namespace StackExchange.Redis;
            public sealed class ConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration) => new();
                public static System.Threading.Tasks.Task<ConnectionMultiplexer> ConnectAsync(string configuration) => System.Threading.Tasks.Task.FromResult(new ConnectionMultiplexer());
            }
            """));
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("Npgsql", """
            namespace Npgsql;
            public class NpgsqlDataSource
            {
                public static NpgsqlDataSource Create(string connectionString) => new();
            }
            """));
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("Grpc.Net.Client", """
            namespace Grpc.Net.Client;
            public sealed class GrpcChannel
            {
                public static GrpcChannel ForAddress(string address) => new();
            }
            """));
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("MongoDB.Driver", """
            namespace MongoDB.Driver;
            public class MongoClient
            {
                public MongoClient(string connectionString) { }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task LookAlikeLibraryTypesInUserCode_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        namespace StackExchange.Redis
        {
            public sealed class ConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration) => new();
            }
        }

        public class Function
        {
            public void Handle(string input, ILambdaContext context) => StackExchange.Redis.ConnectionMultiplexer.Connect("localhost");
        }
        """);
}
