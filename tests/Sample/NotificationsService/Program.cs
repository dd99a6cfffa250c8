using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using NotificationsService;

// The Notifications Service behind an HTTP API (payload format 2.0):
//   POST /notifications  stores the notification and queues it for the mail sender
//   GET  /notifications?recipient=...&limit=...&after=...  lists a recipient's notifications, newest first

// Init: everything before RunAsync() runs once per execution environment, before the first invocation.
// Correct: a client created here and captured by the handler is shared by every invocation.
var tableName = Setting("NOTIFICATIONS_TABLE");
var queueUrl = Setting("NOTIFICATIONS_QUEUE_URL");
var opsWebhookUrl = Environment.GetEnvironmentVariable("OPS_WEBHOOK_URL");
var dynamo = new AmazonDynamoDBClient();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

var handler = async (APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
{
    try
    {
        return request.RouteKey switch
        {
            "POST /notifications" => await SendAsync(request, context.Logger),
            "GET /notifications" => await ListAsync(request, context.Logger),
            _ => Respond(HttpStatusCode.NotFound, new ErrorResponse($"No route for '{request.RouteKey}'.")),
        };
    }
    catch (AmazonServiceException ex)
    {
        context.Logger.LogError(ex, "{RouteKey} failed on {Service} ({ErrorCode})", request.RouteKey, ex.GetType().Name, ex.ErrorCode);
        if (opsWebhookUrl is not null)
        {
            // Mistake (LMB0001): a new HttpClient, with a connection pool of its own, on every failed invocation.
            using var http = new HttpClient();
            await http.PostAsJsonAsync(opsWebhookUrl, new { text = $"notifications: {ex.ErrorCode} on {request.RouteKey}, request {context.AwsRequestId}" });
        }

        return Respond(HttpStatusCode.BadGateway, new ErrorResponse("A downstream service failed; try again."));
    }
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

async Task<APIGatewayHttpApiV2ProxyResponse> SendAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaLogger logger)
{
    SendNotificationRequest? body;
    try
    {
        body = JsonSerializer.Deserialize<SendNotificationRequest>(request.Body ?? "", json);
    }
    catch (JsonException)
    {
        body = null;
    }

    if ((body is null ? "The body is not a JSON notification." : body.Validate()) is { } problem)
    {
        return Respond(HttpStatusCode.BadRequest, new ErrorResponse(problem));
    }

    var notification = Notification.Create(body!, DateTimeOffset.UtcNow);
    await dynamo.PutItemAsync(new PutItemRequest
    {
        TableName = tableName,
        Item = notification.ToItem(),
        ConditionExpression = "attribute_not_exists(Id)",
    });
    await EnqueueAsync(notification);

    logger.LogInformation("Queued notification {Id} for {Recipient}", notification.Id, notification.Recipient);
    return Respond(HttpStatusCode.Accepted, notification);
}

async Task EnqueueAsync(Notification notification)
{
    // Mistake (LMB0001): this local function runs on every POST, because the handler calls it (through SendAsync);
    // create the SQS client once, before the bootstrap, like 'dynamo'.
    using var sqs = new AmazonSQSClient();
    await sqs.SendMessageAsync(new SendMessageRequest
    {
        QueueUrl = queueUrl,
        MessageBody = JsonSerializer.Serialize(notification, json),
        MessageAttributes = new Dictionary<string, MessageAttributeValue>
        {
            ["Recipient"] = new() { DataType = "String", StringValue = notification.Recipient },
        },
    });
}

async Task<APIGatewayHttpApiV2ProxyResponse> ListAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaLogger logger)
{
    var query = request.QueryStringParameters ?? new Dictionary<string, string>();
    if (!query.TryGetValue("recipient", out var recipient) || string.IsNullOrWhiteSpace(recipient))
    {
        return Respond(HttpStatusCode.BadRequest, new ErrorResponse("'recipient' is required."));
    }

    recipient = recipient.Trim().ToLowerInvariant();
    var limit = query.TryGetValue("limit", out var text) && int.TryParse(text, out var requested) ? Math.Clamp(requested, 1, 100) : 20;

    var response = await dynamo.QueryAsync(new QueryRequest
    {
        TableName = tableName,
        KeyConditionExpression = "Recipient = :recipient",
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":recipient"] = new() { S = recipient } },
        ScanIndexForward = false,
        Limit = limit,
        ExclusiveStartKey = query.TryGetValue("after", out var after) && after.Length > 0
            ? new Dictionary<string, AttributeValue> { ["Recipient"] = new() { S = recipient }, ["Id"] = new() { S = after } }
            : null,
    });

    var items = (response.Items ?? []).Select(Notification.FromItem).ToList();
    var next = response.LastEvaluatedKey is { Count: > 0 } last ? last["Id"].S : null;
    logger.LogInformation("Listed {Count} notifications of {Recipient}", items.Count, recipient);
    return Respond(HttpStatusCode.OK, new NotificationPage(items, next));
}

APIGatewayHttpApiV2ProxyResponse Respond(HttpStatusCode status, object body) => new()
{
    StatusCode = (int)status,
    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
    Body = JsonSerializer.Serialize(body, json),
};

static string Setting(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"The environment variable '{name}' is not set.");
