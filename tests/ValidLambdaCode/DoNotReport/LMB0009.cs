// LMB0009 (pass a deadline derived from RemainingTime): correct code the rule must not report, one shape per class.
// Each case carries a "Case:" comment.
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0009
{
    public sealed record Order(string Id, string Customer, decimal Total);

    // Case: every awaited call receives a token derived from RemainingTime (S3, DynamoDB, HTTP, Task.WhenAll over a
    // Select, Task.Delay).
    public class OrderArchiveFunction
    {
        private static readonly HttpClient s_http = new() { BaseAddress = new Uri("https://audit.example.com/") };
        private readonly IAmazonS3 _s3 = new AmazonS3Client();
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        public async Task<int> FunctionHandler(SQSEvent batch, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(
                context.RemainingTime > TimeSpan.FromSeconds(1) ? context.RemainingTime - TimeSpan.FromMilliseconds(500) : Timeout.InfiniteTimeSpan);
            var token = deadline.Token;

            var orders = batch.Records.Select(r => System.Text.Json.JsonSerializer.Deserialize<Order>(r.Body)!).ToList();
            await Task.WhenAll(orders.Select(o => _s3.PutObjectAsync(new PutObjectRequest { BucketName = "orders", Key = o.Id, ContentBody = o.Customer }, token)));
            foreach (var order in orders)
            {
                await _dynamo.PutItemAsync("Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = order.Id } }, token);
            }

            using var audit = await s_http.PostAsync("archived", new StringContent(orders.Count.ToString()), token);
            await Task.Delay(10, token);
            return orders.Count;
        }
    }

    // Case: calls in catch and finally: cleanup must run even when time is short.
    public class CleanupFunction
    {
        private readonly IAmazonS3 _s3 = new AmazonS3Client();

        public async Task<string> FunctionHandler(string key, ILambdaContext context, CancellationToken cancellationToken)
        {
            try
            {
                await _s3.CopyObjectAsync("incoming", key, "processing", key, cancellationToken);
                return key;
            }
            catch (AmazonS3Exception ex)
            {
                context.Logger.LogError(ex, "Copying {Key} failed", key);
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "failed", Key = key, ContentBody = ex.Message });
                throw;
            }
            finally
            {
                await _s3.DeleteObjectAsync("incoming", key);
            }
        }
    }

    // Case: await foreach over an async stream, synchronous calls and Task.Run (whose token only stops work that has
    // not started).
    public class StreamFunction
    {
        public async Task<int> FunctionHandler(string[] lines, ILambdaContext context)
        {
            var total = 0;
            await foreach (var length in LengthsAsync(lines))
            {
                total += length;
            }

            total += Sum(lines);
            total += await Task.Run(() => lines.Length);
            return total;
        }

        private static int Sum(string[] lines, CancellationToken cancellationToken = default) => lines.Sum(l => l.Length);

        private static async IAsyncEnumerable<int> LengthsAsync(string[] lines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var line in lines)
            {
                await Task.Yield();
                yield return line.Length;
            }
        }
    }

    // Case: pauses of a constant duration under one second (a static readonly field, a const, a literal): too short to
    // matter against Lambda's 1 s minimum timeout; the calls between them get the deadline.
    public class ThrottledWriteFunction
    {
        private const int SettleMilliseconds = 50;
        private static readonly TimeSpan s_retryPause = TimeSpan.FromMilliseconds(200);
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        public async Task<int> FunctionHandler(SQSEvent batch, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime);
            var written = 0;
            foreach (var record in batch.Records)
            {
                for (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        await _dynamo.PutItemAsync("Events", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = record.MessageId } }, deadline.Token);
                        written++;
                        break;
                    }
                    catch (ProvisionedThroughputExceededException) when (attempt < 3)
                    {
                        context.Logger.LogWarning("Throttled on {Id}", record.MessageId);
                    }

                    await Task.Delay(s_retryPause);
                }

                await Task.Delay(SettleMilliseconds);
            }

            await Task.Delay(100);
            return written;
        }
    }

    // Case: a handler with no ILambdaContext in scope has nothing to derive a deadline from.
    public class AnnotatedFunctions
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        [LambdaFunction]
        public async Task<string?> GetCustomerAsync(string id)
        {
            var response = await _dynamo.GetItemAsync("Customers", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
            return response.Item is { } item && item.TryGetValue("Name", out var name) ? name.S : null;
        }
    }

    // Case: code outside handlers: a repository method without an ILambdaContext.
    public sealed class OrderRepository(IAmazonDynamoDB dynamo)
    {
        public async Task<bool> ExistsAsync(string id)
        {
            var response = await dynamo.GetItemAsync("Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
            return response.IsItemSet;
        }
    }
}
