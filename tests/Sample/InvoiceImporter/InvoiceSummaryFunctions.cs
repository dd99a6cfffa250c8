using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using InvoiceImporter.Currency;
using InvoiceImporter.Invoices;

namespace InvoiceImporter;

public sealed record CurrencyTotal(string Currency, decimal Total, decimal Overdue);

public sealed record InvoiceSummary(string CustomerId, int Count, int OverdueCount, IReadOnlyList<CurrencyTotal> Totals);

/// <summary>
/// Amazon.Lambda.Annotations functions of the HTTP API (payload format 2.0). The Annotations source generator writes
/// the handler wrappers and the template resources; the wrappers create this class once per execution environment from
/// the DI container of the <c>[LambdaStartup]</c> class, which registers <see cref="IAmazonDynamoDB"/> as a singleton.
/// </summary>
public sealed class InvoiceSummaryFunctions
{
    private readonly IAmazonDynamoDB _dynamo;

    // Correct: the injected client is a singleton of the startup's container, created once per execution environment.
    public InvoiceSummaryFunctions(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

    /// <summary><c>GET /customers/{customerId}/summary</c>: totals per currency, and what is overdue.</summary>
    [LambdaFunction(MemorySize = 256, Timeout = 15)]
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/summary")]
    public async Task<IHttpResult> GetSummaryAsync(string customerId, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var invoices = await QueryInvoicesAsync(_dynamo, customerId, timeout.Token);
        if (invoices.Count == 0)
        {
            return HttpResults.NotFound(new ErrorBody($"No invoices for customer '{customerId}'."));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var totals = invoices
            .GroupBy(invoice => invoice.Currency)
            .Select(group => new CurrencyTotal(
                group.Key,
                group.Sum(invoice => invoice.Amount),
                group.Where(invoice => invoice.IsOverdue(today)).Sum(invoice => invoice.Amount)))
            .OrderBy(total => total.Currency, StringComparer.Ordinal)
            .ToList();

        context.Logger.LogInformation("Summarized {Count} invoices of {CustomerId}", invoices.Count, customerId);
        return HttpResults.Ok(new InvoiceSummary(customerId, invoices.Count, invoices.Count(invoice => invoice.IsOverdue(today)), totals));
    }

    /// <summary><c>GET /customers/{customerId}/invoices/{invoiceNumber}</c>: one invoice.</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/invoices/{invoiceNumber}")]
    public async Task<IHttpResult> GetInvoiceAsync(string customerId, string invoiceNumber)
    {
        // Mistake (LMB0001): a [LambdaFunction] method runs per invocation, ILambdaContext or not; use the injected '_dynamo'.
        using var dynamo = new AmazonDynamoDBClient();
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Settings.InvoicesTable,
            Key = new Dictionary<string, AttributeValue>
            {
                ["CustomerId"] = new() { S = customerId },
                ["InvoiceNumber"] = new() { S = invoiceNumber },
            },
        });

        return response.Item is { Count: > 0 } item
            ? HttpResults.Ok(ToInvoice(item))
            : HttpResults.NotFound(new ErrorBody($"Invoice '{invoiceNumber}' was not found."));
    }

    /// <summary>
    /// <c>GET /partner/invoices</c>: the partner portal. The tenant authorizer assumes the partner's role with a session
    /// policy limited to the partner's own partition (<c>dynamodb:LeadingKeys</c>) and passes the session credentials on
    /// in the authorizer context.
    /// </summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/partner/invoices", Authorizer = "TenantAuthorizer")]
    public async Task<IHttpResult> GetPartnerInvoicesAsync(
        [FromCustomAuthorizer(Name = "tenantId")] string tenantId,
        [FromCustomAuthorizer(Name = "accessKeyId")] string accessKeyId,
        [FromCustomAuthorizer(Name = "secretAccessKey")] string secretAccessKey,
        [FromCustomAuthorizer(Name = "sessionToken")] string sessionToken,
        ILambdaContext context)
    {
        // Correct (not reported): this client carries the credentials of this request's tenant, so it cannot be shared
        // across invocations; IAM, not this code, keeps each partner to its own invoices.
        using var tenantDynamo = new AmazonDynamoDBClient(new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken));

        using var timeout = TimeBudget.Start(context);
        try
        {
            var invoices = await QueryInvoicesAsync(tenantDynamo, tenantId, timeout.Token);
            return HttpResults.Ok(invoices.OrderByDescending(invoice => invoice.IssueDate).ToList());
        }
        catch (AmazonDynamoDBException ex) when (ex.ErrorCode == "AccessDeniedException")
        {
            context.Logger.LogWarning("Tenant {TenantId} was denied: {Message}", tenantId, ex.Message);
            return HttpResults.Forbid(new ErrorBody("Not allowed."));
        }
    }

    /// <summary><c>GET /customers/{customerId}/total/{currency}</c>: the outstanding total, converted.</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/total/{currency}")]
    public async Task<IHttpResult> GetTotalInAsync(string customerId, string currency, [FromServices] ICurrencyConverter converter, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var invoices = await QueryInvoicesAsync(_dynamo, customerId, timeout.Token);
        var total = 0m;
        foreach (var invoice in invoices)
        {
            total += await converter.ConvertAsync(invoice.Amount, invoice.Currency, currency, timeout.Token);
        }

        return HttpResults.Ok(new CurrencyTotal(currency, total, 0m));
    }

    /// <summary><c>GET /rates/{from}/{to}</c>: the day's rate.</summary>
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/rates/{from}/{to}")]
    public async Task<IHttpResult> GetRateAsync(string from, string to, [FromServices] IRateCache rates, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        return HttpResults.Ok(await rates.RateAsync(from, to, timeout.Token));
    }

    private static async Task<List<Invoice>> QueryInvoicesAsync(IAmazonDynamoDB dynamo, string customerId, CancellationToken cancellationToken)
    {
        var invoices = new List<Invoice>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await dynamo.QueryAsync(
                new QueryRequest
                {
                    TableName = Settings.InvoicesTable,
                    KeyConditionExpression = "CustomerId = :customerId",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":customerId"] = new() { S = customerId } },
                    ExclusiveStartKey = startKey,
                },
                cancellationToken);

            invoices.AddRange((page.Items ?? []).Select(ToInvoice));
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return invoices;
    }

    private static Invoice ToInvoice(Dictionary<string, AttributeValue> item) => new(
        item["CustomerId"].S,
        item["InvoiceNumber"].S,
        DateOnly.ParseExact(item["IssueDate"].S, "O", CultureInfo.InvariantCulture),
        DateOnly.ParseExact(item["DueDate"].S, "O", CultureInfo.InvariantCulture),
        item["Currency"].S,
        decimal.Parse(item["Amount"].N, NumberStyles.Number, CultureInfo.InvariantCulture));
}
