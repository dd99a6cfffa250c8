using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

namespace NotificationsService;

/// <summary>A bounce or complaint the mail sender received for a notification.</summary>
public sealed record BounceReport(string Recipient, string NotificationId, string Kind);

/// <summary>
/// The bounce processor: a second function deployed from this assembly, whose container image starts the process with
/// <c>--bounces</c>; its entry point (not part of the sample) calls <see cref="RunAsync"/> or <see cref="RunComplaintsAsync"/>
/// instead of the top-level program. It marks the notification as bounced so that the API stops retrying the recipient.
/// </summary>
public static class BounceProcessor
{
    public static async Task RunAsync(string tableName)
    {
        // Init: runs once per execution environment.
        var dynamo = new AmazonDynamoDBClient();

        // Mistake (LMB0003): an Action<...> handler: the bootstrap regains control at the first await and ends the
        // invocation while the update is still running; declare it as a Func<BounceReport, ILambdaContext, Task>.
        Action<BounceReport, ILambdaContext> handler = async (report, context) =>
        {
            await MarkAsync(dynamo, tableName, report);
            context.Logger.LogInformation("{Kind} for {Recipient} on {NotificationId}", report.Kind, report.Recipient, report.NotificationId);
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }

    public static async Task RunComplaintsAsync(string tableName)
    {
        var dynamo = new AmazonDynamoDBClient();

        // Correct: the lambda's natural type is a Func returning Task, so the bootstrap awaits it.
        var handler = async (BounceReport report, ILambdaContext context) =>
        {
            await MarkAsync(dynamo, tableName, report with { Kind = "Complaint" });
            context.Logger.LogInformation("Complaint from {Recipient}", report.Recipient);
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }

    private static Task MarkAsync(IAmazonDynamoDB dynamo, string tableName, BounceReport report) =>
        dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new Dictionary<string, AttributeValue>
            {
                ["Recipient"] = new() { S = report.Recipient },
                ["Id"] = new() { S = report.NotificationId },
            },
            UpdateExpression = "SET #status = :status",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "Status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":status"] = new() { S = report.Kind.ToUpperInvariant() } },
        });
}
