// LMB0001 in an executable with Main: Main's own code runs once per execution environment; only the handler it
// registers (here a local function) and what that handler calls run per invocation.
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SQS;

namespace DoNotReport.Lmb0001.MainProgram;

public sealed record StockUpdate(string Sku, int Delta);

public static class Program
{
    public static async Task Main(string[] args)
    {
        // Case: clients created in Main before the bootstrap runs, captured by the handler local function.
        var dynamo = new AmazonDynamoDBClient();
        var sqs = CreateQueueClient();
        var table = Environment.GetEnvironmentVariable("STOCK_TABLE") ?? "Stock";
        var lowStockQueueUrl = Environment.GetEnvironmentVariable("LOW_STOCK_QUEUE_URL") ?? "";

        // Case: the initializer given to UseBootstrapHandler is init code.
        await LambdaBootstrapBuilder.Create<StockUpdate, int>(HandleAsync, new DefaultLambdaJsonSerializer())
            .UseBootstrapHandler(async () =>
            {
                using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                using var response = await probe.GetAsync("https://status.example.com/stock-service");
                return response.IsSuccessStatusCode;
            })
            .Build()
            .RunAsync();

        async Task<int> HandleAsync(StockUpdate update, ILambdaContext context)
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = new Dictionary<string, AttributeValue> { ["Sku"] = new() { S = update.Sku } },
                UpdateExpression = "ADD OnHand :delta",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":delta"] = new() { N = update.Delta.ToString() } },
                ReturnValues = ReturnValue.UPDATED_NEW,
            });

            var onHand = int.Parse(response.Attributes["OnHand"].N);
            if (onHand < 5)
            {
                context.Logger.LogWarning("{Sku} is low: {OnHand}", update.Sku, onHand);
                await sqs.SendMessageAsync(lowStockQueueUrl, update.Sku);
            }

            return onHand;
        }

        // Case: a local function of Main that the handler never calls.
        AmazonSQSClient CreateQueueClient() =>
            args.Contains("--local") ? new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = "http://localhost:9324" }) : new AmazonSQSClient();
    }
}
