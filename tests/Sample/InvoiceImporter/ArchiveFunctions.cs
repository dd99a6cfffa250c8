using System.Diagnostics;
using System.Net.Http.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.S3;

namespace InvoiceImporter;

/// <summary>An invoice source file to move to (or back from) the archive bucket.</summary>
public sealed record ArchiveRequest(string CustomerId, string InvoiceNumber, string Key);

public sealed record ArchiveResult(string CustomerId, string InvoiceNumber, string Key);

/// <summary>
/// Moves the source files of settled invoices to the archive bucket and back, recording the move on the invoice and in
/// the audit service. Handlers: <c>InvoiceImporter::InvoiceImporter.ArchiveFunctions::ArchiveAsync</c> and
/// <c>...::RestoreAsync</c>.
/// </summary>
public sealed class ArchiveFunctions
{
    private static readonly HttpClient s_audit = new() { BaseAddress = new Uri(Settings.Optional("AUDIT_URL") ?? "https://audit.internal/") };

    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly string _importsBucket = Settings.Optional("IMPORTS_BUCKET") ?? "invoice-imports";
    private readonly string _archiveBucket = Settings.Optional("ARCHIVE_BUCKET") ?? "invoice-archive";

    public async Task<ArchiveResult> ArchiveAsync(ArchiveRequest request, ILambdaContext context)
    {
        var archivedKey = $"{request.CustomerId}/{request.InvoiceNumber}/{Path.GetFileName(request.Key)}";

        // Mistake (LMB0009): no deadline on the S3 copy; at the timeout Lambda kills it with no log line.
        await _s3.CopyObjectAsync(_importsBucket, request.Key, _archiveBucket, archivedKey);

        // Mistake (LMB0009): nor on the DynamoDB update.
        await _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Settings.InvoicesTable,
            Key = InvoiceKey(request),
            UpdateExpression = "SET ArchivedKey = :key",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":key"] = new() { S = archivedKey } },
        });

        // Mistake (LMB0009): nor on the HTTP call to the audit service.
        using var audit = await s_audit.PostAsJsonAsync("archived", new ArchiveResult(request.CustomerId, request.InvoiceNumber, archivedKey));
        audit.EnsureSuccessStatusCode();

        context.Logger.LogInformation("Archived {Key} as {ArchivedKey}", request.Key, archivedKey);
        return new ArchiveResult(request.CustomerId, request.InvoiceNumber, archivedKey);
    }

    public async Task<ArchiveResult> RestoreAsync(ArchiveRequest request, ILambdaContext context)
    {
        // Correct: a deadline derived from RemainingTime (with time left to log), passed to the S3, DynamoDB and HTTP calls.
        using var deadline = new CancellationTokenSource(
            context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
        var cancellationToken = deadline.Token;

        await _s3.CopyObjectAsync(_archiveBucket, request.Key, _importsBucket, request.Key, cancellationToken);
        await _dynamo.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = Settings.InvoicesTable,
                Key = InvoiceKey(request),
                UpdateExpression = "REMOVE ArchivedKey",
            },
            cancellationToken);
        using var audit = await s_audit.PostAsJsonAsync("restored", request, cancellationToken);
        audit.EnsureSuccessStatusCode();

        context.Logger.LogInformation("Restored {Key}", request.Key);
        return new ArchiveResult(request.CustomerId, request.InvoiceNumber, request.Key);
    }

    private static Dictionary<string, AttributeValue> InvoiceKey(ArchiveRequest request) => new()
    {
        ["CustomerId"] = new() { S = request.CustomerId },
        ["InvoiceNumber"] = new() { S = request.InvoiceNumber },
    };
}

/// <summary>The CloudFormation custom-resource event (the fields this function reads).</summary>
public sealed record CustomResourceRequest(string RequestType, string ResponseURL, string StackId, string RequestId, string LogicalResourceId, string TableName);

public sealed record CustomResourceResponse(string Status, string Reason, string PhysicalResourceId, string StackId, string RequestId, string LogicalResourceId);

/// <summary>
/// A CloudFormation custom resource, as an Annotations function, that waits for the archive index table to become ACTIVE
/// and answers CloudFormation at the pre-signed ResponseURL. It takes no ILambdaContext, so it has no RemainingTime: it
/// bounds its wait with the function's configured timeout instead.
/// </summary>
public sealed class ArchiveTableResource
{
    private const int TimeoutSeconds = 120;

    private static readonly HttpClient s_http = new();

    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

    [LambdaFunction(Timeout = TimeoutSeconds)]
    public async Task OnStackEventAsync(CustomResourceRequest request)
    {
        var status = (await _dynamo.DescribeTableAsync(request.TableName)).Table.TableStatus;

        // Mistake (LMB0010): polls until ACTIVE and never looks at the clock; if the table takes longer than the
        // function's timeout, Lambda kills the invocation and CloudFormation waits an hour for an answer that never comes.
        while (status != TableStatus.ACTIVE)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            status = (await _dynamo.DescribeTableAsync(request.TableName)).Table.TableStatus;
        }

        await RespondAsync(request, "SUCCESS", "The archive table is active.");
    }

    [LambdaFunction(Timeout = TimeoutSeconds)]
    public async Task OnStackEventWithinTimeoutAsync(CustomResourceRequest request)
    {
        var watch = Stopwatch.StartNew();
        var status = (await _dynamo.DescribeTableAsync(request.TableName)).Table.TableStatus;

        // Correct: the loop stops 15 seconds before the timeout, leaving time to answer FAILED.
        while (status != TableStatus.ACTIVE && watch.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds - 15))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            status = (await _dynamo.DescribeTableAsync(request.TableName)).Table.TableStatus;
        }

        var active = status == TableStatus.ACTIVE;
        await RespondAsync(request, active ? "SUCCESS" : "FAILED", active ? "The archive table is active." : "The table is not active yet.");
    }

    private static async Task RespondAsync(CustomResourceRequest request, string status, string reason)
    {
        var body = new CustomResourceResponse(status, reason, request.TableName, request.StackId, request.RequestId, request.LogicalResourceId);
        using var response = await s_http.PutAsJsonAsync(request.ResponseURL, body);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>
/// Waits until an invoice source file restored from the archive's cold storage class can be read again, so that the
/// re-import that follows finds it. Handler: <c>InvoiceImporter::InvoiceImporter.ArchiveRestoreWaitFunction::WaitAsync</c>.
/// </summary>
public sealed class ArchiveRestoreWaitFunction
{
    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly string _archiveBucket = Settings.Optional("ARCHIVE_BUCKET") ?? "invoice-archive";

    public async Task<ArchiveResult> WaitAsync(ArchiveRequest request, ILambdaContext context)
    {
        // Mistake (LMB0010): only the restore ends the wait, and a restore takes hours; Lambda kills the invocation at
        // its timeout, mid-loop, without the log line below. The fix passes the delay a deadline from RemainingTime.
        while (!await IsRestoredAsync(request.Key))
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
        }

        context.Logger.LogInformation("Restored {Key}", request.Key);
        return new ArchiveResult(request.CustomerId, request.InvoiceNumber, request.Key);
    }

    private async Task<bool> IsRestoredAsync(string key)
    {
        var metadata = await _s3.GetObjectMetadataAsync(_archiveBucket, key);
        return metadata.RestoreInProgress != true;
    }
}
