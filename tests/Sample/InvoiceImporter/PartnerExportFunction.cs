using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceImporter;

/// <summary>An invoice to hand to a partner: the partner's bucket and the invoice's source file.</summary>
public sealed record PartnerExport(string PartnerBucket, string InvoiceNumber, string Key);

/// <summary>
/// Copies settled invoices into the buckets of the partners who collect them. Handlers:
/// <c>InvoiceImporter::InvoiceImporter.PartnerExportFunction::ExportAsync</c> and <c>...::ExportWithRoleAsync</c>.
/// </summary>
public sealed class PartnerExportFunction
{
    // Mistake (LMB0016): an access key of the partner-export IAM user, written into the code. It ships in the
    // deployment package and stays in source control history; it does not rotate, and whoever reads the package can use
    // it. The function's execution role already gives it temporary credentials.
    private static readonly IAmazonS3 s_withUserKey = new AmazonS3Client(
        new BasicAWSCredentials("AKIAZ7PQR4TW2XN5LB3Q", "q8Vr2LmT6yXk4Pz9Nw1Bd7Hc3Fs5Gj0Ka2Re8Ut6"),
        RegionEndpoint.EUWest1);

    // Correct: the SDK's default credential chain finds the execution role's credentials in the environment; the
    // role's policy grants s3:PutObject on the partners' buckets.
    private static readonly IAmazonS3 s_withRole = new AmazonS3Client(RegionEndpoint.EUWest1);

    public Task ExportAsync(PartnerExport export, ILambdaContext context) => CopyAsync(s_withUserKey, export, context);

    public Task ExportWithRoleAsync(PartnerExport export, ILambdaContext context) => CopyAsync(s_withRole, export, context);

    private static async Task CopyAsync(IAmazonS3 s3, PartnerExport export, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        await s3.CopyObjectAsync(
            new CopyObjectRequest
            {
                SourceBucket = Settings.Optional("ARCHIVE_BUCKET") ?? "invoice-archive",
                SourceKey = export.Key,
                DestinationBucket = export.PartnerBucket,
                DestinationKey = $"invoices/{export.InvoiceNumber}.json",
            },
            timeout.Token);
        context.Logger.LogInformation("Exported {Invoice} to {Bucket}", export.InvoiceNumber, export.PartnerBucket);
    }
}
