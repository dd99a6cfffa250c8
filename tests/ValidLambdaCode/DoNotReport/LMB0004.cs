// LMB0004 (do not block on async work in a handler): correct code the rule must not report, one shape per class. Each
// case carries a "Case:" comment. The init code of a top-level program (before RunAsync()) is in LMB0004.TopLevel.cs.
using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0004
{
    public sealed record Customer(string Id, string Name, string Tier);

    public sealed record Quote(string CustomerId, decimal Amount, string Currency);

    // Case: a task awaited earlier in the body, directly or with ConfigureAwait, then read through .Result and
    // GetAwaiter().GetResult(): it is complete, nothing blocks.
    public class CustomerProfileFunction
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        public async Task<string> FunctionHandler(string customerId, ILambdaContext context)
        {
            var profile = _dynamo.GetItemAsync("Customers", Key(customerId));
            var orders = _dynamo.QueryAsync(new QueryRequest
            {
                TableName = "Orders",
                KeyConditionExpression = "CustomerId = :id",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new() { S = customerId } },
            });

            await profile;
            await orders.ConfigureAwait(false);

            var name = profile.Result.Item is { } item && item.TryGetValue("Name", out var value) ? value.S : "unknown";
            context.Logger.LogInformation("{Name} has {Count} orders", name, orders.GetAwaiter().GetResult().Count);
            return name;
        }

        private static Dictionary<string, AttributeValue> Key(string id) => new() { ["Id"] = new() { S = id } };
    }

    // Case: tasks awaited through an awaited Task.WhenAll: named tasks, a list of tasks read by index, in a foreach
    // loop and in a LINQ projection, and a WhenAll held in a local.
    public class PriceListFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

        public async Task<int> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
        {
            var downloads = sqsEvent.Records.Select(record => ReadAsync(record.Body)).ToList();
            await Task.WhenAll(downloads);

            var total = 0;
            foreach (var download in downloads)
            {
                total += download.Result.Length;
            }

            var first = downloads.Count > 0 ? downloads[0].Result : string.Empty;
            var longest = downloads.Select(download => download.Result.Length).DefaultIfEmpty().Max();

            var euro = ReadAsync("rates/EUR.json");
            var dollar = ReadAsync("rates/USD.json");
            var rates = Task.WhenAll(euro, dollar);
            await rates;
            context.Logger.LogInformation("{Total} bytes, first {First}, longest {Longest}, rates {Euro} {Dollar}",
                total, first.Length, longest, euro.Result, dollar.Result);
            return total;
        }

        private static async Task<string> ReadAsync(string key)
        {
            using var response = await s_s3.GetObjectAsync("price-lists", key);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
    }

    // Case: a task raced against a deadline through an awaited Task.WhenAny, then read when it won.
    public class QuoteFunction
    {
        private static readonly HttpClient s_http = new() { BaseAddress = new Uri("https://quotes.example.com/") };

        public async Task<Quote?> FunctionHandler(Customer customer, ILambdaContext context)
        {
            var quote = s_http.GetStringAsync("quotes/" + Uri.EscapeDataString(customer.Id));
            var deadline = Task.Delay(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1));
            var winner = await Task.WhenAny(quote, deadline);
            if (winner != quote)
            {
                context.Logger.LogWarning("No quote for {Id} in time", customer.Id);
                return null;
            }

            return JsonSerializer.Deserialize<Quote>(quote.Result);
        }
    }

    // Case: the task's IsCompleted / IsCompletedSuccessfully checked by an enclosing condition: a cache of tasks that
    // returns finished lookups at once and awaits the others.
    public class TierLookupFunction
    {
        private static readonly ConcurrentDictionary<string, Task<string>> s_tiers = new();
        private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();

        public async Task<string> FunctionHandler(Customer customer, ILambdaContext context)
        {
            var lookup = s_tiers.GetOrAdd(customer.Id, LoadTierAsync);
            if (lookup.IsCompletedSuccessfully)
            {
                return lookup.Result;
            }

            var tier = lookup.IsCompleted ? lookup.GetAwaiter().GetResult() : await lookup;
            context.Logger.LogInformation("Tier of {Id}: {Tier}", customer.Id, tier);
            return tier;
        }

        private static async Task<string> LoadTierAsync(string id)
        {
            var response = await s_dynamo.GetItemAsync("Customers", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
            return response.Item is { } item && item.TryGetValue("Tier", out var tier) ? tier.S : "standard";
        }
    }

    // Case: Task.FromResult, Task.CompletedTask, ValueTask.CompletedTask and a new ValueTask<T>(value) are complete,
    // also through a local only ever assigned such a task.
    public class DefaultsFunction
    {
        public async Task<string> FunctionHandler(Customer customer, ILambdaContext context)
        {
            Task<string> tier = Task.FromResult("standard");
            if (customer.Tier.Length > 0)
            {
                tier = Task.FromResult(customer.Tier);
            }

            Task.CompletedTask.Wait();
            ValueTask.CompletedTask.GetAwaiter().GetResult();
            var discount = new ValueTask<decimal>(0.1m).Result;
            await Task.Yield();
            return $"{customer.Name}: {tier.Result} ({discount:P0})";
        }
    }

    // Case: the antecedent a continuation receives is complete: ContinueWith and TaskFactory.ContinueWhenAll.
    public class ContinuationFunction
    {
        private static readonly HttpClient s_http = new();

        public async Task<int> FunctionHandler(string[] urls, ILambdaContext context)
        {
            var length = await s_http.GetStringAsync(urls[0]).ContinueWith(page => page.Result.Length, TaskScheduler.Default);
            var total = await Task.Factory.ContinueWhenAll(
                urls.Select(url => s_http.GetStringAsync(url)).ToArray(),
                pages => pages.Sum(page => page.Result.Length));
            context.Logger.LogInformation("First page {Length}, all pages {Total}", length, total);
            return total;
        }
    }

    // Case: init code: a static field initializer, the static constructor and the constructor run once per execution
    // environment, before any invocation, so they may block.
    public class ConfiguredFunction
    {
        private static readonly string s_region = LoadSettingAsync("region").GetAwaiter().GetResult();
        private static readonly Dictionary<string, string> s_flags;
        private readonly string _table;

        static ConfiguredFunction()
        {
            s_flags = new Dictionary<string, string> { ["discounts"] = LoadSettingAsync("discounts").Result };
        }

        public ConfiguredFunction()
        {
            var table = LoadSettingAsync("table");
            table.Wait();
            _table = table.Result;
        }

        public async Task<string> FunctionHandler(Customer customer, ILambdaContext context)
        {
            await Task.Yield();
            return $"{customer.Id} in {_table} ({s_region}, discounts {s_flags["discounts"]})";
        }

        private static Task<string> LoadSettingAsync(string name) =>
            Task.FromResult(Environment.GetEnvironmentVariable(name.ToUpperInvariant()) ?? name);
    }

    // Case: code outside handlers: a command-line tool's helper that takes no ILambdaContext may block.
    public static class SeedTool
    {
        public static void Seed(IAmazonDynamoDB dynamo, IEnumerable<Customer> customers)
        {
            foreach (var customer in customers)
            {
                dynamo.PutItemAsync("Customers", new Dictionary<string, AttributeValue>
                {
                    ["Id"] = new() { S = customer.Id },
                    ["Name"] = new() { S = customer.Name },
                }).GetAwaiter().GetResult();
                Thread.Sleep(50);
            }
        }
    }

    // Case: not a wait: Thread.Sleep(0) yields the time slice, nameof reads no value, an awaiter kept in a variable is
    // the hand-written await pattern, and members named Result or Wait on other types block on no task.
    public class PollFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

        public async Task<string> FunctionHandler(string key, ILambdaContext context)
        {
            Thread.Sleep(0);
            var metadata = s_s3.GetObjectMetadataAsync("uploads", key);
            var awaiter = metadata.GetAwaiter();
            if (awaiter.IsCompleted)
            {
                return awaiter.GetResult().ETag;
            }

            using var ready = new SemaphoreSlim(1);
            ready.Wait();
            var validation = new ValidationResult { Result = key.Length > 0 };
            context.Logger.LogInformation("Waiting for {Task}, valid {Valid}", nameof(metadata.Result), validation.Result);
            return (await metadata).ETag;
        }
    }

    public sealed class ValidationResult
    {
        public bool Result { get; init; }
    }
}
