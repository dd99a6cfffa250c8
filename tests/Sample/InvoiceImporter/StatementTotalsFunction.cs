using System.Globalization;
using System.Net.Http.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.S3;
using InvoiceImporter.Invoices;

namespace InvoiceImporter;

/// <summary>The input of a statement run: whose open invoices, converted to which currency.</summary>
public sealed record StatementRequest(string CustomerId, string Currency);

/// <summary>The totals printed on a customer's monthly statement.</summary>
public sealed record StatementTotals(string CustomerId, string Currency, decimal Open, decimal Fees, int Invoices);

/// <summary>Exchange rates from one base currency, as served by the rates API.</summary>
public sealed record RateTable(string Base, Dictionary<string, decimal> Rates);

/// <summary>
/// Totals a customer's open invoices in one currency for the monthly statement; the statement service invokes it
/// synchronously, one invocation per customer, with up to ten invocations at once on each execution environment
/// (multi-concurrency). Handler: <c>InvoiceImporter::InvoiceImporter.StatementTotalsFunction::FunctionHandler</c>.
/// </summary>
public sealed class StatementTotalsFunction
{
    private static readonly HttpClient s_rates = new() { BaseAddress = new Uri("https://rates.example.com/"), Timeout = TimeSpan.FromSeconds(5) };

    // The last rate table fetched, shared by the invocations of this execution environment.
    private static Task<RateTable>? s_lastRates;

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _feeSchedule;

    public StatementTotalsFunction()
        : this(new AmazonDynamoDBClient(), new AmazonS3Client())
    {
    }

    /// <summary>Used by the unit tests, with fakes of the clients.</summary>
    public StatementTotalsFunction(IAmazonDynamoDB dynamo, IAmazonS3 s3)
    {
        _dynamo = dynamo;

        // Correct (not reported): the constructor is init code, run once per execution environment before the first
        // invocation; blocking here lengthens the cold start only.
        _feeSchedule = LoadFeeScheduleAsync(s3).GetAwaiter().GetResult();
    }

    public StatementTotals FunctionHandler(StatementRequest request, ILambdaContext context)
    {
        // Mistake (LMB0004): '.Result' holds a thread-pool thread until DynamoDB answers, while the other invocations
        // of this environment wait for a free thread.
        var invoices = LoadOpenInvoicesAsync(request.CustomerId).Result;

        var rates = FetchRatesAsync(request.Currency);
        var fees = LoadFeesAsync(request.CustomerId);

        // Mistake (LMB0004): WaitAll blocks until both lookups complete; Task.WhenAll waits without a thread.
        Task.WaitAll(rates, fees);

        // Correct (not reported): both tasks are complete once WaitAll (or, after the fix, WhenAll) has returned.
        var table = rates.Result;
        var fee = fees.Result;

        for (var attempt = 1; table.Rates.Count == 0 && attempt <= 3; attempt++)
        {
            // Mistake (LMB0004): the back-off sleeps on a thread the other invocations need; await Task.Delay instead.
            Thread.Sleep(TimeSpan.FromMilliseconds(100 * attempt));

            // Mistake (LMB0004): GetAwaiter().GetResult() blocks exactly like '.Result'.
            table = FetchRatesAsync(request.Currency).GetAwaiter().GetResult();
        }

        // Mistake (LMB0004): every record of the parallel loop blocks its own pool thread on the write (no fix: the
        // lambda of Parallel.ForEach cannot await; use Parallel.ForEachAsync).
        Parallel.ForEach(invoices, invoice => _dynamo.UpdateItemAsync(StatementMark(invoice)).Wait());

        var open = invoices.Sum(invoice => Convert(invoice, table));
        context.Logger.LogInformation("{Count} open invoices of {CustomerId}: {Open} {Currency} ({Schedule})",
            invoices.Count, request.CustomerId, open, request.Currency, _feeSchedule);
        return new StatementTotals(request.CustomerId, request.Currency, open, fee, invoices.Count);
    }

    /// <summary>The same totals without blocking. Handler: <c>...StatementTotalsFunction::TotalsAsync</c>.</summary>
    public async Task<StatementTotals> TotalsAsync(StatementRequest request, ILambdaContext context)
    {
        // Correct (not reported): both lookups run at once and are awaited through Task.WhenAll before '.Result' reads
        // them; a completed task does not block.
        var invoiceLookup = LoadOpenInvoicesAsync(request.CustomerId);
        var fees = LoadFeesAsync(request.CustomerId);
        await Task.WhenAll(invoiceLookup, fees);
        var invoices = invoiceLookup.Result;

        // Correct (not reported): a rate table fetched by an earlier invocation is reused once its task has completed.
        var cached = s_lastRates;
        var table = cached is { IsCompletedSuccessfully: true } && cached.Result.Base == request.Currency
            ? cached.Result
            : await (s_lastRates = FetchRatesAsync(request.Currency));

        context.Logger.LogInformation("{Count} open invoices of {CustomerId}", invoices.Count, request.CustomerId);
        return new StatementTotals(request.CustomerId, request.Currency, invoices.Sum(invoice => Convert(invoice, table)), fees.Result, invoices.Count);
    }

    private static decimal Convert(Invoice invoice, RateTable table) =>
        invoice.Currency == table.Base ? invoice.Amount
        : table.Rates.TryGetValue(invoice.Currency, out var rate) && rate != 0 ? Math.Round(invoice.Amount / rate, 2)
        : throw new InvalidOperationException($"No rate from {invoice.Currency} to {table.Base}.");

    private static async Task<RateTable> FetchRatesAsync(string currency) =>
        await s_rates.GetFromJsonAsync<RateTable>("latest?base=" + Uri.EscapeDataString(currency))
            ?? new RateTable(currency, []);

    private static async Task<string> LoadFeeScheduleAsync(IAmazonS3 s3)
    {
        using var response = await s3.GetObjectAsync(Settings.Required("CONFIG_BUCKET"), "fees/schedule.txt");
        using var reader = new StreamReader(response.ResponseStream);
        return (await reader.ReadToEndAsync()).Trim();
    }

    private async Task<decimal> LoadFeesAsync(string customerId)
    {
        var response = await _dynamo.GetItemAsync("Fees", new Dictionary<string, AttributeValue> { ["CustomerId"] = new() { S = customerId } });
        return response.Item is { } item && item.TryGetValue("Amount", out var amount)
            ? decimal.Parse(amount.N, CultureInfo.InvariantCulture)
            : 0m;
    }

    private async Task<List<Invoice>> LoadOpenInvoicesAsync(string customerId)
    {
        var response = await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = Settings.InvoicesTable,
            KeyConditionExpression = "CustomerId = :customer",
            FilterExpression = "attribute_not_exists(PaidAt)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":customer"] = new() { S = customerId } },
        });

        return (response.Items ?? []).Select(item => new Invoice(
            item["CustomerId"].S,
            item["InvoiceNumber"].S,
            DateOnly.ParseExact(item["IssueDate"].S, "O", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(item["DueDate"].S, "O", CultureInfo.InvariantCulture),
            item["Currency"].S,
            decimal.Parse(item["Amount"].N, CultureInfo.InvariantCulture))).ToList();
    }

    private static UpdateItemRequest StatementMark(Invoice invoice) => new()
    {
        TableName = Settings.InvoicesTable,
        Key = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = invoice.CustomerId },
            ["InvoiceNumber"] = new() { S = invoice.InvoiceNumber },
        },
        UpdateExpression = "SET StatementOn = :today",
        ExpressionAttributeValues = new Dictionary<string, AttributeValue>
        {
            [":today"] = new() { S = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture) },
        },
    };
}
