using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.InvocationDataKeptAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class InvocationDataKeptAnalyzerTests
{
    private static DiagnosticResult Kept(int markup, string member) =>
        Verify.Diagnostic(InvocationDataKeptAnalyzer.Rule).WithLocation(markup).WithArguments(member);

    private static DiagnosticResult KeptStatic(int markup, string member) =>
        Verify.Diagnostic(InvocationDataKeptAnalyzer.StaticRule).WithLocation(markup).WithArguments(member);

    // ---- Reported: the messages ------------------------------------------------------------------------------

    [Fact]
    public async Task InstanceFieldOfReusedHandler_ReportsWithInstanceMessage()
    {
        const string source = """
            using Amazon.Lambda.Core;

            public sealed record Order(string UserId, decimal Amount);

            public class Function
            {
                private string? _lastUser;

                public void Handle(Order order, ILambdaContext context)
                {
                    {|#0:_lastUser|} = order.UserId;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Kept(0, "_lastUser"));

        var diagnostic = await RunSingleAsync(source);
        Assert.Equal("'_lastUser' is written on every invocation and kept by the reused handler instance; it leaks into later invocations", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Security", diagnostic.Descriptor.Category);
    }

    [Fact]
    public async Task StaticCollectionGrowing_ReportsWithStaticMessage()
    {
        const string source = """
            using System.Collections.Generic;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                private static readonly List<string> s_processed = new();

                public void Handle(SQSEvent sqsEvent, ILambdaContext context)
                {
                    foreach (var record in sqsEvent.Records)
                    {
                        {|#0:s_processed|}.Add(record.MessageId);
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, KeptStatic(0, "s_processed"));

        var diagnostic = await RunSingleAsync(source);
        Assert.Equal("'s_processed' is static and written on every invocation; it outlives the invocation and leaks into later ones", diagnostic.GetMessage());
    }

    // ---- Reported: the shapes of a write ---------------------------------------------------------------------

    [Fact]
    public Task StaticFieldAndStaticAutoProperty_Report() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        public static class Current
        {
            public static string? Tenant { get; set; }
        }

        public class Function
        {
            private static string? s_customerId;

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                {|#0:s_customerId|} = request.PathParameters["customerId"];
                {|#1:Current.Tenant|} = request.Headers["x-tenant"];
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """, KeptStatic(0, "s_customerId"), KeptStatic(1, "Tenant"));

    [Fact]
    public Task InstanceAutoPropertyAndThisQualifiedField_Report() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private string? _user;

            public string? LastRequestId { get; private set; }

            public string Handle(string input, ILambdaContext context)
            {
                {|#0:this._user|} = input;
                {|#1:LastRequestId|} = context.AwsRequestId;
                return input;
            }
        }
        """, Kept(0, "_user"), Kept(1, "LastRequestId"));

    [Fact]
    public Task PropertiesWithAnExplicitBackingField_ReportLikeAutoProperties_ComputedOnesDoNot() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private static string s_tenant = "";
            private string _user = "";
            private int _count;

            public static string Tenant { get => s_tenant; set => s_tenant = value; }

            public string User
            {
                get => _user;
                set
                {
                    System.Console.WriteLine("user changed");
                    this._user = value;
                }
            }

            public string Echo { get => ""; set => System.Console.WriteLine(value); }

            public int Count { get => _count; set => _count = 0; }

            public string Handle(string input, ILambdaContext context)
            {
                {|#0:Tenant|} = input;
                {|#1:User|} = input;
                Echo = input;
                Count = input.Length;
                return input;
            }
        }
        """, KeptStatic(0, "Tenant"), Kept(1, "User"));

    [Fact]
    public Task ValueThroughLocals_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public sealed record Request(string CustomerId);

        public class Function
        {
            private string? _customer;

            public void Handle(Request request, ILambdaContext context)
            {
                var id = request.CustomerId;
                var normalized = id.Trim().ToUpperInvariant();
                {|#0:_customer|} = normalized;
            }
        }
        """, Kept(0, "_customer"));

    [Fact]
    public Task CompoundAssignmentOfInvocationData_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public sealed record Payment(string CustomerId, decimal Amount);

        public class Function
        {
            private decimal _total;
            private static string s_log = "";

            public void Handle(Payment payment, ILambdaContext context)
            {
                {|#0:_total|} += payment.Amount;
                {|#1:s_log|} += payment.CustomerId;
            }
        }
        """, Kept(0, "_total"), KeptStatic(1, "s_log"));

    [Fact]
    public Task ArrayElementWrite_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly string?[] s_recentUsers = new string?[10];
            private int _next;

            public void Handle(string userId, ILambdaContext context)
            {
                {|#0:s_recentUsers|}[_next] = userId;
                _next = (_next + 1) % 10;
            }
        }
        """, KeptStatic(0, "s_recentUsers"));

    [Fact]
    public Task ListElementReplacedWithInvocationData_ReportsButWithOtherValue_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly List<string> s_slots = new() { "", "", "" };
            private int _next;

            public void Handle(string userId, ILambdaContext context)
            {
                s_slots[_next] = "free";
                {|#0:s_slots|}[_next] = userId;
                _next = (_next + 1) % s_slots.Count;
            }
        }
        """, KeptStatic(0, "s_slots"));

    [Fact]
    public Task RefAndOutArguments_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            private int _quantity;
            private static string? s_last;

            public void Handle(string input, ILambdaContext context)
            {
                int.TryParse(input, out {|#0:_quantity|});
                Volatile.Write(ref {|#1:s_last|}, input);
            }
        }
        """, Kept(0, "_quantity"), KeptStatic(1, "s_last"));

    [Fact]
    public Task EveryGrowingMethodAndIndexerSet_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly List<string> s_list = new();
            private static readonly Queue<string> s_queue = new();
            private static readonly Stack<string> s_stack = new();
            private static readonly HashSet<string> s_seen = new();
            private static readonly Dictionary<string, int> s_sizes = new();
            private static readonly ConcurrentDictionary<string, int> s_counts = new();
            private readonly ConcurrentBag<string> _bag = new();

            public void Handle(string input, ILambdaContext context)
            {
                {|#0:s_list|}.Add("always the same");
                {|#1:s_list|}.AddRange(input.Split(','));
                {|#2:s_list|}.Insert(0, input);
                {|#3:s_queue|}.Enqueue(input);
                {|#4:s_stack|}.Push(input);
                {|#5:s_seen|}.Add(input);
                {|#6:s_sizes|}.TryAdd(input, input.Length);
                {|#7:s_counts|}.AddOrUpdate(input, 1, (_, n) => n + 1);
                {|#8:s_sizes|}[input] = 1;
                {|#9:_bag|}.Add(context.AwsRequestId);
            }
        }
        """,
        KeptStatic(0, "s_list"), KeptStatic(1, "s_list"), KeptStatic(2, "s_list"), KeptStatic(3, "s_queue"), KeptStatic(4, "s_stack"),
        KeptStatic(5, "s_seen"), KeptStatic(6, "s_sizes"), KeptStatic(7, "s_counts"), KeptStatic(8, "s_sizes"), Kept(9, "_bag"));

    [Fact]
    public Task ContainsThenAddOnASet_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly HashSet<string> s_processed = new();

            public bool Handle(string messageId, ILambdaContext context)
            {
                if (s_processed.Contains(messageId))
                {
                    return false;
                }

                {|#0:s_processed|}.Add(messageId);
                return true;
            }
        }
        """, KeptStatic(0, "s_processed"));

    [Fact]
    public Task MemberOfAnObjectHeldInAField_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public sealed class SessionState
        {
            public string? LastUser { get; set; }
            public string? Region;
            public List<string> Visited { get; } = new();
        }

        public class Function
        {
            private readonly SessionState _state = new();
            private static readonly SessionState s_shared = new();

            public void Handle(string userId, ILambdaContext context)
            {
                {|#0:_state.LastUser|} = userId;
                {|#1:s_shared.Region|} = userId;
                {|#2:_state.Visited|}.Add(userId);
            }
        }
        """, Kept(0, "_state.LastUser"), KeptStatic(1, "s_shared.Region"), Kept(2, "_state.Visited"));

    [Fact]
    public Task CapturedPrimaryConstructorParameter_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Annotations;

        public class Functions(string defaultTenant)
        {
            [LambdaFunction]
            public string Tenant(string tenant)
            {
                {|#0:defaultTenant|} = tenant;
                return defaultTenant;
            }
        }
        """, Kept(0, "defaultTenant"));

    [Fact]
    public Task FieldOfSourceBaseClassOfReusedHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public abstract class FunctionBase
        {
            protected string? CurrentUser;
        }

        public class Function : FunctionBase
        {
            public void Handle(string userId, ILambdaContext context)
            {
                {|#0:CurrentUser|} = userId;
            }
        }
        """, Kept(0, "CurrentUser"));

    [Fact]
    public Task WriteInLambdaInsideTheHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            private static readonly List<string> s_ids = new();

            public void Handle(SQSEvent sqsEvent, ILambdaContext context)
            {
                sqsEvent.Records.ForEach(record => {|#0:s_ids|}.Add(record.MessageId));
            }
        }
        """, KeptStatic(0, "s_ids"));

    [Fact]
    public Task DeconstructionIntoFields_Reports() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private string? _user;
            private int _count;

            public void Handle(string input, ILambdaContext context)
            {
                ({|#0:_user|}, _count) = (input, 0);
            }
        }
        """, Kept(0, "_user"));

    [Fact]
    public Task TopLevelHandlerWritingAStaticOfAnotherClass_Reports() => Verify.VerifyProgramAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var handler = (string input, ILambdaContext context) =>
        {
            {|#0:Audit.LastInput|} = input;
            return input;
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

        static class Audit
        {
            public static string? LastInput;
        }
        """, KeptStatic(0, "LastInput"));

    // ---- Not reported: init code and values not from the invocation -----------------------------------------

    [Fact]
    public Task WritesInInitCode_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly List<string> s_regions = new();
            private static string? s_stage;
            private readonly string _table;

            static Function()
            {
                s_regions.Add("eu-west-1");
                s_stage = Environment.GetEnvironmentVariable("STAGE");
            }

            public Function()
            {
                _table = Environment.GetEnvironmentVariable("TABLE") ?? "orders";
                s_regions.Add(_table);
            }

            public string Handle(string input, ILambdaContext context) => input + _table;
        }
        """);

    [Fact]
    public Task ConstantWrites_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private string _status = "idle";
            private static int s_lastCode;

            public string Handle(string input, ILambdaContext context)
            {
                _status = "busy";
                s_lastCode = 200;
                return input + _status + s_lastCode;
            }
        }
        """);

    [Fact]
    public Task Counters_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private int _invocations;
            private int _inFlight;
            private static long s_bytes;

            public string Handle(string input, ILambdaContext context)
            {
                _invocations++;
                ++_inFlight;
                s_bytes += 512;
                s_bytes -= 1;
                _inFlight--;
                return input;
            }
        }
        """);

    [Fact]
    public Task ValuesNotDrawnFromTheInvocation_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly int[] s_prices = { 1, 2, 3 };
            private static int s_max;
            private static string s_table = "";
            private static string s_label = "";

            public void Handle(string input, ILambdaContext context)
            {
                // A lambda's parameter is what the lambda is applied to: static data here.
                s_max = s_prices.Max(p => p * 2);

                // A pattern variable is drawn from the value it matches: the environment here.
                if (Environment.GetEnvironmentVariable("TABLE") is { } table)
                {
                    s_table = table;
                }

                // Locals followed past the depth limit are not taken for invocation data.
                var a = "x";
                var b = a + "y";
                var c = b + "z";
                var d = c + "!";
                s_label = d;
            }
        }
        """);

    [Fact]
    public Task ValuesDrawnFromTheInvocationThroughALambdaOrAPattern_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Linq;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static int s_longest;
            private static string s_first = "";

            public void Handle(string[] input, ILambdaContext context)
            {
                {|#0:s_longest|} = input.Max(i => i.Length);
                if (input is [var first, ..])
                {
                    {|#1:s_first|} = first;
                }
            }
        }
        """, KeptStatic(0, "s_longest"), KeptStatic(1, "s_first"));

    [Fact]
    public Task ColdStartFlagSetToFalse_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private static bool s_coldStart = true;
            private bool _firstInvocation = true;

            public string Handle(string input, ILambdaContext context)
            {
                var cold = s_coldStart;
                s_coldStart = false;
                _firstInvocation = false;
                return cold ? "cold" : "warm";
            }
        }
        """);

    [Fact]
    public Task ValuesNotFromTheInvocation_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;

        public class Function
        {
            private DateTime _lastRun;
            private static string? s_region;
            private Guid _instanceId;

            public string Handle(string input, ILambdaContext context)
            {
                _lastRun = DateTime.UtcNow;
                s_region = Environment.GetEnvironmentVariable("AWS_REGION");
                _instanceId = Guid.NewGuid();
                return input;
            }
        }
        """);

    [Fact]
    public Task IndexerSetWithConstantKeyAndValue_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly Dictionary<string, bool> s_flags = new();

            public string Handle(string input, ILambdaContext context)
            {
                s_flags["warm"] = true;
                return input;
            }
        }
        """);

    [Fact]
    public Task AWriteBesideACacheStoreInAMissBranch_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public sealed record Request(string Region, string UserId);

        public class Function
        {
            private static readonly Dictionary<string, string> s_endpoints = new();
            private static string? s_lastUser;

            public string Handle(Request request, ILambdaContext context)
            {
                if (!s_endpoints.TryGetValue("default", out var endpoint))
                {
                    endpoint = "https://example.com";
                    s_endpoints["default"] = endpoint;
                    {|#0:s_lastUser|} = request.UserId;
                }

                return endpoint;
            }
        }
        """, KeptStatic(0, "s_lastUser"));

    [Fact]
    public Task TheInvocationsLoggerKept_IsNotReported_TheContextIs() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public static class Log
        {
            private static ILambdaLogger? s_logger;

            public static void Use(ILambdaLogger logger) => s_logger = logger;
        }

        public sealed class LoggerAdapter(ILambdaLogger logger)
        {
            public void Write(string line) => logger.LogInformation(line);
        }

        public static class Adapted
        {
            private static LoggerAdapter? s_adapter;

            public static void Use(LoggerAdapter adapter) => s_adapter = adapter;
        }

        public class Function
        {
            private static ILambdaLogger? s_logger;
            private static ILambdaContext? s_context;
            private static LoggerAdapter? s_adapter;
            private ILambdaLogger? _logger;

            public void Handle(string input, ILambdaContext context)
            {
                s_logger = context.Logger;
                _logger = context.Logger;
                Log.Use(context.Logger);
                s_adapter = new LoggerAdapter(context.Logger);
                Adapted.Use(new LoggerAdapter(context.Logger));
                {|#0:s_context|} = context;
            }
        }
        """, KeptStatic(0, "s_context"));

    // ---- Not reported: one-time initialization ---------------------------------------------------------------

    [Fact]
    public Task CoalesceAssignment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private string? _firstRequestId;
            private static string? s_tenant;

            public string Handle(string input, ILambdaContext context)
            {
                _firstRequestId ??= context.AwsRequestId;
                s_tenant ??= input;
                return input;
            }
        }
        """);

    [Fact]
    public Task NullGuardedAssignment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Function
        {
            private string? _functionArn;
            private static string? s_version;
            private bool _initialized;
            private string? _logGroup;

            public string Handle(string input, ILambdaContext context)
            {
                if (_functionArn is null)
                {
                    _functionArn = context.InvokedFunctionArn;
                }

                if (s_version == null) s_version = context.FunctionVersion;

                if (!_initialized)
                {
                    _logGroup = context.LogGroupName;
                    _initialized = true;
                }

                return input;
            }
        }
        """);

    [Fact]
    public Task LazyOfT_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static Lazy<List<string>>? s_settings;

            public string Handle(string input, ILambdaContext context)
            {
                s_settings ??= new Lazy<List<string>>(() =>
                {
                    var list = new List<string>();
                    list.Add(context.FunctionName);
                    return list;
                });
                return s_settings.Value[0];
            }
        }
        """);

    [Fact]
    public Task LazyInitializerEnsureInitialized_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public sealed class Config
        {
            public string? Name { get; set; }
        }

        public class Function
        {
            private static Config? s_config;

            public string Handle(string input, ILambdaContext context)
            {
                var config = LazyInitializer.EnsureInitialized(ref s_config, () => new Config { Name = context.FunctionName });
                return config.Name ?? input;
            }
        }
        """);

    [Fact]
    public Task InterlockedCompareExchange_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static string? s_firstRequest;

            public string Handle(string input, ILambdaContext context)
            {
                Interlocked.CompareExchange(ref s_firstRequest, context.AwsRequestId, null);
                return input;
            }
        }
        """);

    // ---- Not reported: caches ----------------------------------------------------------------------------------

    [Fact]
    public Task ConcurrentDictionaryGetOrAdd_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public sealed record CopyRequest(string Region, string Bucket);

        public class Function
        {
            private static readonly ConcurrentDictionary<string, IAmazonS3> s_clients = new();

            public string Handle(CopyRequest request, ILambdaContext context)
            {
                var s3 = s_clients.GetOrAdd(request.Region, region => new AmazonS3Client(RegionEndpoint.GetBySystemName(region)));
                return s3.Config.RegionEndpoint?.SystemName ?? request.Bucket;
            }
        }
        """);

    [Fact]
    public Task CacheAsideAfterTryGetValue_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public sealed record CopyRequest(string Region, string Bucket);

        public class Function
        {
            private readonly Dictionary<string, IAmazonS3> _clients = new();

            public string Handle(CopyRequest request, ILambdaContext context)
            {
                if (!_clients.TryGetValue(request.Region, out var s3))
                {
                    s3 = new AmazonS3Client(RegionEndpoint.GetBySystemName(request.Region));
                    _clients[request.Region] = s3;
                }

                return request.Bucket;
            }
        }
        """);

    [Fact]
    public Task CacheAsideAfterContainsKey_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly Dictionary<string, string> s_names = new();
            private static readonly ConcurrentDictionary<string, int> s_sizes = new();

            public string Handle(string key, ILambdaContext context)
            {
                if (!s_names.ContainsKey(key))
                {
                    s_names.Add(key, key.ToUpperInvariant());
                }

                if (!s_sizes.ContainsKey(key))
                {
                    s_sizes.TryAdd(key, key.Length);
                }

                return s_names[key];
            }
        }
        """);

    [Fact]
    public Task CacheAsideAfterIndexerRead_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly Dictionary<string, int> _lengths = new();

            public int Handle(string key, ILambdaContext context)
            {
                try
                {
                    return _lengths[key];
                }
                catch (KeyNotFoundException)
                {
                    _lengths[key] = key.Length;
                    return key.Length;
                }
            }
        }
        """);

    [Fact]
    public Task CacheAsideWithADifferentKey_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public sealed record Lookup(string Key, string Other);

        public class Function
        {
            private readonly Dictionary<string, int> _lengths = new();

            public int Handle(Lookup lookup, ILambdaContext context)
            {
                if (!_lengths.TryGetValue(lookup.Key, out var length))
                {
                    {|#0:_lengths|}[lookup.Other] = lookup.Other.Length;
                }

                return length;
            }
        }
        """, Kept(0, "_lengths"));

    [Fact]
    public Task OneSlotCacheRefreshedWhenItsKeyChanges_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public sealed record RateTable(string Base, Dictionary<string, decimal> Rates);

        public class Function
        {
            private static Task<RateTable>? s_lastRates;
            private RateTable? _table;

            public async Task<decimal> Handle(string currency, ILambdaContext context)
            {
                var cached = s_lastRates;
                var table = cached is { IsCompletedSuccessfully: true } && cached.Result.Base == currency
                    ? cached.Result
                    : await (s_lastRates = FetchAsync(currency));

                if (_table is null || _table.Base != currency)
                {
                    _table = table;
                }

                return _table.Rates.Count;
            }

            private static Task<RateTable> FetchAsync(string currency) => Task.FromResult(new RateTable(currency, new()));
        }
        """);

    [Fact]
    public async Task MemoryCache_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Microsoft.Extensions.Caching.Memory;

                public class Function
                {
                    private static readonly IMemoryCache s_cache = new MemoryCache();

                    public string Handle(string key, ILambdaContext context)
                    {
                        s_cache.Set(key, key.ToUpperInvariant());
                        return key;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("Microsoft.Extensions.Caching.Abstractions", """
            namespace Microsoft.Extensions.Caching.Memory;
            public interface IMemoryCache
            {
                bool TryGetValue(object key, out object? value);
                void Remove(object key);
            }
            public sealed class MemoryCache : IMemoryCache
            {
                public bool TryGetValue(object key, out object? value) { value = null; return false; }
                public void Remove(object key) { }
            }
            public static class CacheExtensions
            {
                public static TItem Set<TItem>(this IMemoryCache cache, object key, TItem value) => value;
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task InterlockedUpdates_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static long s_bytes;
            private static string? s_last;

            public string Handle(string input, ILambdaContext context)
            {
                Interlocked.Add(ref s_bytes, input.Length);
                Interlocked.Exchange(ref s_last, input);
                return input;
            }
        }
        """);

    // ---- Not reported: state that does not outlive the invocation --------------------------------------------

    [Fact]
    public Task FieldsOfPerInvocationHelperClass_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => new RequestProcessor(context).Process(input);
        }

        // Created per invocation: no public parameterless constructor.
        public sealed class RequestProcessor(ILambdaContext context)
        {
            private readonly List<string> _lines = new();
            private string? _user;

            public string Process(string input)
            {
                Log(input, context);
                return _user ?? "";
            }

            private void Log(string line, ILambdaContext lambdaContext)
            {
                _user = line;
                _lines.Add(line);
                lambdaContext.Logger.LogLine(line);
            }
        }
        """);

    [Fact]
    public Task ThreadStaticField_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;

        public class Function
        {
            [ThreadStatic]
            private static string? t_requestId;

            public string Handle(string input, ILambdaContext context)
            {
                t_requestId = context.AwsRequestId;
                return input;
            }
        }
        """);

    [Fact]
    public Task AsyncLocalValue_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly AsyncLocal<string?> s_requestId = new();
            private readonly ThreadLocal<string?> _user = new();

            public string Handle(string input, ILambdaContext context)
            {
                s_requestId.Value = context.AwsRequestId;
                _user.Value = input;
                return input;
            }
        }
        """);

    [Fact]
    public Task WritesToTheEventObject_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        public class Function
        {
            public APIGatewayProxyRequest Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                request.Body = request.Body?.Trim();
                request.Headers ??= new Dictionary<string, string>();
                request.Headers["x-request-id"] = context.AwsRequestId;
                return request;
            }
        }
        """);

    [Fact]
    public Task WritesToObjectsCreatedInTheInvocation_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        public sealed class Summary
        {
            public string? User { get; set; }
            public List<string> Items { get; } = new();
        }

        public class Function
        {
            public Summary Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                var summary = new Summary { User = request.PathParameters["user"] };
                summary.User = request.Body;
                summary.Items.Add(context.AwsRequestId);
                var seen = new HashSet<string>();
                seen.Add(request.Path);
                return summary;
            }
        }
        """);

    [Fact]
    public Task SnapshotRestoreCallbackRegisteredAtInit_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static string? s_instanceId;

            public Function()
            {
                SnapshotRestore.RegisterAfterRestore(() =>
                {
                    s_instanceId = Guid.NewGuid().ToString();
                    return ValueTask.CompletedTask;
                });
            }

            public string Handle(string input, ILambdaContext context)
            {
                SnapshotRestore.RegisterAfterRestore(() =>
                {
                    s_instanceId = input;
                    return ValueTask.CompletedTask;
                });
                return input + s_instanceId;
            }
        }
        """);

    [Fact]
    public Task CodeOutsideHandlers_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly List<string> s_log = new();
            private string? _last;

            public string Handle(string input, ILambdaContext context) => input;

            public void Remember(string value)
            {
                _last = value;
                s_log.Add(value);
            }
        }
        """);

    [Fact]
    public Task StaticsOfReferencedAssemblies_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                AWSConfigs.AWSRegion = input;
                return input;
            }
        }
        """);

    [Fact]
    public Task ImmutableCollectionAdd_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Immutable;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly ImmutableList<string> s_defaults = ImmutableList.Create("a");

            public int Handle(string input, ILambdaContext context) => s_defaults.Add(input).Count;
        }
        """);

    [Fact]
    public Task CapturedTopLevelLocal_IsNotAMember_DoesNotReport() => Verify.VerifyProgramAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var warm = false;
        var handler = (string input, ILambdaContext context) =>
        {
            var result = warm ? "warm" : "cold";
            warm = true;
            return result;
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """);

    // ---- Not a Lambda project, generated code -------------------------------------------------------------------

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.Collections.Generic;

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public class Function
            {
                private static readonly List<string> s_processed = new();
                private string? _lastUser;

                public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
                {
                    _lastUser = input;
                    s_processed.Add(input);
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
                    using System.Collections.Generic;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        private static readonly List<string> s_processed = new();
                        private string? _lastUser;

                        public void Handle(string input, ILambdaContext context)
                        {
                            _lastUser = input;
                            s_processed.Add(input);
                        }
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Option ------------------------------------------------------------------------------------------------

    private const string IntentionalSource = """
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        namespace Billing
        {
            public sealed class Stats
            {
                public string? LastSku { get; set; }
            }

            public class Function
            {
                private static readonly List<string> s_audit = new();
                private string? _lastUser;
                private readonly Stats _stats = new();
                private string? _lastRegion;

                public void Handle(string input, ILambdaContext context)
                {
                    {|#0:_lastUser|} = input;
                    {|#1:s_audit|}.Add(input);
                    {|#2:_stats.LastSku|} = input;
                    {|#3:_lastRegion|} = input;
                }
            }
        }
        """;

    [Fact]
    public Task WithoutOption_EveryWriteReports() => Verify.VerifyAnalyzerAsync(
        IntentionalSource,
        Kept(0, "_lastUser"), KeptStatic(1, "s_audit"), Kept(2, "_stats.LastSku"), Kept(3, "_lastRegion"));

    [Fact]
    public Task IntentionalMembersOption_SilencesListedFields() => new Verify.Test
    {
        TestCode = IntentionalSource,
        EditorConfig = "lambda_analyzers.LMB0005.intentional_members = F:Billing.Function._lastUser | F:Billing.Function.s_audit|F:Billing.Nope",
        ExpectedDiagnostics = { Kept(2, "_stats.LastSku"), Kept(3, "_lastRegion") },
    }.RunAsync();

    [Fact]
    public Task IntentionalMembersOption_ListedTypeSilencesWritesToItsMembers() => new Verify.Test
    {
        TestCode = IntentionalSource,
        EditorConfig = "lambda_analyzers.LMB0005.intentional_members = T:Billing.Stats",
        ExpectedDiagnostics = { Kept(0, "_lastUser"), KeptStatic(1, "s_audit"), Kept(3, "_lastRegion") },
    }.RunAsync();

    [Fact]
    public Task IntentionalMembersOption_ListedPropertyAndHolderField() => new Verify.Test
    {
        TestCode = IntentionalSource.Replace("private string? _lastRegion;", "private string? _lastRegion;\n                private readonly Stats _other = new();")
            .Replace("{|#3:_lastRegion|} = input;", "{|#3:_lastRegion|} = input;\n                    _other.LastSku = input;"),
        EditorConfig = "lambda_analyzers.LMB0005.intentional_members = P:Billing.Stats.LastSku|F:Billing.Function._lastRegion",
        ExpectedDiagnostics = { Kept(0, "_lastUser"), KeptStatic(1, "s_audit") },
    }.RunAsync();

    [Fact]
    public Task IntentionalMembersOption_OnlyWhereTheSectionApplies() => new Verify.Test
    {
        TestState =
        {
            Sources = { ("/src/Function.cs", IntentionalSource) },
            AnalyzerConfigFiles =
            {
                ("/.editorconfig", "root = true\n\n[/other/*.cs]\nlambda_analyzers.LMB0005.intentional_members = T:Billing.Function|T:Billing.Stats\n"),
            },
        },
        ExpectedDiagnostics = { Kept(0, "_lastUser"), KeptStatic(1, "s_audit"), Kept(2, "_stats.LastSku"), Kept(3, "_lastRegion") },
    }.RunAsync();

    // ---- Half-typed code ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("_lastUser = ")]
    [InlineData("_lastUser = input.")]
    [InlineData("s_processed.Add(")]
    [InlineData("s_processed.Add(input")]
    [InlineData("s_missing.Add(input);")]
    [InlineData("_missing = input;")]
    [InlineData("_state.Missing = input;")]
    [InlineData("s_map[input] = ")]
    [InlineData("s_map[] = input;")]
    [InlineData("(_lastUser, _missing) = (input, ")]
    [InlineData("int.TryParse(input, out _count")]
    [InlineData("Unknown(ref _lastUser, input);")]
    [InlineData("if (!s_map.TryGetValue(input, out var v)) { s_map[input] = ")]
    [InlineData("s_processed.AddRange(input.Split(")]
    [InlineData("this. = input;")]
    public async Task HalfTypedWrites_NoException(string statement)
    {
        var source = $$"""
            using System.Collections.Generic;
            using Amazon.Lambda.Core;

            public sealed class State
            {
                public string? User { get; set; }
            }

            public class Function
            {
                private static readonly List<string> s_processed = new();
                private static readonly Dictionary<string, string> s_map = new();
                private readonly State _state = new();
                private string? _lastUser;
                private int _count;

                public string Handle(string input, ILambdaContext context)
                {
                    {{statement}}
                    return input;
                }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("HalfTyped.cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, [new InvocationDataKeptAnalyzer()]);

        Assert.Empty(result.Crashes);
    }

    private static async Task<Diagnostic> RunSingleAsync(string markup)
    {
        var source = markup.Replace("{|#0:", "").Replace("|}", "");
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)]);
        var result = await AnalyzerRunner.RunAsync(compilation, [new InvocationDataKeptAnalyzer()]);
        Assert.Empty(result.Crashes);
        return Assert.Single(result.Diagnostics);
    }
}
