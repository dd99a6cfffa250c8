// Native AOT function, the shape of the "Lambda Native AOT Function" template: an executable (PublishAot) whose Main
// registers the handler with a SourceGeneratorLambdaJsonSerializer, so that no JSON code needs reflection at run time.
// Every type the function reads or writes as JSON is listed on the JsonSerializerContext.
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

namespace ProductLookup;

public sealed record Product(string Sku, string Name, decimal Price, string Currency, IReadOnlyList<string> Tags);

public sealed record Problem(string Title, int Status, string? Detail = null);

public static class Function
{
    private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
    private static readonly string s_table = Environment.GetEnvironmentVariable("PRODUCTS_TABLE") ?? "Products";

    /// <summary>Runs once per execution environment: registers the handler and polls the Runtime API for events.</summary>
    private static async Task Main()
    {
        Func<APIGatewayHttpApiV2ProxyRequest, ILambdaContext, Task<APIGatewayHttpApiV2ProxyResponse>> handler = FunctionHandler;
        await LambdaBootstrapBuilder.Create(handler, new SourceGeneratorLambdaJsonSerializer<LambdaFunctionJsonSerializerContext>())
            .Build()
            .RunAsync();
    }

    /// <summary>GET /products/{sku}: one product of the catalog.</summary>
    public static async Task<APIGatewayHttpApiV2ProxyResponse> FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        if (request.PathParameters?.TryGetValue("sku", out var sku) != true || string.IsNullOrWhiteSpace(sku))
        {
            return Json(HttpStatusCode.BadRequest, new Problem("The product SKU is missing.", 400));
        }

        try
        {
            var response = await s_dynamo.GetItemAsync(new GetItemRequest
            {
                TableName = s_table,
                Key = new Dictionary<string, AttributeValue> { ["Sku"] = new() { S = sku } },
                ProjectionExpression = "Sku, #name, Price, Currency, Tags",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#name"] = "Name" },
            });

            if (response.Item is not { Count: > 0 } item)
            {
                context.Logger.LogInformation("No product {Sku}", sku);
                return Json(HttpStatusCode.NotFound, new Problem("No such product.", 404, sku));
            }

            return Json(HttpStatusCode.OK, ToProduct(item));
        }
        catch (AmazonDynamoDBException ex)
        {
            context.Logger.LogError(ex, "Reading product {Sku} failed with {ErrorCode}", sku, ex.ErrorCode);
            return Json(HttpStatusCode.ServiceUnavailable, new Problem("The catalog is unavailable; try again.", 503));
        }
    }

    private static Product ToProduct(Dictionary<string, AttributeValue> item) => new(
        item["Sku"].S,
        item.TryGetValue("Name", out var name) ? name.S : "",
        decimal.Parse(item["Price"].N, System.Globalization.CultureInfo.InvariantCulture),
        item.GetValueOrDefault("Currency")?.S ?? "EUR",
        item.TryGetValue("Tags", out var tags) && tags.SS is { } set ? [.. set.Order(StringComparer.Ordinal)] : []);

    // Serialized through the source-generated metadata: no reflection, safe for trimming and Native AOT.
    private static APIGatewayHttpApiV2ProxyResponse Json<T>(HttpStatusCode status, T body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, string> { ["Content-Type"] = status == HttpStatusCode.OK ? "application/json" : "application/problem+json" },
        Body = JsonSerializer.Serialize(body, typeof(T), LambdaFunctionJsonSerializerContext.Default),
    };
}

/// <summary>
/// The types the function serializes. System.Text.Json's source generator writes their metadata into the other part
/// of this partial class when the project builds.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Problem))]
public partial class LambdaFunctionJsonSerializerContext : JsonSerializerContext
{
}

// The part the source generator writes in a real build (reduced to the members the base class requires): these test
// compilations run no generators, so without it the partial class above would not compile.
public partial class LambdaFunctionJsonSerializerContext
{
    public LambdaFunctionJsonSerializerContext()
        : base(null)
    {
    }

    public LambdaFunctionJsonSerializerContext(JsonSerializerOptions options)
        : base(options)
    {
    }

    public static LambdaFunctionJsonSerializerContext Default { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    public override JsonTypeInfo? GetTypeInfo(Type type) => null;
}
