using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceImporter;

/// <summary>
/// Copies the day's exchange rates from the FX rates service to the configuration bucket, where the invoice API reads
/// them to convert invoices. When the service does not answer in time, yesterday's rates stay. Handlers:
/// <c>InvoiceImporter::InvoiceImporter.RatesRefreshFunction::RefreshAsync</c> and <c>...::RefreshWithinTimeoutAsync</c>;
/// template.yaml gives both functions the 30 s timeout of its <c>Globals</c>.
/// </summary>
public sealed class RatesRefreshFunction
{
    private static readonly HttpClient s_rates = new() { BaseAddress = new Uri(Settings.Optional("FX_RATES_URL") ?? "https://fx.internal/") };

    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly string _configBucket = Settings.Optional("CONFIG_BUCKET") ?? "invoice-config";

    public async Task<int> RefreshAsync(ILambdaContext context)
    {
        // Mistake (LMB0013): the rates service gets two minutes, and the function times out after 30 s: the token never
        // fires, Lambda kills the invocation first, and the warning below is never logged.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await CopyRatesAsync(context, timeout.Token);
    }

    public async Task<int> RefreshWithinTimeoutAsync(ILambdaContext context)
    {
        // Correct: the wait ends two seconds before the function's timeout, leaving time to log and keep yesterday's rates.
        using var timeout = new CancellationTokenSource(
            context.RemainingTime > TimeSpan.FromSeconds(3) ? context.RemainingTime - TimeSpan.FromSeconds(2) : Timeout.InfiniteTimeSpan);
        return await CopyRatesAsync(context, timeout.Token);
    }

    private async Task<int> CopyRatesAsync(ILambdaContext context, CancellationToken cancellationToken)
    {
        try
        {
            var rates = await s_rates.GetStringAsync("rates/today", cancellationToken);
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _configBucket, Key = "fx/rates.json", ContentBody = rates }, cancellationToken);
            return rates.Length;
        }
        catch (OperationCanceledException)
        {
            context.Logger.LogWarning("The FX rates service did not answer in time; yesterday's rates stay");
            return 0;
        }
    }
}
