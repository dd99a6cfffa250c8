// SQS event source with partial batch responses (FunctionResponseTypes: ReportBatchItemFailures), the shape of the
// "Simple SQS Function" blueprint: the handler returns the IDs of the messages that failed, so that only those
// return to the queue instead of the whole batch.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.SQS;
using Amazon.SQS.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace WebhookDelivery;

/// <summary>One delivery, as queued by the producer.</summary>
public sealed record Delivery(string SubscriptionId, Uri Endpoint, string EventType, JsonElement Payload, int Attempt = 1);

/// <summary>Why a message is given up on instead of retried.</summary>
public sealed class PermanentFailureException(string message) : Exception(message);

public class Function
{
    private const int MaxAttempts = 5;

    // One handler and one client for the whole execution environment; connections are recycled every few minutes so
    // that DNS changes of the partners' endpoints are picked up.
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly IAmazonSQS _sqs;
    private readonly string? _deadLetterQueueUrl;

    public Function()
        : this(new AmazonSQSClient(), Environment.GetEnvironmentVariable("DEAD_LETTER_QUEUE_URL"))
    {
    }

    public Function(IAmazonSQS sqs, string? deadLetterQueueUrl)
    {
        _sqs = sqs;
        _deadLetterQueueUrl = deadLetterQueueUrl;
    }

    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evnt.Records ?? [])
        {
            try
            {
                await DeliverAsync(message, context);
            }
            catch (PermanentFailureException ex)
            {
                context.Logger.LogWarning("Giving up on {MessageId}: {Reason}", message.MessageId, ex.Message);
                await ParkAsync(message, ex.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                context.Logger.LogWarning(ex, "Delivery {MessageId} failed; it returns to the queue", message.MessageId);
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        context.Logger.LogInformation("Delivered {Delivered} of {Total} messages", (evnt.Records?.Count ?? 0) - failures.Count, evnt.Records?.Count ?? 0);
        return new SQSBatchResponse(failures);
    }

    private static async Task DeliverAsync(SQSEvent.SQSMessage message, ILambdaContext context)
    {
        var delivery = JsonSerializer.Deserialize<Delivery>(message.Body, s_json)
            ?? throw new PermanentFailureException("The message body is empty.");
        if (delivery.Attempt > MaxAttempts)
        {
            throw new PermanentFailureException($"{delivery.Attempt} attempts, the limit is {MaxAttempts}.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Endpoint)
        {
            Content = JsonContent.Create(new { type = delivery.EventType, data = delivery.Payload }, options: s_json),
        };
        request.Headers.Add("X-Subscription-Id", delivery.SubscriptionId);
        request.Headers.Add("X-Delivery-Id", message.MessageId);

        using var response = await s_http.SendAsync(request);
        switch (response.StatusCode)
        {
            case >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices:
                context.Logger.LogDebug("{Endpoint} accepted {MessageId}", delivery.Endpoint.Host, message.MessageId);
                break;
            case HttpStatusCode.Gone or HttpStatusCode.NotFound:
                throw new PermanentFailureException($"{delivery.Endpoint.Host} answered {(int)response.StatusCode}: the subscription is gone.");
            default:
                response.EnsureSuccessStatusCode();
                throw new HttpRequestException($"Unexpected status {(int)response.StatusCode}.");
        }
    }

    private async Task ParkAsync(SQSEvent.SQSMessage message, string reason)
    {
        if (_deadLetterQueueUrl is null)
        {
            return;
        }

        await _sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = _deadLetterQueueUrl,
            MessageBody = message.Body,
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["Reason"] = new() { DataType = "String", StringValue = reason },
                ["OriginalMessageId"] = new() { DataType = "String", StringValue = message.MessageId },
            },
        });
    }
}
