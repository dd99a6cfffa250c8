// LMB0002 (do not leave work running when the handler returns): correct code the rule must not report, one shape per
// class. Each case carries a "Case:" comment. The init-code case (warm-up before RunAsync()) is in LMB0002.TopLevel.cs.
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0002
{
    public sealed record Order(string Id, string CustomerId, decimal Total);

    // Case: tasks started first and awaited later in the body, directly and through ConfigureAwait.
    public class OrderAuditFunction
    {
        private readonly IAmazonDynamoDB _dynamo;
        private readonly IAmazonSQS _sqs;

        public OrderAuditFunction()
            : this(new AmazonDynamoDBClient(), new AmazonSQSClient())
        {
        }

        public OrderAuditFunction(IAmazonDynamoDB dynamo, IAmazonSQS sqs)
        {
            _dynamo = dynamo;
            _sqs = sqs;
        }

        public async Task<string> FunctionHandler(Order order, ILambdaContext context)
        {
            // Both requests run at once; the handler waits for both before it returns.
            var save = _dynamo.PutItemAsync("Orders", new Dictionary<string, AttributeValue>
            {
                ["Id"] = new() { S = order.Id },
                ["CustomerId"] = new() { S = order.CustomerId },
            });
            var notify = _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("ORDERS_QUEUE_URL"), JsonSerializer.Serialize(order));

            await save.ConfigureAwait(false);
            var sent = await notify;
            context.Logger.LogInformation("Order {Id} saved and queued as {MessageId}", order.Id, sent.MessageId);
            return order.Id;
        }
    }

    // Case: one task per record, kept in a list and awaited through Task.WhenAll; and a task raced against the
    // remaining time with Task.WhenAny.
    public class BatchForwardFunction
    {
        private static readonly IAmazonSQS s_sqs = new AmazonSQSClient();

        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var queueUrl = Environment.GetEnvironmentVariable("FORWARD_QUEUE_URL");
            var sends = new List<Task<SendMessageResponse>>();
            foreach (var message in evnt.Records ?? [])
            {
                sends.Add(s_sqs.SendMessageAsync(queueUrl, message.Body));
            }

            await Task.WhenAll(sends);

            var audit = s_sqs.SendMessageAsync(queueUrl, $"forwarded {sends.Count}");
            var deadline = Task.Delay(context.RemainingTime > TimeSpan.FromSeconds(1) ? context.RemainingTime - TimeSpan.FromSeconds(1) : TimeSpan.Zero);
            if (await Task.WhenAny(audit, deadline) == deadline)
            {
                context.Logger.LogWarning("The audit message did not make it before the deadline");
            }

            return new SQSBatchResponse([]);
        }
    }

    // Case: a task awaited on some paths only: the analysis is flow-insensitive, one await anywhere is enough.
    public class ConditionalArchiveFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

        public async Task<bool> FunctionHandler(Order order, ILambdaContext context)
        {
            var archive = s_s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
            {
                BucketName = "order-archive",
                Key = order.Id + ".json",
                ContentBody = JsonSerializer.Serialize(order),
            });
            if (order.Total > 1000)
            {
                await archive;
                return true;
            }

            context.Logger.LogInformation("Order {Id} archived in the background", order.Id);
            return false;
        }
    }

    // Case: a non-async handler that returns the task to the runtime, which awaits it; also through a local and Task.Run.
    public class PassThroughFunction
    {
        private static readonly IAmazonSQS s_sqs = new AmazonSQSClient();

        public Task<SendMessageResponse> FunctionHandler(Order order, ILambdaContext context) =>
            s_sqs.SendMessageAsync(Environment.GetEnvironmentVariable("ORDERS_QUEUE_URL"), order.Id);

        public Task<int> CountHandler(string[] lines, ILambdaContext context)
        {
            var counting = Task.Run(() => lines.Count(line => line.Length > 0));
            return counting;
        }
    }

    // Case: a task passed as an argument to a method, which owns it from then on.
    public class TrackedWorkFunction
    {
        private static readonly IAmazonSQS s_sqs = new AmazonSQSClient();

        public async Task FunctionHandler(Order order, ILambdaContext context)
        {
            var send = s_sqs.SendMessageAsync(Environment.GetEnvironmentVariable("ORDERS_QUEUE_URL"), order.Id);
            await WithLoggingAsync(send, context);
            await WithLoggingAsync(s_sqs.SendMessageAsync(Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), order.Id), context);
        }

        private static async Task WithLoggingAsync(Task work, ILambdaContext context)
        {
            try
            {
                await work;
            }
            catch (AmazonSQSException ex)
            {
                context.Logger.LogError(ex, "Sending failed");
                throw;
            }
        }
    }

    // Case: Task.CompletedTask and Task.FromResult are already complete; an IAsyncEnumerable is lazy and does nothing
    // until enumerated.
    public class CachedLookupFunction
    {
        private static readonly Dictionary<string, string> s_cache = new();

        public Task<string> FunctionHandler(string key, ILambdaContext context)
        {
            _ = Task.CompletedTask;
            _ = ReadPagesAsync(key);
            return s_cache.TryGetValue(key, out var value) ? Task.FromResult(value) : Task.FromResult(key);
        }

        private static async IAsyncEnumerable<string> ReadPagesAsync(string key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return key;
        }
    }

    // Case: a System.Threading.Timer that logs progress during a long invocation and is disposed before the handler
    // returns (await using), and one stopped with Change(Timeout.Infinite, ...).
    public class LongExportFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

        public async Task<int> FunctionHandler(string prefix, ILambdaContext context)
        {
            var listed = 0;
            await using var progress = new Timer(_ => context.Logger.LogInformation("Listed {Count} objects so far", Volatile.Read(ref listed)), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

            var watchdog = new Timer(_ => context.Logger.LogWarning("Export of {Prefix} is slow", prefix), null, 10_000, Timeout.Infinite);
            string? token = null;
            do
            {
                var page = await s_s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = "exports", Prefix = prefix, ContinuationToken = token });
                Interlocked.Add(ref listed, page.S3Objects?.Count ?? 0);
                token = page.NextContinuationToken;
            }
            while (token is not null);

            watchdog.Change(Timeout.Infinite, Timeout.Infinite);
            watchdog.Dispose();
            return listed;
        }
    }

    // Case: a System.Timers.Timer started for the invocation and stopped before it returns.
    public class HeartbeatFunction
    {
        private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();

        public async Task FunctionHandler(Order order, ILambdaContext context)
        {
            using var heartbeat = new System.Timers.Timer(TimeSpan.FromSeconds(2));
            heartbeat.Elapsed += (_, _) => context.Logger.LogDebug("Still working on {Id}", order.Id);
            heartbeat.Start();
            try
            {
                await s_dynamo.UpdateItemAsync("Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = order.Id } }, new Dictionary<string, AttributeValueUpdate>());
            }
            finally
            {
                heartbeat.Stop();
            }
        }
    }

    // Case: a dedicated thread for CPU-bound work, joined before the handler returns.
    public class ChecksumFunction
    {
        public string FunctionHandler(string payload, ILambdaContext context)
        {
            var checksum = "";
            var worker = new Thread(() => checksum = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(payload))), maxStackSize: 4 * 1024 * 1024);
            worker.Start();
            worker.Join();
            context.Logger.LogInformation("Checksum of {Length} characters computed", payload.Length);
            return checksum;
        }
    }

    // Case: work queued to the thread pool that completes a TaskCompletionSource the handler awaits.
    public class LegacyCallbackFunction
    {
        public async Task<int> FunctionHandler(string input, ILambdaContext context)
        {
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                try
                {
                    done.SetResult(input.Split(',').Length);
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            });
            return await done.Task;
        }
    }

    // Case: Task.Run awaited, a ContinueWith awaited, and per-record work through Parallel.ForEachAsync and an awaited
    // Task.WhenAll over async lambdas (they return tasks, not async void).
    public class ParallelResizeFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

        public async Task<int> FunctionHandler(string[] keys, ILambdaContext context)
        {
            var total = await Task.Run(() => keys.Sum(key => key.Length));
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (key, token) =>
                await s_s3.GetObjectMetadataAsync("images", key, token));
            await Task.WhenAll(keys.Select(async key => await s_s3.DeleteObjectAsync("images-tmp", key)));
            await s_s3.GetBucketLocationAsync("images").ContinueWith(t => context.Logger.LogInformation("Bucket checked: {Status}", t.Status), TaskScheduler.Default);
            return total;
        }
    }

    // Case: fire-and-forget in code outside any handler (a class without handlers, not called per invocation here).
    public sealed class CacheWarmer
    {
        private readonly IAmazonS3 _s3;

        public CacheWarmer(IAmazonS3 s3) => _s3 = s3;

        public void StartWarming(string bucket)
        {
            _ = _s3.GetBucketLocationAsync(bucket);
            Task.Run(() => Console.WriteLine("warming " + bucket));
        }
    }

    // Case: init code: the constructor and field initializers of the handler class run once per execution environment.
    public class WarmStartFunction
    {
        private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
        private readonly Task _tableReady = s_dynamo.DescribeTableAsync("Orders");

        public WarmStartFunction()
        {
            _ = s_dynamo.DescribeTableAsync("Customers");
        }

        public async Task<string> FunctionHandler(string id, ILambdaContext context)
        {
            await _tableReady;
            var item = await s_dynamo.GetItemAsync("Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
            return item.IsItemSet ? id : "";
        }
    }
}
