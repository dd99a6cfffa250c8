// LMB0010 (polling loop ignores the remaining time): correct code the rule must not report, one shape per class. Each
// case carries a "Case:" comment. Functions without an ILambdaContext ([LambdaFunction] methods) keep token-less delays
// so that only the shape under test bounds the loop (LMB0009 needs an ILambdaContext to derive a deadline from).
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0010
{
    public sealed record ExportJob(string JobId, string TableName);

    // Case: the loop condition reads RemainingTime, and the delay and the call carry a deadline derived from it.
    public class TableWaitFunction
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        public async Task<bool> FunctionHandler(ExportJob job, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(
                context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
            var status = TableStatus.CREATING;
            while (status != TableStatus.ACTIVE && context.RemainingTime > TimeSpan.FromSeconds(5))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
                status = (await _dynamo.DescribeTableAsync(job.TableName, deadline.Token)).Table.TableStatus;
            }

            return status == TableStatus.ACTIVE;
        }
    }

    // Case: the body checks RemainingTime and gives up while there is still time to answer.
    public class BodyChecksRemainingTimeFunction
    {
        private readonly IAmazonS3 _s3 = new AmazonS3Client();

        public async Task<string> FunctionHandler(ExportJob job, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime > TimeSpan.Zero ? context.RemainingTime : Timeout.InfiniteTimeSpan);
            while (true)
            {
                if (context.RemainingTime < TimeSpan.FromSeconds(3))
                {
                    context.Logger.LogWarning("Export {JobId} is not ready yet", job.JobId);
                    return "PENDING";
                }

                var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "exports", Prefix = job.JobId }, deadline.Token);
                if (listing.KeyCount > 0)
                {
                    return "READY";
                }

                await Task.Delay(1000, deadline.Token);
            }
        }
    }

    public class AnnotatedPollers
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
        private readonly IAmazonS3 _s3 = new AmazonS3Client();

        // Case: the condition checks IsCancellationRequested of a token.
        [LambdaFunction]
        public async Task<string> WaitForItemAsync(string id)
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var token = budget.Token;
            while (!token.IsCancellationRequested)
            {
                var item = await _dynamo.GetItemAsync("Jobs", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
                if (item.IsItemSet)
                {
                    return item.Item["Status"].S;
                }

                SpinWait.SpinUntil(() => token.IsCancellationRequested, 500);
            }

            return "TIMEOUT";
        }

        // Case: the body calls ThrowIfCancellationRequested.
        [LambdaFunction]
        public async Task<int> CountWhenStableAsync(string table)
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var previous = -1;
            while (true)
            {
                budget.Token.ThrowIfCancellationRequested();
                var count = (await _dynamo.DescribeTableAsync(table)).Table.ItemCount ?? 0;
                if (count == previous)
                {
                    return (int)count;
                }

                previous = (int)count;
                await Task.Delay(1000);
            }
        }

        // Case: a Stopwatch bounds the wait.
        [LambdaFunction]
        public async Task<bool> WaitWithStopwatchAsync(string table)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                if ((await _dynamo.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE)
                {
                    return true;
                }

                await Task.Delay(1000);
            }

            return false;
        }

        // Case: DateTime values are compared.
        [LambdaFunction]
        public async Task<bool> WaitUntilAsync(string table)
        {
            var giveUpAt = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < giveUpAt)
            {
                if ((await _dynamo.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE)
                {
                    return true;
                }

                await Task.Delay(1000);
            }

            return false;
        }

        // Case: the difference of DateTimeOffset values is compared with a limit.
        [LambdaFunction]
        public async Task<bool> WaitSinceAsync(string table)
        {
            var started = DateTimeOffset.UtcNow;
            do
            {
                if ((await _dynamo.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE)
                {
                    return true;
                }

                await Task.Delay(1000);
            }
            while (DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20));

            return false;
        }

        // Case: a counted retry loop: the condition compares the attempt counter, which the loop increments.
        [LambdaFunction]
        public async Task<bool> RetryAsync(string table)
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                if ((await _dynamo.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }

            return false;
        }

        // Case: a while loop counting down its retries in the condition.
        [LambdaFunction]
        public async Task<bool> RetryWhileAsync(string table)
        {
            var retries = 5;
            var active = false;
            while (!active && retries-- > 0)
            {
                active = (await _dynamo.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE;
                if (!active)
                {
                    await Task.Delay(500);
                }
            }

            return active;
        }

        // Case: pagination without a delay is not polling.
        [LambdaFunction]
        public async Task<int> CountKeysAsync(string bucket)
        {
            var request = new ListObjectsV2Request { BucketName = bucket };
            var total = 0;
            while (true)
            {
                var page = await _s3.ListObjectsV2Async(request);
                total += page.KeyCount ?? 0;
                if (page.IsTruncated != true)
                {
                    return total;
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
        }

        // Case: the delay is inside a lambda the loop creates, not in the loop's own body.
        [LambdaFunction]
        public async Task<int> ScheduleAsync(string[] ids)
        {
            var index = 0;
            var pending = new List<Func<Task>>();
            while (index < ids.Length)
            {
                var id = ids[index++];
                pending.Add(async () =>
                {
                    await Task.Delay(10);
                    await _dynamo.DeleteItemAsync("Jobs", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
                });
            }

            await Task.WhenAll(pending.Select(start => start()));
            return pending.Count;
        }

        // Case: foreach walks a collection and ends with it, even with a pause between items.
        [LambdaFunction]
        public async Task<int> ThrottledDeleteAsync(string[] ids)
        {
            foreach (var id in ids)
            {
                await _dynamo.DeleteItemAsync("Jobs", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
                await Task.Delay(50);
            }

            return ids.Length;
        }
    }

    // Case: code outside handlers (a background worker of another host) is not per-invocation code.
    public sealed class HeartbeatWorker
    {
        public async Task RunAsync(Func<Task> beat)
        {
            while (true)
            {
                await beat();
                await Task.Delay(TimeSpan.FromSeconds(30));
            }
        }
    }
}
