using System.Globalization;
using System.Text;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceDocuments;

/// <summary>An invoice to print, sent by the Invoice API when a customer asks for a printable copy.</summary>
public sealed record RenderRequest(string CustomerId, string InvoiceNumber, string IssuedOn, decimal Amount, string Currency);

/// <summary>Where the printable invoice was written.</summary>
public sealed record RenderedInvoice(string Bucket, string Key);

/// <summary>
/// Writes a printable copy of an invoice to the documents bucket, and renders a preview of one without storing it.
/// Handlers: <c>InvoiceDocuments::InvoiceDocuments.RenderFunction::FunctionHandler</c> (invoked by the Invoice API with a
/// JSON payload) and <c>InvoiceDocuments::InvoiceDocuments.RenderFunction::PreviewHandler</c> (behind a Lambda function
/// URL, raw bytes in and out).
/// </summary>
public sealed class RenderFunction
{
    private static readonly TimeSpan s_reserve = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_minimum = TimeSpan.FromMilliseconds(300);

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    // Correct: the AWS blueprint's pair of constructors. The runtime creates the function with the public parameterless
    // one; the unit tests pass fakes to the other.
    public RenderFunction()
        : this(new AmazonS3Client(), Environment.GetEnvironmentVariable("DOCUMENTS_BUCKET") ?? "invoice-documents")
    {
    }

    public RenderFunction(IAmazonS3 s3, string bucket)
    {
        _s3 = s3;
        _bucket = bucket;
    }

    // Mistake (LMB0012): the project declares no [assembly: LambdaSerializer], so the runtime has nothing to read a
    // RenderRequest or write a RenderedInvoice with: every invocation fails to initialize.
    public async Task<RenderedInvoice> FunctionHandler(RenderRequest request, ILambdaContext context)
    {
        // ILambdaContext has no CancellationToken: the deadline comes from the remaining time, never below a minimum.
        var budget = context.RemainingTime - s_reserve;
        using var deadline = new CancellationTokenSource(budget > s_minimum ? budget : s_minimum);

        var key = $"printable/{request.CustomerId}/{request.InvoiceNumber}.txt";
        await _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = Render(request), ContentType = "text/plain" },
            deadline.Token);
        context.Logger.LogInformation("Rendered {InvoiceNumber} to {Key}", request.InvoiceNumber, key);
        return new RenderedInvoice(_bucket, key);
    }

    // Correct: Stream in, Stream out. The runtime passes the request body and returns the bytes as they are; no
    // serializer is involved.
    public Stream PreviewHandler(Stream input, ILambdaContext context)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        var fields = reader.ReadToEnd().Split(';');
        if (fields.Length != 5 || !decimal.TryParse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return new MemoryStream(Encoding.UTF8.GetBytes("expected: customer;invoice;issued on;amount;currency"));
        }

        var preview = Render(new RenderRequest(fields[0], fields[1], fields[2], amount, fields[4]));
        return new MemoryStream(Encoding.UTF8.GetBytes(preview));
    }

    private static string Render(RenderRequest request) =>
        new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Invoice {request.InvoiceNumber}")
            .AppendLine(CultureInfo.InvariantCulture, $"Customer: {request.CustomerId}")
            .AppendLine(CultureInfo.InvariantCulture, $"Issued on: {request.IssuedOn}")
            .AppendLine(CultureInfo.InvariantCulture, $"Amount due: {request.Amount:N2} {request.Currency}")
            .ToString();
}
