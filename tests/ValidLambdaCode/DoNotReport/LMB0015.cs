// LMB0015 (report failed batch records): correct code the rule must not report, one shape per class. Each case carries
// a "Case:" comment.
using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.KinesisEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.SQS;
using Amazon.SQS.Model;
using KinesisResponse = Amazon.Lambda.KinesisEvents.StreamsEventResponse;
using DynamoResponse = Amazon.Lambda.DynamoDBEvents.StreamsEventResponse;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0015
{
    public sealed record Order(string Id, decimal Total);

    public sealed class PoisonMessageException(string message) : Exception(message);

    internal static class Orders
    {
        public static Task SaveAsync(Order order, CancellationToken token = default) => Task.Delay(order.Id.Length, token);

        public static Order Parse(string body) => JsonSerializer.Deserialize<Order>(body) ?? throw new PoisonMessageException("empty body");
    }

    // Case: a handler without a partial-batch response: an exception fails the whole batch, which is retried.
    public class WholeBatchFunction
    {
        public async Task FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            foreach (var message in evnt.Records)
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                }
                catch (PoisonMessageException ex)
                {
                    context.Logger.LogWarning(ex, "Skipping {MessageId}", message.MessageId);
                }
            }
        }
    }

    // Case: a catch that logs and rethrows, and one that throws a new exception.
    public class RethrowFunction
    {
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            foreach (var message in evnt.Records)
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                }
                catch (AmazonDynamoDBException ex)
                {
                    context.Logger.LogError(ex, "Saving {MessageId} failed", message.MessageId);
                    throw;
                }
                catch (JsonException ex)
                {
                    throw new PoisonMessageException($"{message.MessageId}: {ex.Message}");
                }
            }

            return new SQSBatchResponse();
        }
    }

    // Case: a catch that reports the record, in a list, in the response's own list, or in a concurrent bag.
    public class ReportingFunction
    {
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var response = new SQSBatchResponse();
            foreach (var message in evnt.Records)
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                }
                catch (Exception ex)
                {
                    context.Logger.LogError(ex, "Saving {MessageId} failed", message.MessageId);
                    response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                }
            }

            return response;
        }

        public async Task<SQSBatchResponse> ParallelHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failures = new ConcurrentBag<SQSBatchResponse.BatchItemFailure>();
            await Parallel.ForEachAsync(evnt.Records, async (message, token) =>
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body), token);
                }
                catch (Exception)
                {
                    failures.Add(new() { ItemIdentifier = message.MessageId });
                }
            });

            return new SQSBatchResponse([.. failures]);
        }
    }

    // Case: a catch that hands the record on: to a dead-letter queue, or to a list of failed ids reported later.
    public class HandOffFunction(IAmazonSQS sqs)
    {
        private readonly string _parkingQueueUrl = Environment.GetEnvironmentVariable("PARKING_QUEUE_URL") ?? string.Empty;

        public HandOffFunction()
            : this(new AmazonSQSClient())
        {
        }

        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failedIds = new List<string>();
            foreach (var message in evnt.Records)
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                }
                catch (PoisonMessageException)
                {
                    await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = _parkingQueueUrl, MessageBody = message.Body });
                }
                catch (Exception)
                {
                    failedIds.Add(message.MessageId);
                }
            }

            return new SQSBatchResponse(failedIds.Select(id => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = id }).ToList());
        }
    }

    // Case: a catch that sets a flag the loop reports after the try, and one after which the record's processing goes on.
    public class FlagAndFallbackFunction
    {
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>();
            foreach (var message in evnt.Records)
            {
                var priority = 0;
                try
                {
                    priority = int.Parse(message.MessageAttributes["Priority"].StringValue);
                }
                catch (FormatException)
                {
                    context.Logger.LogDebug("No priority on {MessageId}", message.MessageId);
                }

                var saved = true;
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body) with { Total = priority });
                }
                catch (Exception)
                {
                    saved = false;
                }

                if (!saved)
                {
                    failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                }
            }

            return new SQSBatchResponse(failures);
        }
    }

    // Case: a try that is not about the record (metrics after it is saved), and a try around the whole loop.
    public class SideTaskFunction(IAmazonDynamoDB dynamo)
    {
        public SideTaskFunction()
            : this(new AmazonDynamoDBClient())
        {
        }

        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>();
            try
            {
                foreach (var message in evnt.Records)
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                    try
                    {
                        await dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = "Metrics",
                            Key = new Dictionary<string, AttributeValue> { ["Name"] = new() { S = "saved" } },
                            UpdateExpression = "ADD Saved :one",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new() { N = "1" } },
                        });
                    }
                    catch (AmazonDynamoDBException ex)
                    {
                        context.Logger.LogWarning(ex, "Metrics failed");
                    }
                }
            }
            catch (Exception ex)
            {
                context.Logger.LogError(ex, "The batch failed");
                throw;
            }

            return new SQSBatchResponse(failures);
        }
    }

    // Case: a stream handler that reports the first failed record and stops: Lambda retries from its sequence number.
    public class StreamCheckpointFunction
    {
        public async Task<KinesisResponse> FunctionHandler(KinesisEvent kinesisEvent, ILambdaContext context)
        {
            foreach (var record in kinesisEvent.Records)
            {
                try
                {
                    using var reader = new StreamReader(record.Kinesis.Data);
                    await Orders.SaveAsync(Orders.Parse(await reader.ReadToEndAsync()));
                }
                catch (Exception ex)
                {
                    context.Logger.LogError(ex, "Record {SequenceNumber} failed", record.Kinesis.SequenceNumber);
                    return new KinesisResponse
                    {
                        BatchItemFailures = [new KinesisResponse.BatchItemFailure { ItemIdentifier = record.Kinesis.SequenceNumber }],
                    };
                }
            }

            return new KinesisResponse { BatchItemFailures = [] };
        }
    }

    // Case: an SQS (FIFO) handler that stops at the first failure and reports the failed message and every message after it.
    public class FifoFunction
    {
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>();
            for (var i = 0; i < evnt.Records.Count; i++)
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(evnt.Records[i].Body));
                }
                catch (Exception)
                {
                    failures.AddRange(evnt.Records.Skip(i).Select(m => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = m.MessageId }));
                    break;
                }
            }

            return new SQSBatchResponse(failures);
        }
    }

    // Case: a per-record lambda whose catch returns the record's id as its result, which the handler reports.
    public class ResultsFunction
    {
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failed = await Task.WhenAll(evnt.Records.Select(async message =>
            {
                try
                {
                    await Orders.SaveAsync(Orders.Parse(message.Body));
                    return null;
                }
                catch (Exception)
                {
                    return message.MessageId;
                }
            }));

            return new SQSBatchResponse(failed.OfType<string>().Select(id => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = id }).ToList());
        }
    }

    // Case: the records' identifiers, reported from a DynamoDB stream and from a time window; one from a helper method.
    public class IdentifierFunction
    {
        public DynamoResponse FunctionHandler(DynamoDBEvent dynamoEvent, ILambdaContext context) => new()
        {
            BatchItemFailures = dynamoEvent.Records
                .Where(r => r.Dynamodb.NewImage is null)
                .Select(r => new DynamoResponse.BatchItemFailure { ItemIdentifier = r.Dynamodb.SequenceNumber })
                .ToList(),
        };

        public DynamoDBTimeWindowResponse WindowHandler(DynamoDBTimeWindowEvent window, ILambdaContext context) => new()
        {
            State = window.State,
            BatchItemFailures = window.Records
                .Where(r => r.EventName == "REMOVE")
                .Select(r => new DynamoDBTimeWindowResponse.BatchItemFailure { ItemIdentifier = SequenceNumberOf(r) })
                .ToList(),
        };

        private static string SequenceNumberOf(DynamoDBEvent.DynamodbStreamRecord record) => record.Dynamodb.SequenceNumber;
    }
}
