// Executable with top-level statements, the shape of the "Lambda Empty Function (Top-level statements)" template:
// everything before RunAsync() is init code and runs once per execution environment; the handler lambda, and the
// local functions it calls, run on every invocation. Handler string: the assembly name (ShortLinks).
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// Init: configuration and clients, shared by every invocation of this execution environment.
var tableName = Environment.GetEnvironmentVariable("LINKS_TABLE") ?? "ShortLinks";
var baseUrl = new Uri(Environment.GetEnvironmentVariable("PUBLIC_BASE_URL") ?? "https://sho.rt/");
var dynamo = new AmazonDynamoDBClient();
const int MaxAttempts = 3;

var handler = async (ShortenRequest request, ILambdaContext context) =>
{
    if (Validate(request) is { } problem)
    {
        context.Logger.LogWarning("Rejected {Url}: {Problem}", request.Url, problem);
        return new ShortenResponse(null, problem);
    }

    for (var attempt = 1; attempt <= MaxAttempts; attempt++)
    {
        var code = NewCode(request.PreferredLength ?? 7);
        if (await TrySaveAsync(code, request, context.AwsRequestId))
        {
            var shortUrl = new Uri(baseUrl, code);
            context.Logger.LogInformation("Shortened {Url} to {ShortUrl} (attempt {Attempt})", request.Url, shortUrl, attempt);
            return new ShortenResponse(shortUrl.ToString(), null);
        }

        context.Logger.LogDebug("Code {Code} is taken, trying another", code);
    }

    return new ShortenResponse(null, $"No free code after {MaxAttempts} attempts; try a longer one.");
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();

async Task<bool> TrySaveAsync(string code, ShortenRequest request, string requestId)
{
    try
    {
        await dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["Code"] = new() { S = code },
                ["Url"] = new() { S = request.Url },
                ["CreatedBy"] = new() { S = requestId },
                ["ExpiresAt"] = new() { N = DateTimeOffset.UtcNow.AddDays(request.DaysToLive).ToUnixTimeSeconds().ToString() },
            },
            ConditionExpression = "attribute_not_exists(Code)",
        });
        return true;
    }
    catch (ConditionalCheckFailedException)
    {
        return false;
    }
}

static string? Validate(ShortenRequest request) => request switch
{
    { Url: null or "" } => "'url' is required.",
    { Url.Length: > 2048 } => "'url' is longer than 2048 characters.",
    _ when !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") => "'url' must be an absolute http(s) URL.",
    { DaysToLive: < 1 or > 365 } => "'daysToLive' must be between 1 and 365.",
    { PreferredLength: < 4 or > 16 } => "'preferredLength' must be between 4 and 16.",
    _ => null,
};

static string NewCode(int length)
{
    const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    return string.Create(length, alphabet, static (span, chars) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
        }
    });
}

/// <summary>The function's input.</summary>
public sealed record ShortenRequest(string Url, int DaysToLive = 30, int? PreferredLength = null);

/// <summary>The function's output: the short URL, or why there is none.</summary>
public sealed record ShortenResponse(string? ShortUrl, string? Error);
