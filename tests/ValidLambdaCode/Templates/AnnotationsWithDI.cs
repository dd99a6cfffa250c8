// Amazon.Lambda.Annotations with dependency injection: the [LambdaStartup] class registers the services once per
// execution environment; the generated wrapper creates the function class from the container (constructor injection)
// and resolves [FromServices] parameters from a scope created for each invocation.
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;

[assembly: LambdaSerializer(typeof(CamelCaseLambdaJsonSerializer))]

namespace Orders;

public sealed record OrderSettings(string TableName, string ReceiptsBucket, string ShippingQueueUrl);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record NewOrder(string CustomerId, IReadOnlyList<OrderLine> Lines, string? Coupon = null);

public sealed record Order(string Id, string CustomerId, IReadOnlyList<OrderLine> Lines, decimal Total, DateTimeOffset PlacedAt);

public interface IOrderValidator
{
    IReadOnlyList<string> Validate(NewOrder order);
}

/// <summary>Stateless rules; registered scoped so that a future rule set can read per-request data.</summary>
public sealed class OrderValidator : IOrderValidator
{
    public IReadOnlyList<string> Validate(NewOrder order)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(order.CustomerId))
        {
            problems.Add("'customerId' is required.");
        }

        if (order.Lines is not { Count: > 0 })
        {
            problems.Add("An order needs at least one line.");
        }
        else
        {
            problems.AddRange(order.Lines
                .Select((line, index) => (line, index))
                .Where(x => x.line.Quantity <= 0 || x.line.UnitPrice < 0)
                .Select(x => $"Line {x.index + 1} ({x.line.Sku}) has a bad quantity or price."));
        }

        return problems;
    }
}

[LambdaStartup]
public class Startup
{
    /// <summary>Runs once per execution environment, before the first invocation.</summary>
    public void ConfigureServices(IServiceCollection services)
    {
        // AWS clients are thread-safe: one instance per execution environment.
        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(new AmazonS3Config { ForcePathStyle = false }));
        services.AddSingleton<IAmazonSQS>(new AmazonSQSClient());
        services.AddSingleton(new OrderSettings(
            Environment.GetEnvironmentVariable("ORDERS_TABLE") ?? "Orders",
            Environment.GetEnvironmentVariable("RECEIPTS_BUCKET") ?? "order-receipts",
            Environment.GetEnvironmentVariable("SHIPPING_QUEUE_URL") ?? ""));
        services.AddScoped<IOrderValidator, OrderValidator>();
    }
}

/// <summary>The order functions; the container supplies the constructor's parameters.</summary>
public class OrderFunctions(IAmazonDynamoDB dynamo, OrderSettings settings)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>POST /orders</summary>
    [LambdaFunction(MemorySize = 512, Timeout = 15, Policies = "AmazonDynamoDBFullAccess, AmazonSQSFullAccess")]
    [RestApi(LambdaHttpMethod.Post, "/orders")]
    public async Task<IHttpResult> PlaceOrder(
        [FromBody] NewOrder request,
        [FromServices] IOrderValidator validator,
        [FromServices] IAmazonSQS sqs,
        ILambdaContext context)
    {
        if (validator.Validate(request) is { Count: > 0 } problems)
        {
            return HttpResults.BadRequest(new { problems });
        }

        var order = new Order(
            Id: $"o-{DateTimeOffset.UtcNow:yyyyMMdd}-{Guid.NewGuid():N}"[..24],
            CustomerId: request.CustomerId,
            Lines: request.Lines,
            Total: request.Lines.Sum(l => l.Quantity * l.UnitPrice),
            PlacedAt: DateTimeOffset.UtcNow);

        await dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = settings.TableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["Id"] = new() { S = order.Id },
                ["CustomerId"] = new() { S = order.CustomerId },
                ["Document"] = new() { S = JsonSerializer.Serialize(order, s_json) },
            },
        });
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = settings.ShippingQueueUrl, MessageBody = order.Id });

        context.Logger.LogInformation("Placed order {OrderId} of {CustomerId} for {Total:0.00}", order.Id, order.CustomerId, order.Total);
        return HttpResults.Created($"/orders/{order.Id}", order);
    }

    /// <summary>GET /orders/{id}</summary>
    [LambdaFunction]
    [RestApi(LambdaHttpMethod.Get, "/orders/{id}")]
    public async Task<IHttpResult> GetOrder(string id, ILambdaContext context)
    {
        var response = await dynamo.GetItemAsync(settings.TableName, new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
        if (response.Item?.GetValueOrDefault("Document")?.S is not { } document)
        {
            return HttpResults.NotFound();
        }

        return HttpResults.Ok(JsonSerializer.Deserialize<Order>(document, s_json));
    }

    /// <summary>GET /orders/{id}/receipt: a short-lived link to the PDF receipt.</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}/receipt")]
    public async Task<IHttpResult> GetReceiptLink(string id, [FromServices] IAmazonS3 s3, ILambdaContext context)
    {
        try
        {
            await s3.GetObjectMetadataAsync(settings.ReceiptsBucket, $"{id}.pdf");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return HttpResults.NotFound($"No receipt for order {id} yet.");
        }

        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = settings.ReceiptsBucket,
            Key = $"{id}.pdf",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Verb = HttpVerb.GET,
        });
        context.Logger.LogDebug("Signed receipt link for {OrderId}", id);
        return HttpResults.Redirect(url);
    }
}
