// EventBridge (CloudWatch Events) schedule, the shape of the "Scheduled task" blueprints: rate(1 day) invokes the
// function with a ScheduledEvent; it deletes the exports older than the retention period, within its time budget.
using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace ExportJanitor;

public sealed record CleanupOptions(string Bucket, string Prefix, TimeSpan Retention, bool DryRun)
{
    public static CleanupOptions FromEnvironment() => new(
        Environment.GetEnvironmentVariable("EXPORTS_BUCKET") ?? "exports",
        Environment.GetEnvironmentVariable("EXPORTS_PREFIX") ?? "daily/",
        TimeSpan.FromDays(int.TryParse(Environment.GetEnvironmentVariable("RETENTION_DAYS"), out var days) ? days : 30),
        string.Equals(Environment.GetEnvironmentVariable("DRY_RUN"), "true", StringComparison.OrdinalIgnoreCase));
}

public sealed record CleanupResult(int Scanned, int Deleted, bool Finished);

public class Function(IAmazonS3 s3, CleanupOptions options)
{
    private const int DeleteBatchSize = 1000;
    private static readonly TimeSpan s_safetyMargin = TimeSpan.FromSeconds(15);

    public Function()
        : this(new AmazonS3Client(), CleanupOptions.FromEnvironment())
    {
    }

    public async Task<CleanupResult> FunctionHandler(ScheduledEvent scheduledEvent, ILambdaContext context)
    {
        var cutoff = scheduledEvent.Time.ToUniversalTime() - options.Retention;
        context.Logger.LogInformation("Schedule {Id} fired at {Time:O}; deleting s3://{Bucket}/{Prefix}* older than {Cutoff:O}",
            scheduledEvent.Id, scheduledEvent.Time, options.Bucket, options.Prefix, cutoff);

        var scanned = 0;
        var deleted = 0;
        var batch = new List<KeyVersion>(DeleteBatchSize);
        var listing = s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = options.Bucket, Prefix = options.Prefix });

        await foreach (var item in listing.S3Objects)
        {
            scanned++;
            if (item.LastModified is { } modified && modified.ToUniversalTime() < cutoff)
            {
                batch.Add(new KeyVersion { Key = item.Key });
            }

            if (batch.Count == DeleteBatchSize)
            {
                deleted += await DeleteAsync(batch, context.Logger);
                batch.Clear();
            }

            if (context.RemainingTime < s_safetyMargin)
            {
                context.Logger.LogWarning("Out of time after {Scanned} objects; the next run continues", scanned);
                deleted += await DeleteAsync(batch, context.Logger);
                return new CleanupResult(scanned, deleted, Finished: false);
            }
        }

        deleted += await DeleteAsync(batch, context.Logger);
        context.Logger.LogInformation("Scanned {Scanned}, deleted {Deleted}", scanned, deleted);
        return new CleanupResult(scanned, deleted, Finished: true);
    }

    private async Task<int> DeleteAsync(IReadOnlyCollection<KeyVersion> keys, ILambdaLogger logger)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        if (options.DryRun)
        {
            logger.LogInformation("Dry run: would delete {Keys}", string.Join(", ", keys.Take(5).Select(k => k.Key)));
            return keys.Count;
        }

        var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = options.Bucket,
            Objects = [.. keys],
            Quiet = true,
        });

        foreach (var error in response.DeleteErrors ?? [])
        {
            logger.LogWarning("Could not delete {Key}: {Code} {Message}", error.Key, error.Code, error.Message);
        }

        return keys.Count - (response.DeleteErrors?.Count ?? 0);
    }
}
