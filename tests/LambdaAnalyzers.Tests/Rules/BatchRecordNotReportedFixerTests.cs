using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.BatchRecordNotReportedAnalyzer,
    LambdaAnalyzers.Rules.BatchRecordNotReportedFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class BatchRecordNotReportedFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        FunctionProject.WithoutTestUtilities(test.TestState);
        FunctionProject.WithoutTestUtilities(test.FixedState);
        return test.RunAsync();
    }

    [Fact]
    public void HasItsOwnFixAll() => Assert.NotSame(WellKnownFixAllProviders.BatchFixer, new BatchRecordNotReportedFixer().GetFixAllProvider());

    [Fact]
    public Task SqsCatch_AddsTheMessageIdToTheFailureList_AsItsFirstStatement() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
            {
                var batchItemFailures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception ex)|]
                    {
                        // Logged for the operators.
                        context.Logger.LogError(ex, "Processing {MessageId} failed", message.MessageId);
                    }
                }

                return new SQSBatchResponse(batchItemFailures);
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
            {
                var batchItemFailures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    catch (Exception ex)
                    {
                        batchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                        // Logged for the operators.
                        context.Logger.LogError(ex, "Processing {MessageId} failed", message.MessageId);
                    }
                }

                return new SQSBatchResponse(batchItemFailures);
            }
        }
        """);

    [Fact]
    public Task KinesisResponseLocal_AddsTheSequenceNumberToItsBatchItemFailures() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.KinesisEvents;

        public class Function
        {
            public async Task<StreamsEventResponse> Handle(KinesisEvent kinesisEvent, ILambdaContext context)
            {
                var response = new StreamsEventResponse { BatchItemFailures = new List<StreamsEventResponse.BatchItemFailure>() };
                foreach (var record in kinesisEvent.Records)
                {
                    if (record.Kinesis.Data is null)
                    {
                        response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Kinesis.SequenceNumber });
                        continue;
                    }

                    try
                    {
                        await Task.Delay((int)record.Kinesis.Data.Length);
                    }
                    [|catch|]
                    {
                        continue;
                    }
                }

                return response;
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.KinesisEvents;

        public class Function
        {
            public async Task<StreamsEventResponse> Handle(KinesisEvent kinesisEvent, ILambdaContext context)
            {
                var response = new StreamsEventResponse { BatchItemFailures = new List<StreamsEventResponse.BatchItemFailure>() };
                foreach (var record in kinesisEvent.Records)
                {
                    if (record.Kinesis.Data is null)
                    {
                        response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Kinesis.SequenceNumber });
                        continue;
                    }

                    try
                    {
                        await Task.Delay((int)record.Kinesis.Data.Length);
                    }
                    catch
                    {
                        response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Kinesis.SequenceNumber });
                        continue;
                    }
                }

                return response;
            }
        }
        """);

    [Fact]
    public Task FixAll_PerRecordLambdaAndCountedLoop_OfADynamoDBHandler() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;

        public class Function
        {
            public async Task<StreamsEventResponse> Handle(DynamoDBEvent dynamoEvent, ILambdaContext context)
            {
                var failures = new List<StreamsEventResponse.BatchItemFailure>();
                await Parallel.ForEachAsync(dynamoEvent.Records, async (change, token) =>
                {
                    try
                    {
                        await Task.Delay(change.Dynamodb.Keys.Count, token);
                    }
                    [|catch (OperationCanceledException)|]
                    {
                    }
                });

                for (var i = 0; i < dynamoEvent.Records.Count; i++)
                {
                    try
                    {
                        context.Logger.LogInformation(dynamoEvent.Records[i].Dynamodb.Keys.ToJson());
                    }
                    [|catch (Exception ex)|]
                    {
                        context.Logger.LogError(ex.Message);
                    }
                }

                return new StreamsEventResponse { BatchItemFailures = failures };
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;

        public class Function
        {
            public async Task<StreamsEventResponse> Handle(DynamoDBEvent dynamoEvent, ILambdaContext context)
            {
                var failures = new List<StreamsEventResponse.BatchItemFailure>();
                await Parallel.ForEachAsync(dynamoEvent.Records, async (change, token) =>
                {
                    try
                    {
                        await Task.Delay(change.Dynamodb.Keys.Count, token);
                    }
                    catch (OperationCanceledException)
                    {
                        failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = change.Dynamodb.SequenceNumber });
                    }
                });

                for (var i = 0; i < dynamoEvent.Records.Count; i++)
                {
                    try
                    {
                        context.Logger.LogInformation(dynamoEvent.Records[i].Dynamodb.Keys.ToJson());
                    }
                    catch (Exception ex)
                    {
                        failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = dynamoEvent.Records[i].Dynamodb.SequenceNumber });
                        context.Logger.LogError(ex.Message);
                    }
                }

                return new StreamsEventResponse { BatchItemFailures = failures };
            }
        }
        """);

    [Fact]
    public Task TwoFailureLists_OrASqsLoopThatEnds_OrAListDeclaredLater_OfferNoFix() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task<SQSBatchResponse> TwoLists(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                var poison = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                return evnt.Records.Count > 10 ? new SQSBatchResponse(failures) : new SQSBatchResponse(poison);
            }

            public async Task<SQSBatchResponse> Ends(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                        break;
                    }
                }

                return new SQSBatchResponse(failures);
            }

            public async Task<SQSBatchResponse> Later(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                return new SQSBatchResponse(failures);
            }

            public async Task<SQSBatchResponse> NoList(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                return new SQSBatchResponse();
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task<SQSBatchResponse> TwoLists(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                var poison = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                return evnt.Records.Count > 10 ? new SQSBatchResponse(failures) : new SQSBatchResponse(poison);
            }

            public async Task<SQSBatchResponse> Ends(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                        break;
                    }
                }

                return new SQSBatchResponse(failures);
            }

            public async Task<SQSBatchResponse> Later(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                return new SQSBatchResponse(failures);
            }

            public async Task<SQSBatchResponse> NoList(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    [|catch (Exception)|]
                    {
                    }
                }

                return new SQSBatchResponse();
            }
        }
        """);
}
