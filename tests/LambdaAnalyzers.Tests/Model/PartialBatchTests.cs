using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>
/// Partial-batch handlers (<see cref="BatchSymbols"/>, <see cref="PartialBatchHandler"/>), and the batch event sources of
/// templates that leave partial-batch responses off (<see cref="BatchEventSources"/>).
/// </summary>
public sealed class PartialBatchTests
{
    [Fact]
    public async Task HandlerFamily_NeedsTheEventAndTheResponseOfOneFamily_DirectlyOrAsATask()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.DynamoDBEvents;
            using Amazon.Lambda.KinesisEvents;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                public SQSBatchResponse Sqs(SQSEvent e, ILambdaContext c) => new();
                public ValueTask<KinesisTimeWindowResponse> Window(KinesisTimeWindowEvent e, ILambdaContext c) => default;
                public Task<Amazon.Lambda.DynamoDBEvents.StreamsEventResponse> Dynamo(DynamoDBEvent e) => null!;
                public Task NoResponse(SQSEvent e, ILambdaContext c) => Task.CompletedTask;
                public Amazon.Lambda.KinesisEvents.StreamsEventResponse Mismatch(DynamoDBEvent e, ILambdaContext c) => new();
                public SQSBatchResponse NoEvent(string e, ILambdaContext c) => new();
            }
            """);
        var symbols = BatchSymbols.Get(compilation.Compilation);

        Assert.Equal(BatchFamily.Sqs, symbols.HandlerFamily(compilation.Method("Sqs")));
        Assert.Equal(BatchFamily.Kinesis, symbols.HandlerFamily(compilation.Method("Window")));
        Assert.Equal(BatchFamily.DynamoDB, symbols.HandlerFamily(compilation.Method("Dynamo")));
        Assert.Null(symbols.HandlerFamily(compilation.Method("NoResponse")));
        Assert.Null(symbols.HandlerFamily(compilation.Method("Mismatch")));
        Assert.Null(symbols.HandlerFamily(compilation.Method("NoEvent")));
    }

    [Fact]
    public async Task ResponseDeclaredInUserCode_IsNotTheLibrarys()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using Amazon.Lambda.Core;

            namespace Amazon.Lambda.SQSEvents
            {
                // The library's name, declared in the project: the compiler takes this one (CS0436).
                public class SQSBatchResponse { }
            }

            public class Function
            {
                public Amazon.Lambda.SQSEvents.SQSBatchResponse Handle(Amazon.Lambda.SQSEvents.SQSEvent e, ILambdaContext c) => new();
            }
            """);

        Assert.Null(BatchSymbols.Get(compilation.Compilation).HandlerFamily(compilation.Method("Handle")));
    }

    [Fact]
    public async Task PartialBatchHandler_FindsItsRecordLoops_AndItsOnlyFailureList()
    {
        var compilation = await ModelCompilation.CreateAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
                {
                    var failures = new List<SQSBatchResponse.BatchItemFailure>();
                    var records = evnt.Records ?? [];
                    foreach (var message in records)
                    {
                    }

                    for (var i = 0; i < evnt.Records.Count; i++)
                    {
                        var message = evnt.Records[i];
                    }

                    foreach (var number in new[] { 1, 2 })
                    {
                    }

                    await Task.WhenAll(evnt.Records.Select(m => Task.CompletedTask));
                    return new SQSBatchResponse { BatchItemFailures = failures };
                }
            }
            """);
        var scope = compilation.Scope("Handle")!;

        var handler = PartialBatchHandler.TryCreate(scope, scope.Regions.Single(), BatchSymbols.Get(compilation.Compilation));

        Assert.NotNull(handler);
        Assert.Equal(BatchFamily.Sqs, handler.Family);
        Assert.Equal(["message", "message", "m"], handler.Loops.Select(l => l.RecordVariable?.Name));
        Assert.NotNull(handler.Loops[1].Counter);
        Assert.Equal("failures", handler.OnlyFailureList?.Local.Name);
        Assert.False(handler.OnlyFailureList?.IsResponse);
    }

    [Fact]
    public void DeploymentNodes_KeepTheSpanOfTheirKey_AndTheTagAndTextOfATaggedValue()
    {
        var text = SourceText.From("""
            Resources:
              Mapping:
                Properties:
                  FunctionName: !Ref QueueFunction
                  EventSourceArn: !GetAtt [Queue, Arn]
            """);

        var root = DeploymentFileReader.Read(text, out var problem);

        Assert.Null(problem);
        var mapping = root!["Resources"]!["Mapping"]!;
        Assert.Equal("Mapping", text.ToString(mapping.KeySpan));
        var name = mapping["Properties"]!["FunctionName"]!;
        Assert.Null(name.Scalar);
        Assert.True(name.IsUnknown);
        Assert.Equal(("!Ref", "QueueFunction"), (name.Tag, name.Text));
        var arn = mapping["Properties"]!["EventSourceArn"]!;
        Assert.Equal("!GetAtt", arn.Tag);
        Assert.Equal(["Queue", "Arn"], arn.Sequence!.Select(item => item.Scalar));
    }

    [Fact]
    public void BatchEventSources_AreTheSourcesWithoutReportBatchItemFailures_WithTheirFunctionsHandler()
    {
        var text = SourceText.From("""
            Globals:
              Function:
                Handler: Shop::Shop.Queue::Default
                Runtime: dotnet8
            Resources:
              Importer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Queue::Import
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Orders.Arn
                    Refunds:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Refunds.Arn
                        FunctionResponseTypes: [ReportBatchItemFailures]
              Changes:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet10
                  Events:
                    Ledger:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Ledger.StreamArn
                        StartingPosition: TRIM_HORIZON
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: { "Fn::GetAtt": [Importer, Arn] }
                  EventSourceArn: !GetAtt Retries.Arn
              Image:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Orders.Arn
            """);

        var sources = BatchEventSources.Read(text).Sources;

        Assert.Equal(
            [
                ("Orders", BatchFamily.Sqs, "Shop::Shop.Queue::Import", "dotnet8"),
                ("Ledger", BatchFamily.DynamoDB, "Shop::Shop.Queue::Default", "dotnet10"),
                ("Mapping", (BatchFamily?)null, "Shop::Shop.Queue::Import", "dotnet8"),
            ],
            sources.Select(s => (s.Name, s.Family, s.Handler.Text, s.Handler.Runtime)));
        Assert.All(sources, s => Assert.Equal(s.Name, text.ToString(s.KeySpan)));
    }

    [Fact]
    public void BatchEventSources_OfAFileWithoutResources_AreNone()
    {
        Assert.Empty(BatchEventSources.Read(SourceText.From("{ \"function-handler\": \"Shop::Shop.Queue::Import\" }")).Sources);
        Assert.Empty(BatchEventSources.Read(SourceText.From("Resources: [ {")).Sources);
        Assert.Empty(BatchEventSources.Read(SourceText.From(string.Empty)).Sources);
    }
}
