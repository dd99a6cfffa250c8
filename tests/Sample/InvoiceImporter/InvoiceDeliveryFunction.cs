using System.Collections.Concurrent;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceImporter;

/// <summary>A customer's request to receive a copy of an invoice in a bucket of their own, in their own region.</summary>
public sealed record DeliveryRequest(string UserId, string CustomerId, string InvoiceNumber, string Region, string Bucket);

/// <summary>Where the copy went, or that it had been delivered before.</summary>
public sealed record DeliveryResult(string InvoiceNumber, string? Location, bool AlreadyDelivered);

/// <summary>
/// Copies the PDF of an imported invoice from the archive into the customer's bucket, with an S3 client for the
/// customer's region. Invoked by the customer portal's backend.
/// Handler: <c>InvoiceImporter::InvoiceImporter.InvoiceDeliveryFunction::DeliverAsync</c>.
/// </summary>
public sealed class InvoiceDeliveryFunction
{
    // Correct (not reported): one client per region, created on first use and shared by later invocations.
    private static readonly ConcurrentDictionary<string, IAmazonS3> s_regionalClients = new();

    private static readonly List<string> s_deliveredInvoices = new();
    private static readonly DeliveryAudit s_audit = new();
    private static bool s_coldStart = true;

    private readonly IAmazonS3 _archive;
    private readonly string _archiveBucket;
    private int _deliveries;
    private string? _requestedBy;

    public InvoiceDeliveryFunction()
        : this(new AmazonS3Client(), Settings.Required("ARCHIVE_BUCKET"))
    {
    }

    /// <summary>Used by the unit tests, with a fake of the archive client.</summary>
    public InvoiceDeliveryFunction(IAmazonS3 archive, string archiveBucket)
    {
        _archive = archive;
        _archiveBucket = archiveBucket;
    }

    public async Task<DeliveryResult> DeliverAsync(DeliveryRequest request, ILambdaContext context)
    {
        // Correct (not reported): a cold-start flag and a counter keep nothing of the request.
        var coldStart = s_coldStart;
        s_coldStart = false;
        _deliveries++;

        // Mistake (LMB0005): the instance serves every later invocation of this environment; a request that fails
        // before this line is audited under the previous caller's user id.
        _requestedBy = request.UserId;

        if (s_deliveredInvoices.Contains(request.InvoiceNumber))
        {
            return new DeliveryResult(request.InvoiceNumber, null, AlreadyDelivered: true);
        }

        using var timeout = TimeBudget.Start(context);
        var key = $"invoices/{request.CustomerId}/{request.InvoiceNumber}.pdf";
        var target = s_regionalClients.GetOrAdd(request.Region, region => new AmazonS3Client(RegionEndpoint.GetBySystemName(region)));

        using var original = await _archive.GetObjectAsync(_archiveBucket, key, timeout.Token);
        await target.PutObjectAsync(
            new PutObjectRequest { BucketName = request.Bucket, Key = key, InputStream = original.ResponseStream, AutoCloseStream = false },
            timeout.Token);

        // Mistake (LMB0005): the list of delivered invoices grows on every invocation and is never emptied, and it
        // only knows this environment's deliveries: a conditional write to DynamoDB is the reliable record.
        s_deliveredInvoices.Add(request.InvoiceNumber);
        s_audit.Record(request.UserId, request.InvoiceNumber);
        var receipt = new DeliveryReceipt();
        receipt.Sign(request.UserId);

        context.Logger.LogInformation("Delivered {Invoice} to {Bucket} for {User} (delivery {Count}, cold start {Cold}, {Receipt})",
            request.InvoiceNumber, request.Bucket, _requestedBy, _deliveries, coldStart, receipt);
        return new DeliveryResult(request.InvoiceNumber, $"s3://{request.Bucket}/{key}", AlreadyDelivered: false);
    }
}
