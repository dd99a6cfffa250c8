using System.Net;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Amazon.SQS;
using InvoiceImporter.Invoices;

namespace InvoiceImporter;

/// <summary>What one invocation imported.</summary>
public sealed record ImportSummary(int Files, int Imported, int Rejected);

/// <summary>The event the Notifications Service turns into an e-mail to the customer.</summary>
public sealed record InvoicesImported(string CustomerId, int Count, string SourceKey);

/// <summary>
/// Imports the invoices of a CSV file uploaded to the imports bucket (s3:ObjectCreated:* on the <c>incoming/</c> prefix)
/// into the Invoices table. Lines that do not parse are written back as <c>rejected/&lt;file&gt;.csv</c>.
/// Handler: <c>InvoiceImporter::InvoiceImporter.ImportFunction::FunctionHandler</c>.
/// </summary>
public sealed class ImportFunction
{
    private static readonly string? s_archiveBucket = Settings.Optional("ARCHIVE_BUCKET");

    // Correct: Lazy<T> runs its factory once, on first use, and keeps the client; a function deployed without an
    // archive bucket never creates it.
    private static readonly Lazy<IAmazonS3> s_archiveS3 =
        new(() => new AmazonS3Client(RegionEndpoint.GetBySystemName(Settings.Required("ARCHIVE_REGION"))));

    private readonly IAmazonS3 _s3;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _notificationsQueueUrl;
    private IAmazonSQS? _sqs;

    /// <summary>
    /// Used by Lambda: the runtime creates one instance per execution environment, so the clients made here serve every
    /// invocation of that environment.
    /// </summary>
    public ImportFunction()
    {
        _s3 = new AmazonS3Client();
        _dynamo = new AmazonDynamoDBClient();
        _notificationsQueueUrl = Settings.Required("NOTIFICATIONS_QUEUE_URL");
    }

    /// <summary>Used by the unit tests, with fakes of the clients.</summary>
    public ImportFunction(IAmazonS3 s3, IAmazonDynamoDB dynamo, string notificationsQueueUrl)
    {
        _s3 = s3;
        _dynamo = dynamo;
        _notificationsQueueUrl = notificationsQueueUrl;
    }

    public async Task<ImportSummary> FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var cancellationToken = timeout.Token;

        // Mistake (LMB0001): the field only looks shared; assigning it here builds a new client on every invocation.
        _sqs = new AmazonSQSClient();

        var summary = new ImportSummary(0, 0, 0);
        foreach (var record in s3Event.Records ?? [])
        {
            var bucket = record.S3.Bucket.Name;
            var key = WebUtility.UrlDecode(record.S3.Object.Key); // keys arrive URL-encoded, spaces as '+'
            context.Logger.LogInformation("Importing s3://{Bucket}/{Key} ({Size} bytes)", bucket, key, record.S3.Object.Size);

            CsvParseResult result;
            try
            {
                using var csv = await _s3.GetObjectAsync(bucket, key, cancellationToken);
                result = await InvoiceCsvParser.ParseAsync(csv.ResponseStream, cancellationToken);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // A retried event for a file that was already moved away: nothing left to import.
                context.Logger.LogWarning("s3://{Bucket}/{Key} no longer exists; skipped", bucket, key);
                continue;
            }

            await SaveInvoicesAsync(result.Invoices, key, context, cancellationToken);

            if (result.Rejected.Count > 0)
            {
                // Correct: this TransferUtility wraps the shared client instead of creating one of its own.
                using var transfer = new TransferUtility(_s3);
                using var report = new MemoryStream(Encoding.UTF8.GetBytes(FormatRejected(result.Rejected)));
                await transfer.UploadAsync(report, bucket, "rejected/" + Path.GetFileName(key), cancellationToken);
                context.Logger.LogWarning("{Count} lines of {Key} were rejected", result.Rejected.Count, key);
            }

            if (s_archiveBucket is not null)
            {
                await s_archiveS3.Value.CopyObjectAsync(
                    new CopyObjectRequest { SourceBucket = bucket, SourceKey = key, DestinationBucket = s_archiveBucket, DestinationKey = key },
                    cancellationToken);
            }

            foreach (var customer in result.Invoices.GroupBy(invoice => invoice.CustomerId))
            {
                var message = JsonSerializer.Serialize(new InvoicesImported(customer.Key, customer.Count(), key));
                await _sqs.SendMessageAsync(_notificationsQueueUrl, message, cancellationToken);
            }

            summary = summary with
            {
                Files = summary.Files + 1,
                Imported = summary.Imported + result.Invoices.Count,
                Rejected = summary.Rejected + result.Rejected.Count,
            };
        }

        context.Logger.LogInformation("Imported {Imported} invoices from {Files} files, rejected {Rejected} lines", summary.Imported, summary.Files, summary.Rejected);
        return summary;
    }

    private async Task SaveInvoicesAsync(IReadOnlyList<Invoice> invoices, string sourceKey, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (invoices.Count == 0)
        {
            return;
        }

        // Mistake (LMB0001): a DynamoDBContext, and its cache of table metadata, built on every invocation; build it
        // once in the constructors, next to the client it wraps.
        using var db = new DynamoDBContextBuilder().WithDynamoDBClient(() => _dynamo).Build();

        var importedAt = DateTime.UtcNow;
        var batch = db.CreateBatchWrite<InvoiceItem>();
        batch.AddPutItems(invoices.Select(invoice => InvoiceItem.From(invoice, sourceKey, importedAt)));
        await batch.ExecuteAsync(cancellationToken);
        context.Logger.LogInformation("Wrote {Count} invoices from {Key}", invoices.Count, sourceKey);
    }

    private static string FormatRejected(IReadOnlyList<RejectedLine> rejected)
    {
        var report = new StringBuilder("line,reason\n");
        foreach (var line in rejected)
        {
            report.Append(line.LineNumber).Append(",\"").Append(line.Reason.Replace("\"", "\"\"")).Append("\"\n");
        }

        return report.ToString();
    }
}
