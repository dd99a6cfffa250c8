using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;
using Amazon.S3.Transfer;

namespace InvoiceImporter;

/// <summary>What one bulk import counted, written as a checkpoint for the operations dashboard.</summary>
public sealed record BulkImportCheckpoint(string Key, int Lines, DateTime FinishedAt);

/// <summary>
/// Counts the lines of the large month-end invoice exports (s3:ObjectCreated:* on the <c>bulk/</c> prefix) before they
/// are split for import. Files of several hundred megabytes are downloaded to /tmp with TransferUtility, which fetches
/// them in parallel parts, instead of being streamed.
/// Handler: <c>InvoiceImporter::InvoiceImporter.BulkImportFunction::FunctionHandler</c>.
/// </summary>
public sealed class BulkImportFunction
{
    private readonly ITransferUtility _transfer;

    public BulkImportFunction()
        : this(new TransferUtility(new AmazonS3Client()))
    {
    }

    /// <summary>Used by the unit tests, with a fake TransferUtility.</summary>
    public BulkImportFunction(ITransferUtility transfer) => _transfer = transfer;

    public async Task<int> FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var total = 0;
        foreach (var record in s3Event.Records ?? [])
        {
            var key = record.S3.Object.Key;

            // Mistake (LMB0008): a file named after the request, downloaded on every invocation and never deleted; warm
            // environments keep them until /tmp is full.
            var localPath = Path.Combine(Path.GetTempPath(), context.AwsRequestId + ".csv");
            await _transfer.DownloadAsync(localPath, record.S3.Bucket.Name, key, timeout.Token);
            var lines = File.ReadLines(localPath).Count();
            total += lines;

            // Mistake (LMB0007): a relative path resolves under /var/task, which is read-only on Lambda.
            File.WriteAllText("last-bulk-import.json", JsonSerializer.Serialize(new BulkImportCheckpoint(key, lines, DateTime.UtcNow)));
        }

        return total;
    }

    /// <summary>The same count for one file named in the request, as the dashboard's "recount" button sends it.</summary>
    public async Task<int> RecountHandler(string key, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);

        // Correct: the per-invocation file is deleted in a finally block, whatever happens while it is read.
        var localPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        try
        {
            await _transfer.DownloadAsync(localPath, Settings.Required("BULK_BUCKET"), key, timeout.Token);
            var lines = File.ReadLines(localPath).Count();

            // Correct: the checkpoint goes under the temp folder, and its fixed name is overwritten by every invocation.
            File.WriteAllText(
                Path.Combine(Path.GetTempPath(), "last-bulk-import.json"),
                JsonSerializer.Serialize(new BulkImportCheckpoint(key, lines, DateTime.UtcNow)));
            return lines;
        }
        finally
        {
            File.Delete(localPath);
        }
    }
}

/// <summary>
/// Builds the archive of a month's invoices, in one-megabyte blocks, before it is uploaded to the archive bucket.
/// Handlers: <c>InvoiceImporter::InvoiceImporter.BulkArchiveFunction::MonthlyHandler</c> and <c>DailyHandler</c>.
/// </summary>
public sealed class BulkArchiveFunction
{
    private const int BlockSize = 1024 * 1024;

    public async Task<string> MonthlyHandler(string month, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var path = Path.Combine(Path.GetTempPath(), "monthly-archive.bin");
        await using var archive = new FileStream(path, FileMode.Create, FileAccess.Write);
        var block = new byte[BlockSize];

        // Mistake (LMB0006): 600 one-megabyte blocks staged in /tmp, which holds 512 MB unless the function configures more.
        for (var i = 0; i < 600; i++)
        {
            await archive.WriteAsync(block, timeout.Token);
        }

        return path;
    }

    public async Task<string> DailyHandler(string day, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var path = Path.Combine(Path.GetTempPath(), "daily-archive.bin");
        await using var archive = new FileStream(path, FileMode.Create, FileAccess.Write);
        var block = new byte[BlockSize];

        // Correct: a day's archive, 20 blocks, fits in the default 512 MB of /tmp.
        for (var i = 0; i < 20; i++)
        {
            await archive.WriteAsync(block, timeout.Token);
        }

        return path;
    }
}
