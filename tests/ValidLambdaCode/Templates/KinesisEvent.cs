// Kinesis Data Streams event source, the shape of the "Kinesis Function" blueprint: the function reads a batch of page
// views, counts them per page and minute, and adds the counts to DynamoDB. Malformed records are skipped and logged;
// when a write fails, the batch is reported from its first record so that Lambda retries it.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.KinesisEvents;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace ClickStream;

public sealed record PageView(string Page, string? Referrer, string SessionId, DateTimeOffset At);

public class Function
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly string _countsTable = Environment.GetEnvironmentVariable("COUNTS_TABLE") ?? "PageViewCounts";

    public async Task<StreamsEventResponse> FunctionHandler(KinesisEvent kinesisEvent, ILambdaContext context)
    {
        var records = kinesisEvent.Records ?? [];
        context.Logger.LogInformation("Beginning to process {Count} records", records.Count);

        var views = new List<PageView>(records.Count);
        foreach (var record in records)
        {
            if (Decode(record.Kinesis) is { } view)
            {
                views.Add(view);
            }
            else
            {
                context.Logger.LogWarning("Skipping malformed record {SequenceNumber} of partition {PartitionKey}",
                    record.Kinesis.SequenceNumber, record.Kinesis.PartitionKey);
            }
        }

        var counts = views
            .GroupBy(v => (v.Page, Minute: new DateTimeOffset(v.At.Year, v.At.Month, v.At.Day, v.At.Hour, v.At.Minute, 0, TimeSpan.Zero)))
            .Select(g => (g.Key.Page, g.Key.Minute, Views: g.Count(), Sessions: g.Select(v => v.SessionId).Distinct().Count()));

        try
        {
            foreach (var (page, minute, viewCount, sessions) in counts)
            {
                await _dynamo.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = _countsTable,
                    Key = new Dictionary<string, AttributeValue>
                    {
                        ["Page"] = new() { S = page },
                        ["Minute"] = new() { S = minute.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) },
                    },
                    UpdateExpression = "ADD Views :views, Sessions :sessions",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":views"] = new() { N = viewCount.ToString(CultureInfo.InvariantCulture) },
                        [":sessions"] = new() { N = sessions.ToString(CultureInfo.InvariantCulture) },
                    },
                });
            }
        }
        catch (AmazonDynamoDBException ex)
        {
            // The counts are not idempotent per record: retry the whole batch rather than part of it.
            context.Logger.LogError(ex, "Updating the counts failed; retrying the batch");
            return new StreamsEventResponse
            {
                BatchItemFailures = records.Take(1).Select(r => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = r.Kinesis.SequenceNumber }).ToList(),
            };
        }

        context.Logger.LogInformation("Counted {Views} page views", views.Count);
        return new StreamsEventResponse { BatchItemFailures = [] };
    }

    private static PageView? Decode(KinesisEvent.Record record)
    {
        try
        {
            var json = Encoding.UTF8.GetString(record.Data.ToArray());
            return JsonSerializer.Deserialize<PageView>(json, s_json) is { Page.Length: > 0 } view ? view : null;
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            return null;
        }
    }
}
