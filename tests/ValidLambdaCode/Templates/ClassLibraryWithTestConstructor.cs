// Class-library function, the shape of the "Simple S3 Function" template: the runtime creates one Function per
// execution environment with the public parameterless constructor and calls FunctionHandler for every event.
// Handler string: ImageCatalog::ImageCatalog.Function::FunctionHandler
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;

// Converts the JSON of the S3 notification into S3Event and the returned summary back into JSON.
[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace ImageCatalog;

/// <summary>One uploaded image, as stored in the catalog table.</summary>
public sealed record CatalogEntry(string Bucket, string Key, string ContentType, long Size, DateTime UploadedAt)
{
    public Dictionary<string, AttributeValue> ToItem() => new()
    {
        ["Pk"] = new AttributeValue { S = $"{Bucket}/{Key}" },
        ["ContentType"] = new AttributeValue { S = ContentType },
        ["Size"] = new AttributeValue { N = Size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["UploadedAt"] = new AttributeValue { S = UploadedAt.ToString("O") },
    };
}

/// <summary>What one invocation did with the records of its event.</summary>
public sealed record CatalogSummary(int Cataloged, int Skipped);

public class Function
{
    private static readonly string[] s_imageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

    private readonly IAmazonS3 _s3;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;

    /// <summary>
    /// Used by Lambda: runs once per execution environment, so the clients created here serve every invocation.
    /// Credentials and region come from the function's execution role and environment.
    /// </summary>
    public Function()
    {
        _s3 = new AmazonS3Client();
        _dynamo = new AmazonDynamoDBClient();
        _tableName = Environment.GetEnvironmentVariable("CATALOG_TABLE") ?? "ImageCatalog";
    }

    /// <summary>Used by the unit tests, which pass fakes of the clients.</summary>
    public Function(IAmazonS3 s3, IAmazonDynamoDB dynamo, string tableName = "ImageCatalog")
    {
        _s3 = s3;
        _dynamo = dynamo;
        _tableName = tableName;
    }

    /// <summary>Catalogs the images of an s3:ObjectCreated:* notification and skips every other object.</summary>
    public async Task<CatalogSummary> FunctionHandler(S3Event evnt, ILambdaContext context)
    {
        var records = evnt.Records ?? [];
        if (records.Count == 0)
        {
            context.Logger.LogInformation("Empty event, nothing to catalog");
            return new CatalogSummary(0, 0);
        }

        var cataloged = 0;
        var skipped = 0;
        foreach (var record in records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = WebUtility.UrlDecode(record.S3.Object.Key);
            try
            {
                var metadata = await _s3.GetObjectMetadataAsync(bucket, key);
                if (!IsImage(metadata.Headers.ContentType))
                {
                    context.Logger.LogDebug("Skipping s3://{Bucket}/{Key}: {ContentType}", bucket, key, metadata.Headers.ContentType);
                    skipped++;
                    continue;
                }

                var entry = new CatalogEntry(bucket, key, metadata.Headers.ContentType, metadata.ContentLength, record.EventTime);
                await _dynamo.PutItemAsync(new PutItemRequest { TableName = _tableName, Item = entry.ToItem() });
                cataloged++;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Deleted again before the notification arrived: nothing left to catalog.
                context.Logger.LogWarning("s3://{Bucket}/{Key} no longer exists", bucket, key);
                skipped++;
            }
            catch (AmazonS3Exception ex)
            {
                context.Logger.LogError(ex, "Reading s3://{Bucket}/{Key} failed; make sure the object exists and the function may read it", bucket, key);
                throw;
            }
        }

        context.Logger.LogInformation("Cataloged {Cataloged} images, skipped {Skipped} objects", cataloged, skipped);
        return new CatalogSummary(cataloged, skipped);
    }

    private static bool IsImage(string? contentType) =>
        contentType is not null && s_imageTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase);
}
