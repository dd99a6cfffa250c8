using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.BatchRecordNotReportedAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LMB0015 in code: records dropped by a catch, SQS loops ended after one report, wrong item identifiers.</summary>
public sealed class BatchRecordNotReportedAnalyzerTests
{
    private const string Deleted = "it is deleted";
    private const string MovedPast = "Lambda moves past it";

    private static DiagnosticResult Dropped(int location, string consequence = Deleted) =>
        Verify.Diagnostic(BatchRecordNotReportedAnalyzer.DroppedRule).WithLocation(location).WithArguments(consequence)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult LoopEnd(int location) => Verify.Diagnostic(BatchRecordNotReportedAnalyzer.LoopEndRule).WithLocation(location);

    private static DiagnosticResult Identifier(int location, string what, string identifier = "'MessageId'") =>
        Verify.Diagnostic(BatchRecordNotReportedAnalyzer.IdentifierRule).WithLocation(location).WithArguments(what, identifier);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        """;

    /// <summary>The stream events, whose <c>StreamsEventResponse</c> types share a name: tests name one in full.</summary>
    private const string StreamUsings = """
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        using KinesisResponse = Amazon.Lambda.KinesisEvents.StreamsEventResponse;
        using DynamoResponse = Amazon.Lambda.DynamoDBEvents.StreamsEventResponse;
        """;

    /// <summary>An SQS handler returning <c>SQSBatchResponse(failures)</c>, with helpers to process and park a message.</summary>
    private static string Sqs(string body, string members = "") => $$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                {{body}}
                return new SQSBatchResponse(failures);
            }

            private static Task ProcessAsync(SQSEvent.SQSMessage message) => Task.CompletedTask;

            private static Task ParkAsync(SQSEvent.SQSMessage message) => Task.CompletedTask;

            private static Task ParkAsync(string body) => Task.CompletedTask;

            {{members}}
        }
        """;

    // ---- Dropped records ---------------------------------------------------------------------------------------------

