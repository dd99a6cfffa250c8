// DynamoDB Streams event source, the shape of the "DynamoDB Function" blueprint, with ReportBatchItemFailures: records
// of a shard arrive in order, so the handler stops at the first failure and reports its sequence number; Lambda then
// retries from that record on.
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using static Amazon.Lambda.DynamoDBEvents.DynamoDBEvent;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace AccountBalances;

/// <summary>A change of one ledger entry, read from the stream record's images.</summary>
public readonly record struct LedgerChange(string AccountId, decimal Delta, string EntryId);

public class Function
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _balancesTable;

    public Function()
    {
        _dynamo = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 5 });
        _balancesTable = Environment.GetEnvironmentVariable("BALANCES_TABLE") ?? "Balances";
    }

    public Function(IAmazonDynamoDB dynamo, string balancesTable)
    {
        _dynamo = dynamo;
        _balancesTable = balancesTable;
    }

    /// <summary>Keeps the Balances table in step with the Ledger table's stream (NEW_AND_OLD_IMAGES).</summary>
    public async Task<StreamsEventResponse> FunctionHandler(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        var records = dynamoEvent.Records ?? [];
        context.Logger.LogInformation("Beginning to process {Count} records", records.Count);

        foreach (var record in records)
        {
            try
            {
                if (ToChange(record) is not { } change)
                {
                    context.Logger.LogDebug("Record {EventId} ({EventName}) changes no amount", record.EventID, record.EventName);
                    continue;
                }

                await ApplyAsync(change);
            }
            catch (AmazonDynamoDBException ex)
            {
                context.Logger.LogError(ex, "Applying {EventId} failed; keys {Keys}", record.EventID, record.Dynamodb.Keys.ToJson());
                return new StreamsEventResponse
                {
                    BatchItemFailures = [new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber }],
                };
            }
        }

        context.Logger.LogInformation("Stream processing complete");
        return new StreamsEventResponse { BatchItemFailures = [] };
    }

    private static LedgerChange? ToChange(DynamodbStreamRecord record)
    {
        var image = record.EventName == "REMOVE" ? record.Dynamodb.OldImage : record.Dynamodb.NewImage;
        if (image is null || !image.TryGetValue("AccountId", out var account) || !image.TryGetValue("EntryId", out var entry))
        {
            return null;
        }

        var oldAmount = Amount(record.Dynamodb.OldImage);
        var newAmount = Amount(record.Dynamodb.NewImage);
        var delta = record.EventName switch
        {
            "INSERT" => newAmount,
            "MODIFY" => newAmount - oldAmount,
            "REMOVE" => -oldAmount,
            _ => 0m,
        };

        return delta == 0m ? null : new LedgerChange(account.S, delta, entry.S);

        static decimal Amount(Dictionary<string, DynamoDBEvent.AttributeValue>? item) =>
            item is not null && item.TryGetValue("Amount", out var amount) && amount.N is { } n
                ? decimal.Parse(n, NumberStyles.Number, CultureInfo.InvariantCulture)
                : 0m;
    }

    private Task ApplyAsync(LedgerChange change) => _dynamo.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = _balancesTable,
        Key = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["AccountId"] = new() { S = change.AccountId } },
        UpdateExpression = "ADD Balance :delta SET LastEntryId = :entry",
        ExpressionAttributeValues = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
        {
            [":delta"] = new() { N = change.Delta.ToString(CultureInfo.InvariantCulture) },
            [":entry"] = new() { S = change.EntryId },
        },
    });
}
