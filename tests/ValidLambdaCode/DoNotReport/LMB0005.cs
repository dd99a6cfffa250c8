// LMB0005 (do not keep invocation data in long-lived state): correct code the rule must not report, one shape per
// class. Each case carries a "Case:" comment. IMemoryCache is not referenced by these compilations; its case is in the
// rule's unit tests.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0005
{
    public sealed record CopyRequest(string Region, string Bucket, string Key);

    public sealed record Order(string OrderId, string CustomerId, decimal Amount, string Currency);

    public sealed record RateTable(string Base, IReadOnlyDictionary<string, decimal> Rates);

    internal static class Deadline
    {
        public static CancellationTokenSource From(ILambdaContext context)
        {
            var budget = context.RemainingTime - TimeSpan.FromSeconds(1);
            return new CancellationTokenSource(budget > TimeSpan.FromMilliseconds(200) ? budget : TimeSpan.FromMilliseconds(200));
        }
    }

    // Case: writes in init code: field initializers, a static constructor and the constructor of the handler class.
    public class SettingsFunction
    {
        private static readonly List<string> s_allowedOrigins = new();
        private static readonly string? s_stage;
        private readonly string _table = Environment.GetEnvironmentVariable("TABLE") ?? "Orders";
        private readonly Dictionary<string, string> _headers = new();

        static SettingsFunction()
        {
            s_stage = Environment.GetEnvironmentVariable("STAGE");
            s_allowedOrigins.AddRange((Environment.GetEnvironmentVariable("ALLOWED_ORIGINS") ?? "").Split(','));
        }

        public SettingsFunction()
        {
            _headers["Content-Type"] = "application/json";
            _headers["X-Stage"] = s_stage ?? "dev";
        }

        public APIGatewayProxyResponse FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
        {
            var origin = request.Headers?.TryGetValue("origin", out var value) == true ? value : "";
            return new APIGatewayProxyResponse
            {
                StatusCode = s_allowedOrigins.Contains(origin) ? 200 : 403,
                Headers = new Dictionary<string, string>(_headers),
                Body = JsonSerializer.Serialize(new { table = _table }),
            };
        }
    }

    // Case: a cold-start flag set to false, counters (++, --, += of a constant), a constant, and values that do not
    // come from the invocation (the time of the last run, an environment variable).
    public class MetricsFunction
    {
        private static bool s_coldStart = true;
        private static long s_invocations;
        private int _inFlight;
        private DateTime _lastRun = DateTime.MinValue;
        private string _state = "idle";
        private string? _region;

        public string FunctionHandler(string input, ILambdaContext context)
        {
            var coldStart = s_coldStart;
            s_coldStart = false;
            s_invocations += 1;
            _inFlight++;
            try
            {
                _state = "busy";
                var sinceLast = DateTime.UtcNow - _lastRun;
                _lastRun = DateTime.UtcNow;
                _region = Environment.GetEnvironmentVariable("AWS_REGION");
                context.Logger.LogInformation("cold={Cold} invocations={Count} sinceLast={Since} region={Region}", coldStart, s_invocations, sinceLast, _region);
                return input.ToUpperInvariant();
            }
            finally
            {
                _inFlight--;
                _state = "idle";
            }
        }

        public string State => _state;
    }

    // Case: one-time initialization from the first invocation: ??=, a null guard, an "initialized" flag.
    public class FunctionInfoFunction
    {
        private static string? s_functionArn;
        private string? _version;
        private string? _logGroup;
        private bool _initialized;

        public string FunctionHandler(string input, ILambdaContext context)
        {
            s_functionArn ??= context.InvokedFunctionArn;
            if (_version is null)
            {
                _version = context.FunctionVersion;
            }

            if (!_initialized)
            {
                _logGroup = context.LogGroupName;
                _initialized = true;
            }

            return $"{s_functionArn}:{_version}:{_logGroup}:{input}";
        }
    }

    // Case: Lazy<T>, LazyInitializer.EnsureInitialized and Interlocked.CompareExchange, with factories that read the
    // first invocation's context.
    public class LazyConfigFunction
    {
        private static Lazy<Dictionary<string, string>>? s_config;
        private static List<string>? s_tags;
        private static string? s_firstRequestId;

        public string FunctionHandler(string input, ILambdaContext context)
        {
            s_config ??= new Lazy<Dictionary<string, string>>(() => new Dictionary<string, string> { ["function"] = context.FunctionName });
            var tags = LazyInitializer.EnsureInitialized(ref s_tags, () => new List<string> { context.FunctionVersion });
            Interlocked.CompareExchange(ref s_firstRequestId, context.AwsRequestId, null);
            return s_config.Value["function"] + tags.Count + s_firstRequestId + input;
        }
    }

    // Case: a per-region client cache through ConcurrentDictionary.GetOrAdd.
    public class RegionalCopyFunction
    {
        private static readonly ConcurrentDictionary<string, IAmazonS3> s_clients = new();

        public async Task<string> FunctionHandler(CopyRequest request, ILambdaContext context)
        {
            using var deadline = Deadline.From(context);
            var s3 = s_clients.GetOrAdd(request.Region, region => new AmazonS3Client(RegionEndpoint.GetBySystemName(region)));
            var metadata = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = request.Bucket, Key = request.Key }, deadline.Token);
            return metadata.ETag;
        }
    }

    // Case: the cache-aside shape: TryGetValue, then a write of the same key into the same dictionary.
    public class RegionalTableFunction
    {
        private readonly Dictionary<string, IAmazonDynamoDB> _clients = new();
        private readonly object _gate = new();

        public async Task<int> FunctionHandler(CopyRequest request, ILambdaContext context)
        {
            using var deadline = Deadline.From(context);
            IAmazonDynamoDB? dynamo;
            lock (_gate)
            {
                if (!_clients.TryGetValue(request.Region, out dynamo))
                {
                    dynamo = new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(request.Region));
                    _clients[request.Region] = dynamo;
                }
            }

            var table = await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = request.Bucket }, deadline.Token);
            return (int)(table.Table.ItemCount ?? 0);
        }
    }

    // Case: ContainsKey before Add, and an indexer read before TryAdd, on the same key.
    public class CurrencyNameFunction
    {
        private static readonly Dictionary<string, string> s_names = new();
        private static readonly ConcurrentDictionary<string, int> s_digits = new();

        public string FunctionHandler(Order order, ILambdaContext context)
        {
            lock (s_names)
            {
                if (!s_names.ContainsKey(order.Currency))
                {
                    s_names.Add(order.Currency, order.Currency.ToUpperInvariant());
                }
            }

            var digits = s_digits.GetValueOrDefault(order.Currency);
            if (digits == 0)
            {
                s_digits.TryAdd(order.Currency, order.Currency == "JPY" ? 0 : 2);
            }

            return s_names[order.Currency];
        }
    }

    // Case: a one-slot cache, refreshed when the key the invocation asks for differs from the cached one.
    public class RatesFunction
    {
        private static Task<RateTable>? s_lastRates;

        public async Task<decimal> FunctionHandler(Order order, ILambdaContext context)
        {
            var cached = s_lastRates;
            var table = cached is { IsCompletedSuccessfully: true } && (await cached).Base == order.Currency
                ? await cached
                : await (s_lastRates = LoadRatesAsync(order.Currency));
            return table.Rates.TryGetValue("EUR", out var rate) ? order.Amount * rate : order.Amount;
        }

        private static Task<RateTable> LoadRatesAsync(string currency) =>
            Task.FromResult(new RateTable(currency, new Dictionary<string, decimal> { ["EUR"] = 1m }));
    }

    // Case: Interlocked.* on statics, with values from the invocation (a running byte count, the latest request id).
    public class ThroughputFunction
    {
        private static long s_bytes;
        private static string? s_latestRequestId;

        public int FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
        {
            foreach (var record in sqsEvent.Records)
            {
                Interlocked.Add(ref s_bytes, record.Body.Length);
            }

            Interlocked.Exchange(ref s_latestRequestId, context.AwsRequestId);
            return sqsEvent.Records.Count;
        }
    }

    // Case: a per-invocation helper class (no public parameterless constructor) that keeps the request in its fields.
    public class ReportFunction
    {
        public string FunctionHandler(Order order, ILambdaContext context) => new ReportBuilder(context).Build(order);
    }

    public sealed class ReportBuilder(ILambdaContext context)
    {
        private readonly List<string> _lines = new();
        private string? _customerId;

        public string Build(Order order) => Render(order, context);

        private string Render(Order order, ILambdaContext lambdaContext)
        {
            _customerId = order.CustomerId;
            _lines.Add($"{order.OrderId}: {order.Amount} {order.Currency}");
            lambdaContext.Logger.LogInformation("Report for {CustomerId}", _customerId);
            return string.Join('\n', _lines);
        }
    }

    // Case: [ThreadStatic] and AsyncLocal<T>: each thread or async flow has its own value.
    public class CorrelationFunction
    {
        [ThreadStatic]
        private static string? t_requestId;

        private static readonly AsyncLocal<string?> s_correlationId = new();

        public string FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
        {
            t_requestId = context.AwsRequestId;
            s_correlationId.Value = request.Headers?.TryGetValue("x-correlation-id", out var id) == true ? id : context.AwsRequestId;
            return $"{t_requestId}/{s_correlationId.Value}";
        }
    }

    // Case: writes to the event object and to objects created during the invocation.
    public class EnrichFunction
    {
        public APIGatewayProxyResponse FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
        {
            request.Body = request.Body?.Trim();
            request.Headers ??= new Dictionary<string, string>();
            request.Headers["x-request-id"] = context.AwsRequestId;

            var response = new APIGatewayProxyResponse { StatusCode = 200, Headers = new Dictionary<string, string>() };
            response.Headers["x-request-id"] = context.AwsRequestId;
            response.Body = request.Body;
            var seen = new HashSet<string>();
            seen.Add(request.Path);
            return response;
        }
    }

    // Case: a SnapStart callback registered at init that writes a static after the snapshot is restored.
    public class SnapStartFunction
    {
        private static string s_instanceId = "";

        public SnapStartFunction()
        {
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                s_instanceId = Guid.NewGuid().ToString("N");
                return ValueTask.CompletedTask;
            });
        }

        public string FunctionHandler(string input, ILambdaContext context) => s_instanceId + ":" + input;
    }

    // Case: code outside handlers (no ILambdaContext, not registered with a bootstrap), and an immutable collection
    // whose Add returns a new list.
    public class HistoryFunction
    {
        private static readonly ImmutableList<string> s_defaults = ImmutableList.Create("created", "updated");
        private readonly List<string> _history = new();
        private string? _last;

        public int FunctionHandler(string input, ILambdaContext context) => s_defaults.Add(input).Count;

        public void Remember(string value)
        {
            _last = value;
            _history.Add(value);
        }

        public string? Last => _last;
    }
}
