using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace InvoiceImporter.Currency;

/// <summary>Converts an amount between currencies at the day's rate.</summary>
public interface ICurrencyConverter
{
    Task<decimal> ConvertAsync(decimal amount, string from, string to, CancellationToken cancellationToken);
}

/// <summary>The day's rates, kept for the execution environment.</summary>
public interface IRateCache
{
    Task<decimal> RateAsync(string from, string to, CancellationToken cancellationToken);
}

/// <summary>Reads each rate from the rates table. Registered as transient in <see cref="Startup"/>.</summary>
public sealed class RateTableConverter : ICurrencyConverter
{
    private readonly IAmazonDynamoDB _dynamo;

    // Mistake (LMB0001): the container makes a new converter for every invocation that asks for one, so this creates a
    // DynamoDB client per invocation. Take IAmazonDynamoDB, which the startup registers as a singleton, in the constructor.
    public RateTableConverter() => _dynamo = new AmazonDynamoDBClient();

    public async Task<decimal> ConvertAsync(decimal amount, string from, string to, CancellationToken cancellationToken)
    {
        var item = await _dynamo.GetItemAsync(
            new GetItemRequest
            {
                TableName = Settings.Optional("RATES_TABLE") ?? "exchange-rates",
                Key = new Dictionary<string, AttributeValue> { ["pair"] = new AttributeValue { S = $"{from}/{to}" } },
            },
            cancellationToken);
        return amount * decimal.Parse(item.Item["rate"].N, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Keeps the rates it has read. Registered as a singleton in <see cref="Startup"/>.</summary>
public sealed class RateCache : IRateCache
{
    private readonly Dictionary<string, decimal> _rates = new(StringComparer.Ordinal);
    private readonly IAmazonDynamoDB _dynamo;

    // Correct: a singleton is constructed once per execution environment, and so is its client.
    public RateCache() => _dynamo = new AmazonDynamoDBClient();

    public async Task<decimal> RateAsync(string from, string to, CancellationToken cancellationToken)
    {
        var pair = $"{from}/{to}";
        if (!_rates.TryGetValue(pair, out var rate))
        {
            var item = await _dynamo.GetItemAsync(
                new GetItemRequest
                {
                    TableName = Settings.Optional("RATES_TABLE") ?? "exchange-rates",
                    Key = new Dictionary<string, AttributeValue> { ["pair"] = new AttributeValue { S = pair } },
                },
                cancellationToken);
            rate = decimal.Parse(item.Item["rate"].N, System.Globalization.CultureInfo.InvariantCulture);
            _rates[pair] = rate;
        }

        return rate;
    }
}
