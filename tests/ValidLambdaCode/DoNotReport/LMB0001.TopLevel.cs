// LMB0001 in a top-level program: clients created by the init code before RunAsync(), by the bootstrap's initializer
// delegate and by local functions only the init code calls are created once per execution environment.
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.SQS;

// Case: top-level init code before RunAsync(): clients, a DynamoDBContext and an HttpClient, captured by the handler.
var table = Environment.GetEnvironmentVariable("EVENTS_TABLE") ?? "Events";
var purchasesQueueUrl = Environment.GetEnvironmentVariable("PURCHASES_QUEUE_URL") ?? "";
var dynamo = new AmazonDynamoDBClient();
var db = new DynamoDBContextBuilder().WithDynamoDBClient(() => dynamo).Build();
var sqs = new AmazonSQSClient();
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

// Set by the bootstrap's initializer below, before the first invocation.
IAmazonS3? archive = null;

var handler = async (TrackedEvent input, ILambdaContext context) =>
{
    await dynamo.PutItemAsync(table, new Dictionary<string, AttributeValue>
    {
        ["Id"] = new() { S = input.Id },
        ["Kind"] = new() { S = input.Kind },
        ["At"] = new() { S = input.At.ToString("O") },
    });

    if (input.Kind == "purchase")
    {
        await sqs.SendMessageAsync(purchasesQueueUrl, JsonSerializer.Serialize(input));
    }

    var previous = await db.LoadAsync<EventSummary>(input.Id);
    await archive!.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "event-archive", Key = $"{input.Id}.json", ContentBody = JsonSerializer.Serialize(input) });
    context.Logger.LogInformation("Tracked {Kind} {Id} (seen before: {Seen})", input.Kind, input.Id, previous is not null);
    return new EventSummary { Id = input.Id, Kind = input.Kind };
};

// Case: the initializer delegate of the LambdaBootstrap runs once, before the first invocation: it creates the archive
// client and opens the first connections.
using var wrapper = HandlerWrapper.GetHandlerWrapper(handler, new DefaultLambdaJsonSerializer());
using var bootstrap = new LambdaBootstrap(wrapper, async () =>
{
    archive = Environment.GetEnvironmentVariable("ARCHIVE_REGION") is { Length: > 0 } region
        ? CreateArchiveClient(region)
        : new AmazonS3Client();
    await archive.GetBucketLocationAsync("event-archive");
    await dynamo.DescribeTableAsync(table);
    using var ready = await http.GetAsync("https://status.example.com/ready");
    return ready.IsSuccessStatusCode;
});

await bootstrap.RunAsync();

// Case: a local function that only the init code (here the initializer) calls is init code too.
static AmazonS3Client CreateArchiveClient(string region) =>
    new(new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region), MaxErrorRetry = 2 });

public sealed record TrackedEvent(string Id, string Kind, DateTimeOffset At);

[DynamoDBTable("EventSummaries")]
public sealed class EventSummary
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";
}
