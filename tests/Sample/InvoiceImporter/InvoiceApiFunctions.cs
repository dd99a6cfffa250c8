using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using InvoiceImporter.Invoices;

namespace InvoiceImporter;

public sealed record InvoiceList(string CustomerId, string Currency, IReadOnlyList<Invoice> Invoices);

public sealed record DownloadLink(string Url, DateTime ExpiresAt);

public sealed record ErrorBody(string Error);

internal sealed record ExchangeRate(string From, string To, decimal Rate);

/// <summary>
/// The REST API (API Gateway, payload format 1.0) over the imported invoices. One function per route:
/// <c>InvoiceImporter::InvoiceImporter.InvoiceApiFunctions::GetInvoicesAsync</c>, <c>...::GetSourceFileAsync</c>,
/// <c>...::ExportInvoicesAsync</c>.
/// </summary>
public sealed class InvoiceApiFunctions
{
    private static readonly TimeSpan s_linkLifetime = TimeSpan.FromMinutes(15);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    // Correct: static readonly fields are initialized once per execution environment.
    private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
    private static readonly IDynamoDBContext s_db = new DynamoDBContextBuilder().WithDynamoDBClient(() => s_dynamo).Build();

    private static readonly string s_importsBucket = Settings.Required("IMPORTS_BUCKET");
    private static readonly string s_exportsBucket = Settings.Required("EXPORTS_BUCKET");

    // Only some routes need these two, so they are created on first use (see below) and then kept.
    private static IAmazonS3? s_s3;
    private static HttpClient? s_rates;

    /// <summary><c>GET /customers/{customerId}/invoices[?currency=EUR]</c>: the customer's invoices, newest first.</summary>
    public async Task<APIGatewayProxyResponse> GetInvoicesAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (CustomerId(request) is not { } customerId)
        {
            return Json(HttpStatusCode.BadRequest, new ErrorBody("The customer id is missing."));
        }

