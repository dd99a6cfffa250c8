using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.BatchRecordNotReportedAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0015 in a deployment file: a batch event source of a function whose handler returns a partial-batch response,
/// without <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>. Reported on the source's key; markup cannot reach
/// the file, so the spans are given explicitly (line and column, 1-based).
/// </summary>
public sealed class BatchRecordNotReportedEventSourceTests
{
    private const string Template = "/0/template.yaml";
    private const string Deleted = "the failed messages are deleted with the others";
    private const string MovedPast = "it moves past the failed records";

    private const string Code = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.KinesisEvents;
        using Amazon.Lambda.SQSEvents;

        namespace Queue
        {
            public class Function
            {
                public SQSBatchResponse Handle(SQSEvent evnt, ILambdaContext context) => new();

                public Task<StreamsEventResponse> OnStream(KinesisEvent kinesisEvent, ILambdaContext context) => Task.FromResult(new StreamsEventResponse());

                public Task Plain(SQSEvent evnt, ILambdaContext context) => Task.CompletedTask;
            }
        }
        """;

    /// <param name="width">The key's width in the file: its name's, or more with quotes.</param>
    private static DiagnosticResult At(string path, int line, int column, string name, string consequence = Deleted, int? width = null) =>
        Verify.Diagnostic(BatchRecordNotReportedAnalyzer.EventSourceRule)
            .WithSpan(path, line, column, line, column + (width ?? name.Length))
            .WithArguments(name, consequence);

    private static Task VerifyAsync(string template, params DiagnosticResult[] expected) => VerifyAsync(Template, template, null, expected);

    private static Task VerifyAsync(string path, string template, string? targetFramework, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((path, template));
        if (targetFramework is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.TargetFramework = {targetFramework}\n"));
        }

        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task SamEventsWithoutReportBatchItemFailures_AreReportedOnTheirKeys() => VerifyAsync("""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          QueueFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Queue.Function::Handle
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
                Refunds:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt RefundsQueue.Arn
                    FunctionResponseTypes:
                      - ReportBatchItemFailures
                Retries:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt RetriesQueue.Arn
                    FunctionResponseTypes: []
                Api:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: post
          StreamFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Queue.Function::OnStream
              Events:
                Clicks:
                  Type: Kinesis
                  Properties:
                    Stream: !GetAtt ClickStream.Arn
                    StartingPosition: LATEST
        """,
        At(Template, 8, 9, "Orders"),
        At(Template, 18, 9, "Retries"),
        At(Template, 33, 9, "Clicks", MovedPast));

    [Fact]
    public Task EventSourceMappingsReferringToTheFunction_AreReportedOnTheirLogicalIds() => VerifyAsync("""
        Resources:
          QueueFunction:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: order-importer
              Handler: TestProject::Queue.Function::Handle
              Runtime: dotnet8
          ByRef:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref QueueFunction
              EventSourceArn: !GetAtt OrdersQueue.Arn
          ByGetAtt:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !GetAtt QueueFunction.Arn
              EventSourceArn: !GetAtt OrdersQueue.Arn
          ByGetAttList:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !GetAtt [QueueFunction, Arn]
              EventSourceArn: !GetAtt OrdersQueue.Arn
          ByName:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: order-importer
              EventSourceArn: !GetAtt OrdersQueue.Arn
          Enabled:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref QueueFunction
              EventSourceArn: !GetAtt RefundsQueue.Arn
              FunctionResponseTypes: [ReportBatchItemFailures]
          OtherFunction:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref Elsewhere
              EventSourceArn: !GetAtt OrdersQueue.Arn
        """,
        At(Template, 8, 3, "ByRef"),
        At(Template, 13, 3, "ByGetAtt"),
        At(Template, 18, 3, "ByGetAttList"),
        At(Template, 23, 3, "ByName"));

    [Fact]
    public Task JsonTemplate_LongFormReferences_AreReported()
    {
        const string path = "/0/serverless.template";
        return VerifyAsync(path, """
            {
              "Resources": {
                "QueueFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Queue.Function::Handle",
                    "Events": { "Orders": { "Type": "SQS", "Properties": { "Queue": { "Fn::GetAtt": [ "OrdersQueue", "Arn" ] } } } }
                  }
                },
                "Mapping": {
                  "Type": "AWS::Lambda::EventSourceMapping",
                  "Properties": { "FunctionName": { "Ref": "QueueFunction" }, "EventSourceArn": { "Fn::GetAtt": [ "OrdersQueue", "Arn" ] } }
                }
              }
            }
            """,
            null,
            At(path, 7, 21, "Orders", width: 8),
            At(path, 10, 5, "Mapping", width: 9));
    }

    [Fact]
    public Task HandlersWithoutPartialResponses_OtherFamilies_AssembliesAndUnknownSettings_AreNotReported() => VerifyAsync("""
        Globals:
          Function:
            Handler: TestProject::Queue.Function::Plain
        Resources:
          PlainFunction:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
          StreamFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Queue.Function::OnStream
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
          OtherProject:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Billing::Billing.Function::Handle
              Events:
                Invoices:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt InvoicesQueue.Arn
          Conditional:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Queue.Function::Handle
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
                    FunctionResponseTypes: !If [Partial, [ReportBatchItemFailures], []]
                Computed:
                  Type: SQS
                  Properties: !Ref QueueProperties
          Missing:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Queue.Function::Missing
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
        """);

    [Theory]
    [InlineData("net8.0", 1)]
    [InlineData("net10.0", 0)]
    public Task FunctionOfAnotherRuntime_IsCheckedInItsOwnBuild(string targetFramework, int reports) => VerifyAsync(
        Template,
        """
        Resources:
          QueueFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              Handler: TestProject::Queue.Function::Handle
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt OrdersQueue.Arn
        """,
        targetFramework,
        reports == 1 ? [At(Template, 8, 9, "Orders")] : []);

    [Fact]
    public async Task AFileOfAnotherName_IsNotRead()
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/queues.yaml", """
            Resources:
              QueueFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Queue.Function::Handle
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt OrdersQueue.Arn
            """));
        FunctionProject.WithoutTestUtilities(test.TestState);
        await test.RunAsync();
    }
}
