// API Gateway REST API proxy integration (payload format 1.0), the shape of the "Empty Serverless" and "Serverless
// WebAPI-less" blueprints: one class-library handler receives every method and path of the API.
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace Bookmarks;

public sealed record Bookmark(string Id, string Url, string Title, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt);

public sealed record NewBookmark(string Url, string? Title, string[]? Tags);

public sealed record ErrorBody(string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null);

public class Functions
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private static readonly IDictionary<string, string> s_cors = new Dictionary<string, string>
    {
        ["Access-Control-Allow-Origin"] = "*",
        ["Content-Type"] = "application/json",
    };

    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly string _table = Environment.GetEnvironmentVariable("BOOKMARKS_TABLE") ?? "Bookmarks";

    public Functions()
    {
    }

    public Functions(IAmazonDynamoDB dynamo, string table)
    {
        _dynamo = dynamo;
        _table = table;
    }

    /// <summary>Routes GET /bookmarks, GET /bookmarks/{id}, POST /bookmarks and DELETE /bookmarks/{id}.</summary>
    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var id = request.PathParameters?.TryGetValue("id", out var value) == true ? value : null;
        context.Logger.LogInformation("{Method} {Path} ({RequestId})", request.HttpMethod, request.Path, request.RequestContext?.RequestId);

        try
        {
            return (request.HttpMethod, id) switch
            {
                ("GET", null) => await ListAsync(request.QueryStringParameters),
                ("GET", { } one) => await GetAsync(one),
                ("POST", null) => await CreateAsync(request.Body, context),
                ("DELETE", { } one) => await DeleteAsync(one),
                _ => Respond(HttpStatusCode.MethodNotAllowed, new ErrorBody($"{request.HttpMethod} is not supported on {request.Resource}.")),
            };
        }
        catch (JsonException ex)
        {
            return Respond(HttpStatusCode.BadRequest, new ErrorBody($"The body is not valid JSON: {ex.Message}"));
        }
        catch (AmazonDynamoDBException ex)
        {
            context.Logger.LogError(ex, "DynamoDB failed with {ErrorCode}", ex.ErrorCode);
            return Respond(HttpStatusCode.InternalServerError, new ErrorBody("Something went wrong.", context.AwsRequestId));
        }
    }

    private async Task<APIGatewayProxyResponse> ListAsync(IDictionary<string, string>? query)
    {
        var tag = query?.TryGetValue("tag", out var t) == true ? t : null;
        var request = new ScanRequest { TableName = _table, Limit = 100 };
        if (tag is not null)
        {
            request.FilterExpression = "contains(Tags, :tag)";
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":tag"] = new() { S = tag } };
        }

        var response = await _dynamo.ScanAsync(request);
        var bookmarks = (response.Items ?? [])
            .Select(ToBookmark)
            .OrderByDescending(b => b.CreatedAt)
            .ToList();
        return Respond(HttpStatusCode.OK, bookmarks);
    }

    private async Task<APIGatewayProxyResponse> GetAsync(string id)
    {
        var response = await _dynamo.GetItemAsync(_table, Key(id));
        return response.Item is { Count: > 0 } item
            ? Respond(HttpStatusCode.OK, ToBookmark(item))
            : Respond(HttpStatusCode.NotFound, new ErrorBody($"No bookmark {id}."));
    }

    private async Task<APIGatewayProxyResponse> CreateAsync(string? body, ILambdaContext context)
    {
        var input = JsonSerializer.Deserialize<NewBookmark>(body ?? "null", s_json);
        if (input is null || !Uri.TryCreate(input.Url, UriKind.Absolute, out var url))
        {
            return Respond(HttpStatusCode.BadRequest, new ErrorBody("A bookmark needs an absolute 'url'."));
        }

        var bookmark = new Bookmark(
            Guid.NewGuid().ToString("N")[..12],
            url.ToString(),
            input.Title ?? url.Host,
            input.Tags?.Select(tag => tag.Trim().ToLowerInvariant()).Distinct().ToArray() ?? [],
            DateTimeOffset.UtcNow);

        var item = Key(bookmark.Id);
        item["Url"] = new() { S = bookmark.Url };
        item["Title"] = new() { S = bookmark.Title };
        item["CreatedAt"] = new() { S = bookmark.CreatedAt.ToString("O") };
        if (bookmark.Tags.Count > 0)
        {
            item["Tags"] = new() { SS = [.. bookmark.Tags] };
        }

        await _dynamo.PutItemAsync(_table, item);
        context.Logger.LogInformation("Created bookmark {Id} for {Host}", bookmark.Id, url.Host);
        var response = Respond(HttpStatusCode.Created, bookmark);
        response.Headers["Location"] = $"/bookmarks/{bookmark.Id}";
        return response;
    }

    private async Task<APIGatewayProxyResponse> DeleteAsync(string id)
    {
        await _dynamo.DeleteItemAsync(_table, Key(id));
        return new APIGatewayProxyResponse { StatusCode = (int)HttpStatusCode.NoContent, Headers = new Dictionary<string, string>(s_cors) };
    }

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["Id"] = new() { S = id } };

    private static Bookmark ToBookmark(Dictionary<string, AttributeValue> item) => new(
        item["Id"].S,
        item["Url"].S,
        item.TryGetValue("Title", out var title) ? title.S : "",
        item.TryGetValue("Tags", out var tags) ? tags.SS : [],
        DateTimeOffset.TryParse(item.GetValueOrDefault("CreatedAt")?.S, out var created) ? created : DateTimeOffset.MinValue);

    private static APIGatewayProxyResponse Respond<T>(HttpStatusCode status, T body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, string>(s_cors),
        Body = JsonSerializer.Serialize(body, s_json),
    };
}