        using var timeout = TimeBudget.Start(context);
        try
        {
            var invoices = await LoadInvoicesAsync(customerId, timeout.Token);
            var currency = request.QueryStringParameters?.TryGetValue("currency", out var requested) == true ? requested.ToUpperInvariant() : null;
            if (currency is not null)
            {
                // Correct: a null-guarded initialization runs once per execution environment; later invocations reuse it.
                if (s_rates is null)
                {
                    s_rates = new HttpClient { BaseAddress = new Uri(Settings.Required("FX_RATES_URL")), Timeout = TimeSpan.FromSeconds(3) };
                }

                invoices = await ConvertAsync(invoices, currency, timeout.Token);
            }

            context.Logger.LogInformation("Returning {Count} invoices of {CustomerId}", invoices.Count, customerId);
            return Json(HttpStatusCode.OK, new InvoiceList(customerId, currency ?? "original", invoices));
        }
        catch (AmazonDynamoDBException ex)
        {
            context.Logger.LogError(ex, "Reading the invoices of {CustomerId} failed", customerId);
            return Json(HttpStatusCode.BadGateway, new ErrorBody("The invoices could not be read; try again."));
        }
    }

    /// <summary>
    /// <c>GET /customers/{customerId}/invoices/{invoiceNumber}/source</c>: a short-lived link to the CSV file the
    /// invoice was imported from.
    /// </summary>
    public async Task<APIGatewayProxyResponse> GetSourceFileAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (CustomerId(request) is not { } customerId
            || request.PathParameters?.TryGetValue("invoiceNumber", out var invoiceNumber) != true
            || string.IsNullOrEmpty(invoiceNumber))
        {
            return Json(HttpStatusCode.BadRequest, new ErrorBody("The customer id and invoice number are required."));
        }

        using var timeout = TimeBudget.Start(context);
        var item = await s_db.LoadAsync<InvoiceItem>(customerId, invoiceNumber, timeout.Token);
        if (item is null)
        {
            return Json(HttpStatusCode.NotFound, new ErrorBody($"Invoice '{invoiceNumber}' was not found."));
        }

        // Mistake (LMB0001): a new S3 client for every link; reuse 's_s3' as ExportInvoicesAsync does.
        using var s3 = new AmazonS3Client();
        var expiresAt = DateTime.UtcNow.Add(s_linkLifetime);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = s_importsBucket,
            Key = item.SourceKey,
            Verb = HttpVerb.GET,
            Expires = expiresAt,
        });

        context.Logger.LogInformation("Issued a link to {Key} for {CustomerId}", item.SourceKey, customerId);
        return Json(HttpStatusCode.OK, new DownloadLink(url, expiresAt));
    }

    /// <summary><c>POST /customers/{customerId}/exports</c>: writes all invoices of the customer to a CSV file and links to it.</summary>
    public async Task<APIGatewayProxyResponse> ExportInvoicesAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (CustomerId(request) is not { } customerId)
        {
            return Json(HttpStatusCode.BadRequest, new ErrorBody("The customer id is missing."));
        }

        using var timeout = TimeBudget.Start(context);
        var invoices = await LoadInvoicesAsync(customerId, timeout.Token);
        var key = $"exports/{customerId}/{DateTime.UtcNow:yyyyMMdd-HHmmss}-{context.AwsRequestId}.csv";

        // Correct: '??=' creates the client on the first export only and keeps it in the static field.
        s_s3 ??= new AmazonS3Client();

        // Mistake (LMB0001): new TransferUtility() creates an S3 client of its own on every export; pass it 's_s3'.
        using var transfer = new TransferUtility();
        using (var csv = new MemoryStream(Encoding.UTF8.GetBytes(ToCsv(invoices))))
        {
            await transfer.UploadAsync(csv, s_exportsBucket, key, timeout.Token);
        }

        var expiresAt = DateTime.UtcNow.Add(s_linkLifetime);
        var url = await s_s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = s_exportsBucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt,
        });

        context.Logger.LogInformation("Exported {Count} invoices of {CustomerId} to {Key}", invoices.Count, customerId, key);
        return Json(HttpStatusCode.Created, new DownloadLink(url, expiresAt));
    }

    private static async Task<IReadOnlyList<Invoice>> LoadInvoicesAsync(string customerId, CancellationToken cancellationToken)
    {
        var items = await s_db.QueryAsync<InvoiceItem>(customerId).GetRemainingAsync(cancellationToken);
        return items.Select(item => item.ToInvoice()).OrderByDescending(invoice => invoice.IssueDate).ToList();
    }

    private static async Task<IReadOnlyList<Invoice>> ConvertAsync(IReadOnlyList<Invoice> invoices, string currency, CancellationToken cancellationToken)
    {
        var converted = new List<Invoice>(invoices.Count);
        var rates = new Dictionary<string, decimal> { [currency] = 1m };
        foreach (var invoice in invoices)
        {
            if (!rates.TryGetValue(invoice.Currency, out var rate))
            {
                var quote = await s_rates!.GetFromJsonAsync<ExchangeRate>($"rates/{invoice.Currency}/{currency}", cancellationToken)
                    ?? throw new InvalidOperationException($"No exchange rate from {invoice.Currency} to {currency}.");
                rates[invoice.Currency] = rate = quote.Rate;
            }

            converted.Add(invoice with { Currency = currency, Amount = decimal.Round(invoice.Amount * rate, 2) });
        }

        return converted;
    }

    private static string? CustomerId(APIGatewayProxyRequest request) =>
        request.PathParameters?.TryGetValue("customerId", out var customerId) == true && !string.IsNullOrEmpty(customerId) ? customerId : null;

    private static string ToCsv(IReadOnlyList<Invoice> invoices)
    {
        var csv = new StringBuilder("customer_id,invoice_number,issue_date,due_date,currency,amount\n");
        foreach (var invoice in invoices)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{invoice.CustomerId},{invoice.InvoiceNumber},{invoice.IssueDate:yyyy-MM-dd},{invoice.DueDate:yyyy-MM-dd},{invoice.Currency},{invoice.Amount}\n");
        }

        return csv.ToString();
    }

    private static APIGatewayProxyResponse Json(HttpStatusCode status, object body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        Body = JsonSerializer.Serialize(body, s_json),
    };
}
