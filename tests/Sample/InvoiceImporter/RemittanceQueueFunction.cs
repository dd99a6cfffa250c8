using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace InvoiceImporter;

/// <summary>A remittance advice (or a chargeback, which takes a payment back), as the payment provider queues it.</summary>
public sealed record Remittance(string RemittanceId, string CustomerId, string InvoiceNumber, decimal Amount);

/// <summary>
/// The payment provider's integration queues remittance advices and chargebacks on two SQS queues. Handlers:
/// <c>InvoiceImporter::InvoiceImporter.RemittanceQueueFunction::ApplyRemittancesAsync</c> (the remittances queue) and
/// <c>...::ApplyChargebacksAsync</c> (the chargebacks queue). Both return an <see cref="SQSBatchResponse"/> that names
/// the messages that failed: Lambda deletes every other message of the batch from the queue.
/// </summary>
public sealed class RemittanceQueueFunction
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly IAmazonDynamoDB _dynamo;

    public RemittanceQueueFunction()
        : this(new AmazonDynamoDBClient())
    {
    }

    public RemittanceQueueFunction(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

    public async Task<SQSBatchResponse> ApplyRemittancesAsync(SQSEvent evnt, ILambdaContext context)
    {
        using var deadline = TimeBudget.Start(context);
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evnt.Records)
        {
            if (Parse(message) is not { } remittance)
            {
                // Correct: a malformed advice is reported; after the queue's maxReceiveCount it moves to the dead-letter queue.
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                continue;
            }

            try
            {
                await ApplyAsync(remittance, deadline.Token);
            }
            // Mistake (LMB0015): the failure is logged, and the message is neither rethrown nor reported in
            // BatchItemFailures: Lambda deletes it with the messages that succeeded, and the payment is never applied.
            catch (AmazonDynamoDBException ex)
            {
                context.Logger.LogError(ex, "Remittance {MessageId} could not be applied", message.MessageId);
            }
        }

        return new SQSBatchResponse(failures);
    }

    public async Task<SQSBatchResponse> ApplyChargebacksAsync(SQSEvent evnt, ILambdaContext context)
    {
        using var deadline = TimeBudget.Start(context);
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evnt.Records)
        {
            try
            {
                var chargeback = Parse(message) ?? throw new JsonException("The message is not a chargeback.");
                await ApplyAsync(chargeback with { Amount = -Math.Abs(chargeback.Amount) }, deadline.Token);
            }
            // Correct: the failed message is reported by its MessageId; Lambda returns it to the queue and deletes the rest.
            catch (Exception ex) when (ex is AmazonDynamoDBException or JsonException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                context.Logger.LogWarning(ex, "Chargeback {MessageId} failed; it returns to the queue", message.MessageId);
            }
        }

        return new SQSBatchResponse(failures);
    }

    private static Remittance? Parse(SQSEvent.SQSMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<Remittance>(message.Body, s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task ApplyAsync(Remittance remittance, CancellationToken cancellationToken) => _dynamo.UpdateItemAsync(
        new UpdateItemRequest
        {
            TableName = Settings.InvoicesTable,
            Key = PaymentFunctions.InvoiceKey(remittance.CustomerId, remittance.InvoiceNumber),
            UpdateExpression = "ADD Paid :amount",
            ConditionExpression = "attribute_exists(InvoiceNumber)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":amount"] = new() { N = remittance.Amount.ToString(CultureInfo.InvariantCulture) },
            },
        },
        cancellationToken);
}