    [Fact]
    public Task SqsCatchThatOnlyLogs_IsReportedOnItsHead() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#0:catch (Exception ex)|}
            {
                context.Logger.LogError(ex, "Processing {MessageId} failed", message.MessageId);
            }
        }
        """), Dropped(0));

    [Fact]
    public Task EmptyCatchWithoutDeclaration_AndContinue_AreReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records ?? [])
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#0:catch|}
            {
            }
        }

        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#1:catch (InvalidOperationException)|}
            {
                Console.WriteLine("Skipping " + message.Body);
                continue;
            }

            await ProcessAsync(message);
        }
        """), Dropped(0), Dropped(1));

    [Fact]
    public Task CatchThatBreaksWithoutReporting_IsReportedAsADrop() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#0:catch (OperationCanceledException)|}
            {
                break;
            }
        }
        """), Dropped(0));

    [Fact]
    public Task CatchInsideIfAtTheEndOfTheIteration_CountingFailures_IsReported() => VerifyAsync(Sqs("""
        var failed = 0;
        foreach (var message in evnt.Records)
        {
            if (message.Body.Length > 0)
            {
                try
                {
                    await ProcessAsync(message);
                }
                {|#0:catch (Exception ex)|} when (ex is not OutOfMemoryException)
                {
                    failed++;
                    System.Diagnostics.Trace.TraceError(ex.Message);
                }
            }
        }

        context.Logger.LogInformation($"{failed} failed");
        """), Dropped(0));

    [Fact]
    public Task CatchThatOnlyWritesTheRecordToDebugOutput_IsReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#0:catch (Exception)|}
            {
                System.Diagnostics.Debug.WriteLine(message.Body);
                System.Diagnostics.Debug.Print(message.MessageId);
            }
        }
        """), Dropped(0));

    [Fact]
    public Task CountedForLoop_IsReported() => VerifyAsync(Sqs("""
        for (var i = 0; i < evnt.Records.Count; i++)
        {
            try
            {
                await ProcessAsync(evnt.Records[i]);
            }
            {|#0:catch (Exception ex)|}
            {
                LambdaLogger.Log(ex.ToString());
            }
        }
        """), Dropped(0));

    [Fact]
    public Task PerRecordLambdas_AreReported() => VerifyAsync(Sqs("""
        await Task.WhenAll(evnt.Records.Select(async message =>
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#0:catch (Exception ex)|}
            {
                context.Logger.LogWarning(ex.Message);
            }
        }));

        await Parallel.ForEachAsync(evnt.Records, async (message, token) =>
        {
            try
            {
                await ProcessAsync(message);
            }
            {|#1:catch (Exception ex)|}
            {
                context.Logger.LogWarning(ex.Message);
                return;
            }
        });

        evnt.Records.ForEach(message =>
        {
            try
            {
                ProcessAsync(message).Wait();
            }
            {|#2:catch (AggregateException)|}
            {
            }
        });
        """), Dropped(0), Dropped(1), Dropped(2));

    [Fact]
    public Task KinesisAndDynamoDBHandlers_LambdaMovesPastTheRecord() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public async Task<KinesisResponse> OnKinesis(KinesisEvent kinesisEvent, ILambdaContext context)
            {
                foreach (var record in kinesisEvent.Records)
                {
                    try
                    {
                        await Task.Delay((int)record.Kinesis.Data.Length);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        context.Logger.LogError(ex, "failed");
                    }
                }

                return new KinesisResponse { BatchItemFailures = [] };
            }

            public DynamoDBTimeWindowResponse OnWindow(DynamoDBTimeWindowEvent window, ILambdaContext context)
            {
                var state = new Dictionary<string, string>(window.State);
                foreach (var record in window.Records)
                {
                    try
                    {
                        state[record.Dynamodb.Keys["Id"].S] = record.EventName;
                    }
                    {|#1:catch (KeyNotFoundException)|}
                    {
                    }
                }

                return new DynamoDBTimeWindowResponse { State = state };
            }

            public async ValueTask<KinesisTimeWindowResponse> OnKinesisWindow(KinesisTimeWindowEvent window, ILambdaContext context)
            {
                await Parallel.ForEachAsync(window.Records, async (record, token) =>
                {
                    try
                    {
                        await Task.Delay(1, token);
                        Console.WriteLine(record.EventId);
                    }
                    {|#2:catch (TaskCanceledException)|}
                    {
                    }
                });

                return new KinesisTimeWindowResponse();
            }
        }
        """, Dropped(0, MovedPast), Dropped(1, MovedPast), Dropped(2, MovedPast));

    [Fact]
    public Task NestedHandlerLambda_IsReported() => Verify.VerifyProgramAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using Amazon.Lambda.SQSEvents;

        Func<SQSEvent, ILambdaContext, Task<SQSBatchResponse>> handler = async (evnt, context) =>
        {
            var response = new SQSBatchResponse();
            foreach (var message in evnt.Records)
            {
                try
                {
                    await Task.Delay(message.Body.Length);
                }
                {|#0:catch (Exception ex)|}
                {
                    context.Logger.LogError(ex.Message);
                }
            }

            return response;
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, Dropped(0));

    [Fact]
    public async Task LoggingThroughILogger_IsNotHandingTheRecordOn()
    {
        var test = new Verify.Test
        {
            TestCode = Sqs(
                """
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await ProcessAsync(message);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        _logger.LogError(ex, "Processing {MessageId} failed: {Body}", message.MessageId, message.Body);
                        LogFailed(_logger, message.MessageId);
                    }
                }
                """,
                """
                private readonly Microsoft.Extensions.Logging.ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                private static void LogFailed(Microsoft.Extensions.Logging.ILogger logger, string messageId) => logger.LogWarning(messageId);
                """).Replace("using System;", "using System;\nusing Microsoft.Extensions.Logging;"),
            ReferenceAssemblies = TestReferences.Net80AspNetCore,
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.Add(Dropped(0));
        await test.RunAsync();
    }

    // ---- An SQS loop ended after reporting one message -------------------------------------------------------------

    [Fact]
    public Task SqsCatchReportingThenBreaking_IsReportedOnTheBreak() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                {|#0:break|};
            }
        }
        """), LoopEnd(0));

    [Fact]
    public Task SqsCatchReportingThenReturning_IsReportedOnTheReturn() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                failures.Add(new() { ItemIdentifier = message.MessageId });
                {|#0:return|} new SQSBatchResponse(failures);
            }
        }

        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                {|#1:return|} new SQSBatchResponse { BatchItemFailures = [new() { ItemIdentifier = message.MessageId }] };
            }
        }
        """), LoopEnd(0), LoopEnd(1));

    // ---- Item identifiers --------------------------------------------------------------------------------------------

    [Fact]
    public Task WrongSqsIdentifiers_AreReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            var handle = message.ReceiptHandle;
            try
            {
                await ProcessAsync(message);
            }
            catch (InvalidOperationException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = {|#0:message.ReceiptHandle|} });
            }
            catch (ArgumentException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = {|#1:message.Body|} });
            }
            catch (FormatException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = {|#2:"failed"|} });
            }
            catch (TimeoutException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = {|#3:Guid.NewGuid().ToString()|} });
            }
            catch (NotSupportedException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = {|#4:handle|} });
            }
            catch (Exception)
            {
                var failure = new SQSBatchResponse.BatchItemFailure();
                failure.ItemIdentifier = {|#5:message?.Attributes["MessageGroupId"]|};
                failures.Add(failure);
            }
        }
        """),
        Identifier(0, "'ReceiptHandle'"),
        Identifier(1, "'Body'"),
        Identifier(2, "a constant"),
        Identifier(3, "a new GUID"),
        Identifier(4, "'ReceiptHandle'"),
        Identifier(5, "'Attributes'"));

    [Fact]
    public Task WrongStreamIdentifiers_AreReported() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public KinesisResponse OnKinesis(KinesisEvent kinesisEvent, ILambdaContext context) => new()
            {
                BatchItemFailures = kinesisEvent.Records
                    .Select(r => new KinesisResponse.BatchItemFailure { ItemIdentifier = {|#0:r.EventId|} })
                    .Concat(kinesisEvent.Records.Select(r => new KinesisResponse.BatchItemFailure { ItemIdentifier = {|#1:r.Kinesis.PartitionKey|} }))
                    .ToList(),
            };

            public DynamoResponse OnDynamo(DynamoDBEvent dynamoEvent, ILambdaContext context) => new()
            {
                BatchItemFailures = dynamoEvent.Records
                    .Select(r => new DynamoResponse.BatchItemFailure { ItemIdentifier = {|#2:r.EventID|} })
                    .ToList(),
            };
        }
        """,
        Identifier(0, "'EventId'", "sequence number"),
        Identifier(1, "'PartitionKey'", "sequence number"),
        Identifier(2, "'EventID'", "sequence number"));

    // ---- Not reported ------------------------------------------------------------------------------------------------

    [Fact]
    public Task HandlerWithoutPartialBatchResponse_IsNotReported() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public async Task Handle(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    catch (Exception ex)
                    {
                        context.Logger.LogError(ex.Message);
                    }
                }
            }

            public KinesisResponse Mismatched(SQSEvent evnt, ILambdaContext context)
            {
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        Console.WriteLine(message.Body);
                    }
                    catch (Exception)
                    {
                    }
                }

                return new KinesisResponse();
            }
        }
        """);

    [Fact]
    public Task CatchThatRethrowsOrThrows_IsNotReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (TimeoutException ex)
            {
                context.Logger.LogError(ex, "failed");
                throw;
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException("Processing " + message.MessageId + " failed", ex);
            }
        }
        """));

    [Fact]
    public Task CatchThatReportsTheRecord_IsNotReported() => VerifyAsync(Sqs("""
        var response = new SQSBatchResponse();
        var bag = new ConcurrentBag<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (InvalidOperationException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
            catch (TimeoutException)
            {
                response.BatchItemFailures.Add(new() { ItemIdentifier = message.MessageId });
            }
            catch (Exception)
            {
                bag.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }
        """));

    [Fact]
    public Task CatchThatHandsTheRecordOn_IsNotReported() => VerifyAsync(Sqs(
        """
        var failedIds = new List<string>();
        foreach (var message in evnt.Records)
        {
            var body = message.Body.Trim();
            try
            {
                await ProcessAsync(message);
            }
            catch (InvalidOperationException)
            {
                await ParkAsync(message);
            }
            catch (ArgumentException)
            {
                await ParkAsync(body);
            }
            catch (FormatException)
            {
                failedIds.Add(message.MessageId);
            }
            catch (Exception)
            {
                _deadLetters.Enqueue(new Parked { Body = message.Body });
            }
        }
        """,
        """
        private readonly Queue<Parked> _deadLetters = new();

        private sealed class Parked
        {
            public string? Body { get; set; }
        }
        """));

    [Fact]
    public Task CatchThatSetsAFlagReportedLater_OrRecovers_IsNotReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            var failed = false;
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                failed = true;
            }

            if (failed)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }

            int priority;
            try
            {
                priority = int.Parse(message.Attributes["Priority"]);
            }
            catch (FormatException)
            {
                context.Logger.LogWarning("No priority");
            }

            await ProcessAsync(message);
        }
        """));

    [Fact]
    public Task TryThatIsNotAboutTheRecord_IsNotReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            await ProcessAsync(message);
            try
            {
                await Task.Delay(10);
            }
            catch (Exception ex)
            {
                context.Logger.LogWarning("Metrics failed: " + ex.Message);
            }
        }
        """));

    [Fact]
    public Task CatchWithAFilterThatCallsAMethod_IsNotReported() => VerifyAsync(Sqs(
        """
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception ex) when (LogAndPass(ex))
            {
            }
        }
        """,
        "private static bool LogAndPass(Exception ex) => false;"));

    [Fact]
    public Task StreamCatchReportingThenBreaking_IsNotReported() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public async Task<KinesisResponse> Handle(KinesisEvent kinesisEvent, ILambdaContext context)
            {
                var failures = new List<KinesisResponse.BatchItemFailure>();
                foreach (var record in kinesisEvent.Records)
                {
                    try
                    {
                        await Task.Delay((int)record.Kinesis.Data.Length);
                    }
                    catch (Exception)
                    {
                        failures.Add(new KinesisResponse.BatchItemFailure { ItemIdentifier = record.Kinesis.SequenceNumber });
                        break;
                    }
                }

                return new KinesisResponse { BatchItemFailures = failures };
            }
        }
        """);

    [Fact]
    public Task SqsLoopEndedAfterReportingTheRemainingMessages_IsNotReported() => VerifyAsync(Sqs("""
        for (var i = 0; i < evnt.Records.Count; i++)
        {
            var message = evnt.Records[i];
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                foreach (var rest in evnt.Records.Skip(i))
                {
                    failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = rest.MessageId });
                }

                break;
            }
        }

        for (var i = 0; i < evnt.Records.Count; i++)
        {
            try
            {
                await ProcessAsync(evnt.Records[i]);
            }
            catch (Exception)
            {
                failures.AddRange(evnt.Records.Skip(i).Select(m => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = m.MessageId }));
                break;
            }
        }

        var stopped = false;
        foreach (var message in evnt.Records)
        {
            if (stopped)
            {
                break;
            }

            try
            {
                await ProcessAsync(message);
            }
            catch (Exception)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                break;
            }
        }

        failures.AddRange(evnt.Records.Where(m => !failures.Any(f => f.ItemIdentifier == m.MessageId)).Select(m => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = m.MessageId }));
        """));

    [Fact]
    public Task PerRecordLambdaThatReturnsItsResult_IsNotReported() => VerifyAsync(Sqs("""
        var results = await Task.WhenAll(evnt.Records.Select(async message =>
        {
            try
            {
                await ProcessAsync(message);
                return null;
            }
            catch (Exception)
            {
                return message.MessageId;
            }
        }));

        failures.AddRange(results.OfType<string>().Select(id => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = id }));
        """));

    [Fact]
    public Task CatchOfAnInnerLoop_TryAroundTheLoop_AndLoopsOverOtherThings_AreNotReported() => VerifyAsync(Sqs("""
        foreach (var message in evnt.Records)
        {
            foreach (var line in message.Body.Split('\n'))
            {
                try
                {
                    await ParkAsync(line);
                }
                catch (Exception)
                {
                    continue;
                }
            }
        }

        try
        {
            foreach (var message in evnt.Records)
            {
                await ProcessAsync(message);
            }
        }
        catch (Exception ex)
        {
            context.Logger.LogError(ex.Message);
        }

        foreach (var body in new[] { "a", "b" })
        {
            try
            {
                await ParkAsync(body);
            }
            catch (Exception)
            {
            }
        }
        """));

    [Fact]
    public Task CatchInAMethodTheLoopCalls_IsNotReportedYet() => VerifyAsync(Sqs(
        """
        foreach (var message in evnt.Records)
        {
            await TryProcessAsync(message, context);
        }
        """,
        """
        private static async Task TryProcessAsync(SQSEvent.SQSMessage message, ILambdaContext context)
        {
            try
            {
                await ProcessAsync(message);
            }
            catch (Exception ex)
            {
                context.Logger.LogError(ex.Message);
            }
        }
        """));

    [Fact]
    public Task RightAndUnknownIdentifiers_AreNotReported() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public class Function
        {
            public SQSBatchResponse OnSqs(SQSEvent evnt, ILambdaContext context) =>
                new(evnt.Records.Select(m => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = m.MessageId }).ToList());

            public KinesisTimeWindowResponse OnKinesis(KinesisTimeWindowEvent window, ILambdaContext context) => new()
            {
                BatchItemFailures = window.Records
                    .Select(r => new KinesisTimeWindowResponse.BatchItemFailure { ItemIdentifier = r.Kinesis.SequenceNumber })
                    .Concat(window.Records.Select(r => r.Kinesis).Select(k => new KinesisTimeWindowResponse.BatchItemFailure { ItemIdentifier = k?.SequenceNumber }))
                    .ToList(),
            };

            public DynamoDBTimeWindowResponse OnDynamo(DynamoDBTimeWindowEvent window, ILambdaContext context) => new()
            {
                BatchItemFailures = window.Records
                    .Select(r => new DynamoDBTimeWindowResponse.BatchItemFailure { ItemIdentifier = r.Dynamodb.SequenceNumber })
                    .Concat(window.Records.Select(r => new DynamoDBTimeWindowResponse.BatchItemFailure { ItemIdentifier = IdOf(r) }))
                    .ToList(),
            };

            public SQSBatchResponse FromParameter(string failedId, ILambdaContext context) =>
                new([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = failedId }]);

            private static string IdOf(DynamoDBEvent.DynamodbStreamRecord record) => record.Dynamodb.SequenceNumber;
        }
        """);

    [Fact]
    public Task IdentifiersOutsidePerInvocationCode_AreNotReported() => VerifyAsync($$"""
        {{Usings}}
        {{StreamUsings}}

        public static class ExpectedResponses
        {
            public static SQSBatchResponse OneFailure() => new([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "message-1" }]);
        }
        """);

    // ---- Projects, generated code, broken code -----------------------------------------------------------------------

    [Fact]
    public async Task WithoutAmazonLambdaCore_NothingIsReported()
    {
        var test = new Verify.Test
        {
            WithoutLambda = true,
            TestCode = """
                using System;
                using System.Collections.Generic;
                using Amazon.Lambda.SQSEvents;

                public class Consumer
                {
                    public SQSBatchResponse Handle(SQSEvent evnt)
                    {
                        foreach (var message in evnt.Records)
                        {
                            try
                            {
                                Console.WriteLine(message.Body);
                            }
                            catch (Exception)
                            {
                            }
                        }

                        return new SQSBatchResponse([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "x" }]);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Amazon.Lambda.SQSEvents.SQSEvent).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_IsNotReported()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.g.cs", "// <auto-generated/>\n" + Sqs("""
            foreach (var message in evnt.Records)
            {
                try
                {
                    await ProcessAsync(message);
                }
                catch (Exception)
                {
                    failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.ReceiptHandle });
                }

                try
                {
                    await ProcessAsync(message);
                }
                catch (Exception)
                {
                }
            }
            """)));
        FunctionProject.WithoutTestUtilities(test.TestState);
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedLoop_NoException()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                {{Usings}}

                public class Function
                {
                    public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
                    {
                        var failures = new List<SQSBatchResponse.BatchItemFailure>();
                        foreach (var message in evnt.Recrds)
                        {
                            try
                            {
                                await Unknown(message);
                            }
                            catch (MissingException ex) when (ex.
                            {
                                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message. });
                            }
                        }

                        for (var i = 0; i < evnt.Records.Count; i++)
                        {
                            try { await Unknown(evnt.Records[i]); } catch (Exception) { failures.Add(new() { ItemIdentifier = Guid. }); }
                        }

                        return new SQSBatchResponse(failures
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        await test.RunAsync();
    }
}
