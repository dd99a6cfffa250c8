using System.Text.Json;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;

namespace InvoiceImporter;

/// <summary>An invoice to price: its lines' net amount in the customer's currency.</summary>
public sealed record PriceRequest(string CustomerId, string InvoiceNumber, decimal NetAmount, string Currency);

/// <summary>The pricing function's answer: the invoice's total with discounts and taxes.</summary>
public sealed record PriceQuote(string InvoiceNumber, decimal Total, decimal Tax);

/// <summary>
/// Prices invoices through <c>price-order</c>, the pricing team's Lambda function, which owns the discount and tax rules.
/// Handlers: <c>InvoiceImporter::InvoiceImporter.PricingFunctions::QuoteAsync</c> (the Invoice API's quote endpoint) and
/// <c>InvoiceImporter::InvoiceImporter.PricingFunctions::RepriceAsync</c> (after an import, for each imported invoice).
/// </summary>
public sealed class PricingFunctions
{
    private const string PricingFunction = "price-order";

    private readonly IAmazonLambda _lambda;

    /// <summary>Used by Lambda: one client per execution environment.</summary>
    public PricingFunctions()
        : this(new AmazonLambdaClient())
    {
    }

    /// <summary>Used by the unit tests, with a fake of the client.</summary>
    public PricingFunctions(IAmazonLambda lambda) => _lambda = lambda;

    public async Task<PriceQuote> QuoteAsync(PriceRequest request, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);

        // Mistake (LMB0014): InvokeRequest's default invocation type is RequestResponse. This function waits, and is
        // billed, for the whole run of the pricing function, its timeout must cover the pricing function's, and a
        // throttled pricing function fails the quote. Price in a Step Functions state instead, or queue the work.
        var response = await _lambda.InvokeAsync(
            new InvokeRequest { FunctionName = PricingFunction, Payload = JsonSerializer.Serialize(request) },
            timeout.Token);
        if (response.FunctionError is not null || response.Payload is null)
        {
            throw new InvalidOperationException($"{PricingFunction} failed to price {request.InvoiceNumber}: {response.FunctionError}");
        }

        var quote = await JsonSerializer.DeserializeAsync<PriceQuote>(response.Payload, cancellationToken: timeout.Token);
        context.Logger.LogInformation("Priced {Invoice}: {Total} {Currency}", request.InvoiceNumber, quote?.Total, request.Currency);
        return quote ?? throw new InvalidOperationException($"{PricingFunction} returned no quote for {request.InvoiceNumber}");
    }

    public async Task RepriceAsync(PriceRequest request, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);

        // Correct: InvocationType Event queues the request and returns at once (202); Lambda runs the pricing function
        // on its own, retries it twice on errors, and hands what still fails to its on-failure destination.
        await _lambda.InvokeAsync(
            new InvokeRequest
            {
                FunctionName = PricingFunction,
                InvocationType = InvocationType.Event,
                Payload = JsonSerializer.Serialize(request),
            },
            timeout.Token);
        context.Logger.LogInformation("Queued repricing of {Invoice}", request.InvoiceNumber);
    }
}
