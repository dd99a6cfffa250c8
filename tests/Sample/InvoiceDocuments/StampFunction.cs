using System.Text;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceDocuments;

/// <summary>
/// Stamps "PAID" on a printable invoice and keeps the stamped copy: the document's text in, the stamped text out.
/// Handler: <c>InvoiceDocuments::InvoiceDocuments.StampFunction::FunctionHandler</c>.
/// </summary>
public sealed class StampFunction(IAmazonS3 s3)
{
    private const string Bucket = "invoice-documents";

    private static readonly TimeSpan s_reserve = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_minimum = TimeSpan.FromMilliseconds(300);

    // Mistake (LMB0012): the class's only constructor takes the S3 client, as if a dependency injection container
    // created it; the runtime creates the function with a public parameterless constructor, and there is none.
    public async Task<Stream> FunctionHandler(Stream document, ILambdaContext context)
    {
        var budget = context.RemainingTime - s_reserve;
        using var deadline = new CancellationTokenSource(budget > s_minimum ? budget : s_minimum);

        using var reader = new StreamReader(document, Encoding.UTF8);
        var stamped = await reader.ReadToEndAsync(deadline.Token) + "\n*** PAID ***\n";
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = $"stamped/{context.AwsRequestId}.txt", ContentBody = stamped },
            deadline.Token);
        return new MemoryStream(Encoding.UTF8.GetBytes(stamped));
    }
}
