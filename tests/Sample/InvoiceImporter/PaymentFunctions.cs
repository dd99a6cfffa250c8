using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace InvoiceImporter;

/// <summary>A payment (or refund, with a negative amount) reported by the payment provider.</summary>
public sealed record PaymentReceived(string PaymentId, string CustomerId, string InvoiceNumber, decimal Amount, string Currency);

/// <summary>How much of an invoice is paid.</summary>
public sealed record PaymentStatus(string CustomerId, string InvoiceNumber, decimal Paid, bool Settled);

/// <summary>
/// The payment provider's callbacks. Handlers: <c>InvoiceImporter::InvoiceImporter.PaymentFunctions::RecordPaymentAsync</c>
/// (the provider's webhook, through an API Gateway REST API), <c>...::RecordRefundAsync</c> and
/// <c>...::GetPaymentStatusAsync</c> (invoked directly by the provider's integration with a JSON payload).
/// </summary>
public sealed class PaymentFunctions
{
    private readonly IAmazonDynamoDB _dynamo;

    public PaymentFunctions()
        : this(new AmazonDynamoDBClient())
    {
    }

    public PaymentFunctions(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

    // Correct: the runtime awaits a Task<T> handler before it serializes the response.
    public async Task<APIGatewayProxyResponse> RecordPaymentAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var payment = JsonSerializer.Deserialize<PaymentReceived>(request.Body ?? "null");
        if (payment is null)
        {
            return new APIGatewayProxyResponse { StatusCode = (int)HttpStatusCode.BadRequest };
        }

        var settled = await AddPaymentAsync(payment, context);
        return new APIGatewayProxyResponse { StatusCode = (int)HttpStatusCode.OK, Body = settled ? "settled" : "partial" };
    }

    // Mistake (LMB0003): an async void handler; the class-library runtime refuses to load it (HandlerMethodAsyncVoid).
    public async void RecordRefundAsync(PaymentReceived refund, ILambdaContext context)
    {
        await AddPaymentAsync(refund with { Amount = -Math.Abs(refund.Amount) }, context);
        context.Logger.LogInformation("Refund {PaymentId} recorded on {InvoiceNumber}", refund.PaymentId, refund.InvoiceNumber);
    }

    // Mistake (LMB0003): the runtime does not await a ValueTask; it serializes the ValueTask itself, mid-flight.
    public async ValueTask<PaymentStatus> GetPaymentStatusAsync(PaymentReceived query, ILambdaContext context)
    {
        var item = await GetInvoiceItemAsync(query.CustomerId, query.InvoiceNumber);
        var paid = item.TryGetValue("Paid", out var value) ? decimal.Parse(value.N, CultureInfo.InvariantCulture) : 0m;
        var amount = decimal.Parse(item["Amount"].N, CultureInfo.InvariantCulture);
        return new PaymentStatus(query.CustomerId, query.InvoiceNumber, paid, paid >= amount);
    }

    // Correct: a ValueTask helper that takes the ILambdaContext but that the handlers call and await; it is no handler.
    private async ValueTask<bool> AddPaymentAsync(PaymentReceived payment, ILambdaContext context)
    {
        var response = await _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Settings.InvoicesTable,
            Key = InvoiceKey(payment.CustomerId, payment.InvoiceNumber),
            UpdateExpression = "ADD Paid :amount",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":amount"] = new() { N = payment.Amount.ToString(CultureInfo.InvariantCulture) },
            },
            ReturnValues = ReturnValue.ALL_NEW,
        });

        context.Logger.LogInformation("Payment {PaymentId}: {Amount} {Currency}", payment.PaymentId, payment.Amount, payment.Currency);
        return decimal.Parse(response.Attributes["Paid"].N, CultureInfo.InvariantCulture) >= decimal.Parse(response.Attributes["Amount"].N, CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, AttributeValue>> GetInvoiceItemAsync(string customerId, string invoiceNumber)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = Settings.InvoicesTable, Key = InvoiceKey(customerId, invoiceNumber) });
        return response.Item ?? [];
    }

    internal static Dictionary<string, AttributeValue> InvoiceKey(string customerId, string invoiceNumber) => new()
    {
        ["CustomerId"] = new() { S = customerId },
        ["InvoiceNumber"] = new() { S = invoiceNumber },
    };
}

/// <summary>Amazon.Lambda.Annotations functions of the HTTP API for the customer portal's payment pages.</summary>
public sealed class PaymentApiFunctions(IAmazonDynamoDB dynamo)
{
    /// <summary><c>GET /customers/{customerId}/invoices/{invoiceNumber}/payment</c>.</summary>
    // Mistake (LMB0003): the generated wrapper returns the ValueTask without awaiting it, and disposes the DI scope.
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/invoices/{invoiceNumber}/payment")]
    public async ValueTask<IHttpResult> GetPaymentAsync(string customerId, string invoiceNumber)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = Settings.InvoicesTable, Key = PaymentFunctions.InvoiceKey(customerId, invoiceNumber) });
        return response.Item is { Count: > 0 } item && item.TryGetValue("Paid", out var paid)
            ? HttpResults.Ok(new { paid = paid.N })
            : HttpResults.NotFound(new ErrorBody($"No payment for invoice '{invoiceNumber}'."));
    }

    /// <summary><c>GET /customers/{customerId}/balance</c>.</summary>
    // Correct: a [LambdaFunction] returning Task<T>, which the generated wrapper awaits.
    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/customers/{customerId}/balance")]
    public async Task<IHttpResult> GetBalanceAsync(string customerId)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = Settings.InvoicesTable,
            KeyConditionExpression = "CustomerId = :customerId",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":customerId"] = new() { S = customerId } },
        });

        var balance = (response.Items ?? []).Sum(item =>
            decimal.Parse(item["Amount"].N, CultureInfo.InvariantCulture)
            - (item.TryGetValue("Paid", out var paid) ? decimal.Parse(paid.N, CultureInfo.InvariantCulture) : 0m));
        return HttpResults.Ok(new { customerId, balance });
    }
}
