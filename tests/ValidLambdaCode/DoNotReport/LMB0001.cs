// LMB0001 (create clients once per execution environment): correct code the rule must not report, one shape per
// class. Each case carries a "Case:" comment. The top-level program cases are in LMB0001.TopLevel.cs, the Main ones
// in LMB0001.Main.cs.
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Amazon.SQS;
using Amazon.SQS.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0001
{
    public sealed record ExportRequest(string TenantId, string Region, string Bucket, string Prefix);

    public sealed record TenantCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken);

    public sealed record CrossAccountCopy(string TenantId, TenantCredentials Credentials, string Region, string SourceBucket, string Key, string? Endpoint);

    public sealed record ReportRow(string Name, decimal Amount);

    [DynamoDBTable("Customers")]
    public sealed class Customer
    {
        [DynamoDBHashKey]
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Email { get; set; } = "";
    }

    // Case: clients created in the public parameterless constructor, plus the blueprint's constructor for unit tests.
    public class ThumbnailFunction
    {
        private readonly IAmazonS3 _s3;
        private readonly IAmazonDynamoDB _dynamo;

        public ThumbnailFunction()
        {
            _s3 = new AmazonS3Client();
            _dynamo = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);
        }

        public ThumbnailFunction(IAmazonS3 s3, IAmazonDynamoDB dynamo)
        {
            _s3 = s3;
            _dynamo = dynamo;
        }

        public async Task<int> FunctionHandler(S3Event evnt, ILambdaContext context)
        {
            var count = 0;
            foreach (var record in evnt.Records ?? [])
            {
                var metadata = await _s3.GetObjectMetadataAsync(record.S3.Bucket.Name, record.S3.Object.Key);
                await _dynamo.PutItemAsync("Thumbnails", new Dictionary<string, AttributeValue>
                {
                    ["Key"] = new() { S = record.S3.Object.Key },
                    ["ETag"] = new() { S = metadata.ETag },
                });
                count++;
            }

            context.Logger.LogInformation("Recorded {Count} thumbnails", count);
            return count;
        }
    }

    // Case: a primary constructor, and a parameterless constructor that chains to it with new clients.
    public class AuditFunction(IAmazonSQS sqs, string queueUrl)
    {
        public AuditFunction()
            : this(new AmazonSQSClient(), Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL") ?? "")
        {
        }

        public Task FunctionHandler(SQSEvent evnt, ILambdaContext context) =>
            Task.WhenAll((evnt.Records ?? []).Select(m => sqs.SendMessageAsync(queueUrl, m.Body)));
    }

    // Case: static readonly fields (an AWS client, a DynamoDBContext built from it, an HttpClient over a handler).
    public static class CustomerLookup
    {
        private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
        private static readonly IDynamoDBContext s_db = new DynamoDBContextBuilder().WithDynamoDBClient(() => s_dynamo).Build();
        private static readonly HttpClient s_geo = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri("https://geo.example.com/"),
        };

        public static async Task<Customer?> Handle(string customerId, ILambdaContext context)
        {
            var customer = await s_db.LoadAsync<Customer>(customerId);
            if (customer is null)
            {
                context.Logger.LogInformation("No customer {Id}", customerId);
                return null;
            }

            var country = await s_geo.GetStringAsync($"email-country/{Uri.EscapeDataString(customer.Email)}");
            context.Logger.LogDebug("Customer {Id} is in {Country}", customerId, country);
            return customer;
        }
    }

    // Case: instance field and auto-property initializers.
    public class InvoiceMailer
    {
        private readonly IAmazonSQS _sqs = new AmazonSQSClient();
        private readonly string _queueUrl = Environment.GetEnvironmentVariable("MAIL_QUEUE_URL") ?? "";

        public IAmazonS3 Attachments { get; } = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 });

        public async Task FunctionHandler(S3Event evnt, ILambdaContext context)
        {
            foreach (var record in evnt.Records ?? [])
            {
                var url = await Attachments.GetPreSignedURLAsync(new GetPreSignedUrlRequest
                {
                    BucketName = record.S3.Bucket.Name,
                    Key = record.S3.Object.Key,
                    Expires = DateTime.UtcNow.AddDays(7),
                });
                await _sqs.SendMessageAsync(_queueUrl, url);
            }
        }
    }

    // Case: a static constructor, and a non-handler method (no ILambdaContext, not registered) that creates a client.
    public class ArchiveFunction
    {
        private static readonly IAmazonS3 s_primary;
        private static readonly IAmazonS3 s_archive;

        static ArchiveFunction()
        {
            s_primary = new AmazonS3Client();
            s_archive = CreateArchiveClient(Environment.GetEnvironmentVariable("ARCHIVE_REGION"));
        }

        // Case: a method that is not a handler; only the static constructor calls it.
        private static AmazonS3Client CreateArchiveClient(string? region) =>
            region is { Length: > 0 } ? new AmazonS3Client(RegionEndpoint.GetBySystemName(region)) : new AmazonS3Client();

        public async Task FunctionHandler(S3Event evnt, ILambdaContext context)
        {
            foreach (var record in evnt.Records ?? [])
            {
                await s_archive.CopyObjectAsync(new CopyObjectRequest
                {
                    SourceBucket = record.S3.Bucket.Name,
                    SourceKey = record.S3.Object.Key,
                    DestinationBucket = "archive-" + record.S3.Bucket.Name,
                    DestinationKey = record.S3.Object.Key,
                });
                await s_primary.DeleteObjectAsync(record.S3.Bucket.Name, record.S3.Object.Key);
            }
        }
    }

    // Case: ??= on a static field and on an instance field, created on the first invocation only.
    public class ProfileFunction
    {
        private static IAmazonDynamoDB? s_dynamo;
        private IDynamoDBContext? _db;

        public async Task<string> FunctionHandler(string userId, ILambdaContext context)
        {
            s_dynamo ??= new AmazonDynamoDBClient();
            _db ??= new DynamoDBContextBuilder().WithDynamoDBClient(() => s_dynamo).Build();

            var customer = await _db.LoadAsync<Customer>(userId);
            return customer?.Name ?? "unknown";
        }
    }

    // Case: if (_f is null) _f = new ...; and the == null form without braces.
    public class QueueForwarder
    {
        private IAmazonSQS? _sqs;
        private static HttpClient? s_http;

        public async Task FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            if (_sqs is null)
            {
                context.Logger.LogInformation("First invocation: creating the SQS client");
                _sqs = new AmazonSQSClient();
            }

            if (s_http == null) s_http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };

            foreach (var message in evnt.Records ?? [])
            {
                await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/forwarded", MessageBody = message.Body });
                using var ping = await s_http.GetAsync("https://status.example.com/ping");
            }
        }
    }

    // Case: a double-checked lock around the creation.
    public class LockedInitFunction
    {
        private static readonly object s_gate = new();
        private static volatile IAmazonDynamoDB? s_dynamo;

        public async Task<int> FunctionHandler(string table, ILambdaContext context)
        {
            if (s_dynamo is null)
            {
                lock (s_gate)
                {
                    if (s_dynamo is null)
                    {
                        s_dynamo = new AmazonDynamoDBClient();
                    }
                }
            }

            var description = await s_dynamo.DescribeTableAsync(table);
            return (int)(description.Table.ItemCount ?? 0);
        }
    }

    // Case: the early-return null check, in a helper that takes the ILambdaContext (so it counts as handler code).
    public class EarlyReturnFunction
    {
        private IAmazonS3? _s3;

        public async Task<long> FunctionHandler(S3Event evnt, ILambdaContext context)
        {
            var s3 = GetClient(context);
            var sizes = await Task.WhenAll((evnt.Records ?? []).Select(async r =>
                (await s3.GetObjectMetadataAsync(r.S3.Bucket.Name, r.S3.Object.Key)).ContentLength));
            return sizes.Sum();
        }

        private IAmazonS3 GetClient(ILambdaContext context)
        {
            if (_s3 is not null)
            {
                return _s3;
            }

            context.Logger.LogDebug("Creating the S3 client");
            _s3 = new AmazonS3Client();
            return _s3;
        }
    }

    // Case: Lazy<T> in a static field, and the GetOrAdd + Lazy<T> per-region cache inside the handler.
    public class ReplicationFunction
    {
        private static readonly Lazy<IAmazonS3> s_home = new(() => new AmazonS3Client(), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly ConcurrentDictionary<string, Lazy<IAmazonS3>> s_regional = new(StringComparer.Ordinal);

        public async Task FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            var target = s_regional.GetOrAdd(request.Region, region => new Lazy<IAmazonS3>(() => new AmazonS3Client(RegionEndpoint.GetBySystemName(region)))).Value;
            var listing = await s_home.Value.ListObjectsV2Async(new ListObjectsV2Request { BucketName = request.Bucket, Prefix = request.Prefix });
            foreach (var item in listing.S3Objects ?? [])
            {
                using var source = await s_home.Value.GetObjectAsync(request.Bucket, item.Key);
                await target.PutObjectAsync(new PutObjectRequest { BucketName = $"{request.Bucket}-{request.Region}", Key = item.Key, InputStream = source.ResponseStream });
            }
        }
    }

    // Case: LazyInitializer.EnsureInitialized with a factory.
    public class EnsureInitializedFunction
    {
        private static IAmazonSQS? s_sqs;

        public async Task<string> FunctionHandler(string body, ILambdaContext context)
        {
            var sqs = LazyInitializer.EnsureInitialized(ref s_sqs, () => new AmazonSQSClient());
            var response = await sqs.SendMessageAsync("https://sqs.us-east-1.amazonaws.com/123456789012/inbox", body);
            return response.MessageId;
        }
    }

    // Case: Interlocked.CompareExchange publishes the first client; a racing invocation's spare one is dropped.
    public class CompareExchangeFunction
    {
        private static IAmazonS3? s_s3;

        public async Task<bool> FunctionHandler(string key, ILambdaContext context)
        {
            if (Volatile.Read(ref s_s3) is null)
            {
                Interlocked.CompareExchange(ref s_s3, new AmazonS3Client(), null);
            }

            try
            {
                await s_s3!.GetObjectMetadataAsync("uploads", key);
                return true;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return false;
            }
        }
    }

    // Case: per-request credentials (the tenant's keys from the event), directly and through locals, and a config
    // built from the event. These clients cannot be shared: each belongs to one caller.
    public class CrossAccountCopyFunction
    {
        private static readonly IAmazonS3 s_own = new AmazonS3Client();

        public async Task FunctionHandler(CrossAccountCopy request, ILambdaContext context)
        {
            // Directly from the request.
            using var probe = new AmazonS3Client(new BasicAWSCredentials(request.Credentials.AccessKeyId, request.Credentials.SecretAccessKey));
            await probe.GetBucketLocationAsync(request.SourceBucket);

            // Through locals: credentials and a config built from the event.
            AWSCredentials credentials = request.Credentials.SessionToken is { } token
                ? new SessionAWSCredentials(request.Credentials.AccessKeyId, request.Credentials.SecretAccessKey, token)
                : new BasicAWSCredentials(request.Credentials.AccessKeyId, request.Credentials.SecretAccessKey);
            var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(request.Region) };
            if (request.Endpoint is { } endpoint)
            {
                config.ServiceURL = endpoint;
                config.ForcePathStyle = true;
            }

            using var tenantS3 = new AmazonS3Client(credentials, config);
            using var source = await tenantS3.GetObjectAsync(request.SourceBucket, request.Key);
            await s_own.PutObjectAsync(new PutObjectRequest
            {
                BucketName = "imports",
                Key = $"{request.TenantId}/{request.Key}",
                InputStream = source.ResponseStream,
            });
            context.Logger.LogInformation("Copied {Key} for tenant {Tenant}", request.Key, request.TenantId);
        }
    }

    // Case: a per-tenant client cache: ConcurrentDictionary.GetOrAdd creates each tenant's client once.
    public class TenantReportsFunction
    {
        private static readonly ConcurrentDictionary<string, IAmazonDynamoDB> s_clients = new();

        public async Task<int> FunctionHandler(ExportRequest request, ILambdaContext context)
        {
            var dynamo = s_clients.GetOrAdd(request.Region, region => new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region)));
            var tenantDb = s_clients.GetOrAdd(
                $"{request.TenantId}@{request.Region}",
                static (key, r) => new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(r.Region), ServiceURL = $"https://{key.Split('@')[0]}.ddb.example.com" }),
                request);
            var reports = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = "Reports",
                KeyConditionExpression = "TenantId = :t",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":t"] = new() { S = request.TenantId } },
            });
            await tenantDb.DescribeTableAsync("Reports");
            return reports.Count ?? 0;
        }
    }

    // Case: new HttpClient(s_handler, disposeHandler: false) per invocation, over a handler kept in a static field.
    public class PartnerApiFunction
    {
        private static readonly SocketsHttpHandler s_handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        private readonly HttpMessageHandler _instanceHandler = new HttpClientHandler();

        public async Task<string> FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
        {
            // Per invocation default headers, shared connections.
            using var http = new HttpClient(s_handler, disposeHandler: false);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", request.Headers?["Authorization"]);
            http.DefaultRequestHeaders.Add("X-Correlation-Id", context.AwsRequestId);

            using var legacy = new HttpClient(_instanceHandler, false);
            var status = await legacy.GetStringAsync("https://legacy.example.com/status");
            return await http.GetStringAsync($"https://partner.example.com/orders?status={Uri.EscapeDataString(status)}");
        }
    }

    // Case: new TransferUtility(existingClient) only wraps the shared client.
    public class UploadFunction
    {
        private readonly IAmazonS3 _s3 = new AmazonS3Client();

        public async Task FunctionHandler(ReportRow[] rows, ILambdaContext context)
        {
            var path = Path.Combine(Path.GetTempPath(), $"{context.AwsRequestId}.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(rows));
            try
            {
                using var transfer = new TransferUtility(_s3);
                await transfer.UploadAsync(path, "reports", $"daily/{DateTime.UtcNow:yyyy-MM-dd}.json");

                using var parallel = new TransferUtility(_s3, new TransferUtilityConfig { ConcurrentServiceRequests = 4 });
                await parallel.UploadAsync(path, "reports-backup", $"daily/{DateTime.UtcNow:yyyy-MM-dd}.json");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    // Case: a constructor that takes an ILambdaContext is not a handler; ??= creates its instance once.
    public sealed class MetricsPublisher
    {
        private readonly IAmazonSQS _sqs;
        private readonly string _source;

        public MetricsPublisher(ILambdaContext firstContext)
        {
            _sqs = new AmazonSQSClient();
            _source = firstContext.FunctionName;
        }

        public Task PublishAsync(string metric, double value) =>
            _sqs.SendMessageAsync("https://sqs.us-east-1.amazonaws.com/123456789012/metrics", $"{_source} {metric}={value}");
    }

    public class MeteredFunction
    {
        private MetricsPublisher? _metrics;

        public async Task<string> FunctionHandler(string input, ILambdaContext context)
        {
            _metrics ??= new MetricsPublisher(context);
            await _metrics.PublishAsync("input_length", input.Length);
            return input.ToUpperInvariant();
        }
    }

    // Case: an Annotations function whose clients come from the class's constructor.
    public class AnnotatedFunctions
    {
        private readonly IAmazonDynamoDB _dynamo;

        public AnnotatedFunctions() => _dynamo = new AmazonDynamoDBClient();

        [LambdaFunction]
        [HttpApi(LambdaHttpMethod.Get, "/tables/{name}")]
        public async Task<IHttpResult> DescribeTable(string name)
        {
            var response = await _dynamo.DescribeTableAsync(name);
            return HttpResults.Ok(new { response.Table.TableName, response.Table.ItemCount });
        }
    }

    // Case: a look-alike from user code: a type with a library's name (StackExchange.Redis below) is not the library.
    public class SessionFunction
    {
        public string FunctionHandler(string sessionId, ILambdaContext context)
        {
            var cache = StackExchange.Redis.ConnectionMultiplexer.Connect("in-memory");
            return cache.Get(sessionId) ?? "anonymous";
        }
    }
}

// A local-development shim with the same name as the Redis library's type: an in-memory dictionary, cheap to create.
namespace StackExchange.Redis
{
    public sealed class ConnectionMultiplexer
    {
        private static readonly ConcurrentDictionary<string, string> s_values = new();

        private ConnectionMultiplexer()
        {
        }

        public static ConnectionMultiplexer Connect(string configuration) => new();

        public string? Get(string key) => s_values.TryGetValue(key, out var value) ? value : null;
    }
}
