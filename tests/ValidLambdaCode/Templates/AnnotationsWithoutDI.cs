// Amazon.Lambda.Annotations without dependency injection, the shape of the "Annotations Framework" template: each
// [LambdaFunction] method becomes its own Lambda function; the source generator writes a wrapper that creates the
// class once per execution environment (parameterless constructor) and binds the HTTP request to the parameters.
using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
[assembly: LambdaGlobalProperties(GenerateMain = false)]

namespace UnitConverter;

public enum Quantity
{
    Temperature,
    Length,
    Mass,
}

public sealed record Conversion(Quantity Quantity, string From, string To, double Value, double Result);

public sealed record FavoriteRequest(string User, Conversion Conversion);

/// <summary>Unit conversions behind an HTTP API, plus each user's saved conversions.</summary>
public class Functions
{
    private static readonly IReadOnlyDictionary<(Quantity, string), double> s_toBase = new Dictionary<(Quantity, string), double>
    {
        [(Quantity.Length, "m")] = 1,
        [(Quantity.Length, "km")] = 1000,
        [(Quantity.Length, "mi")] = 1609.344,
        [(Quantity.Length, "ft")] = 0.3048,
        [(Quantity.Mass, "kg")] = 1,
        [(Quantity.Mass, "g")] = 0.001,
        [(Quantity.Mass, "lb")] = 0.45359237,
    };

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _favoritesTable;

    /// <summary>Called once per execution environment by the generated wrapper.</summary>
    public Functions()
    {
        _dynamo = new AmazonDynamoDBClient();
        _favoritesTable = Environment.GetEnvironmentVariable("FAVORITES_TABLE") ?? "Favorites";
    }

    /// <summary>GET /convert/temperature/{from}/{to}?value=21.5</summary>
    [LambdaFunction(MemorySize = 256, Timeout = 10)]
    [HttpApi(LambdaHttpMethod.Get, "/convert/temperature/{from}/{to}")]
    public IHttpResult ConvertTemperature(string from, string to, [FromQuery] double value, ILambdaContext context)
    {
        double? celsius = from.ToUpperInvariant() switch
        {
            "C" => value,
            "F" => (value - 32) * 5 / 9,
            "K" => value - 273.15,
            _ => null,
        };

        double? result = (celsius, to.ToUpperInvariant()) switch
        {
            (null, _) => null,
            ({ } c, "C") => c,
            ({ } c, "F") => c * 9 / 5 + 32,
            ({ } c, "K") => c + 273.15,
            _ => null,
        };

        if (result is not { } converted)
        {
            context.Logger.LogInformation("Unsupported temperature units {From} -> {To}", from, to);
            return HttpResults.BadRequest($"Use C, F or K, not '{from}' and '{to}'.");
        }

        return HttpResults.Ok(new Conversion(Quantity.Temperature, from, to, value, Math.Round(converted, 2)));
    }

    /// <summary>GET /convert/{quantity}/{from}/{to}?value=3</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/convert/{quantity}/{from}/{to}")]
    public IHttpResult Convert([FromRoute] string quantity, [FromRoute] string from, [FromRoute] string to, [FromQuery] double value)
    {
        if (!Enum.TryParse<Quantity>(quantity, ignoreCase: true, out var kind) || kind == Quantity.Temperature)
        {
            return HttpResults.NotFound($"No linear conversions for '{quantity}'.");
        }

        return (s_toBase.TryGetValue((kind, from), out var fromFactor), s_toBase.TryGetValue((kind, to), out var toFactor)) switch
        {
            (true, true) => HttpResults.Ok(new Conversion(kind, from, to, value, value * fromFactor / toFactor)),
            (false, _) => HttpResults.BadRequest($"Unknown {kind} unit '{from}'."),
            (_, false) => HttpResults.BadRequest($"Unknown {kind} unit '{to}'."),
        };
    }

    /// <summary>POST /favorites with a JSON body: saves a conversion for a user.</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Post, "/favorites")]
    public async Task<IHttpResult> SaveFavorite([FromBody] FavoriteRequest request, [FromHeader(Name = "X-Request-Source")] string? source, ILambdaContext context)
    {
        if (string.IsNullOrWhiteSpace(request.User))
        {
            return HttpResults.BadRequest("'user' is required.");
        }

        var id = Guid.NewGuid().ToString("N");
        try
        {
            await _dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _favoritesTable,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["User"] = new() { S = request.User },
                    ["Id"] = new() { S = id },
                    ["Quantity"] = new() { S = request.Conversion.Quantity.ToString() },
                    ["From"] = new() { S = request.Conversion.From },
                    ["To"] = new() { S = request.Conversion.To },
                    ["Value"] = new() { N = request.Conversion.Value.ToString(CultureInfo.InvariantCulture) },
                },
            });
        }
        catch (AmazonDynamoDBException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            context.Logger.LogWarning(ex, "Favorite of {User} rejected by DynamoDB", request.User);
            return HttpResults.BadRequest(ex.Message);
        }

        context.Logger.LogInformation("Saved favorite {Id} of {User} from {Source}", id, request.User, source ?? "unknown");
        return HttpResults.Created($"/favorites/{Uri.EscapeDataString(request.User)}/{id}", new { id });
    }

    /// <summary>GET /health: no HTTP binding beyond the route, no context.</summary>
    [LambdaFunction]
    [RestApi(LambdaHttpMethod.Get, "/health")]
    public string Health() => "ok";
}
