// Executable with a Main method, the shape of the "Custom Runtime Function" template: Main runs once per execution
// environment, wraps the handler with HandlerWrapper.GetHandlerWrapper and hands it to a LambdaBootstrap, which
// calls it for every invocation. Handler string: the assembly name (InventoryReports).
using System.Globalization;
using System.Text;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;

namespace InventoryReports;

public enum ReportFormat
{
    Csv,
    Markdown,
}

public sealed record ReportRequest(string Warehouse, DateOnly Day, ReportFormat Format = ReportFormat.Csv);

public sealed record ReportResult(string Location, int Lines);

public readonly record struct StockLine(string Sku, int OnHand, int Reserved)
{
    public int Available => Math.Max(0, OnHand - Reserved);
}

public static class Program
{
    // Init: static fields are initialized once, before Main runs.
    private static readonly IAmazonS3 s_s3 = new AmazonS3Client();
    private static readonly string s_bucket = Environment.GetEnvironmentVariable("REPORTS_BUCKET") ?? "inventory-reports";

    public static async Task Main()
    {
        Func<ReportRequest, ILambdaContext, Task<ReportResult>> handler = async (request, context) =>
        {
            context.Logger.LogInformation("Building the {Format} report of {Warehouse} for {Day}", request.Format, request.Warehouse, request.Day);
            var lines = await LoadStockAsync(request.Warehouse, request.Day);
            var body = request.Format switch
            {
                ReportFormat.Csv => ToCsv(lines),
                ReportFormat.Markdown => ToMarkdown(request, lines),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, "Unknown report format."),
            };

            var key = $"reports/{request.Warehouse}/{request.Day:yyyy-MM-dd}.{(request.Format == ReportFormat.Csv ? "csv" : "md")}";
            await s_s3.PutObjectAsync(new PutObjectRequest { BucketName = s_bucket, Key = key, ContentBody = body });
            return new ReportResult($"s3://{s_bucket}/{key}", lines.Count);
        };

        using var handlerWrapper = HandlerWrapper.GetHandlerWrapper(handler, new DefaultLambdaJsonSerializer());
        using var bootstrap = new LambdaBootstrap(handlerWrapper);
        await bootstrap.RunAsync();
    }

    private static async Task<IReadOnlyList<StockLine>> LoadStockAsync(string warehouse, DateOnly day)
    {
        var request = new GetObjectRequest { BucketName = s_bucket, Key = $"stock/{warehouse}/{day:yyyy-MM-dd}.csv" };
        using var response = await s_s3.GetObjectAsync(request);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);

        var lines = new List<StockLine>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Split(',') is [var sku, var onHand, var reserved]
                && int.TryParse(onHand, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hand)
                && int.TryParse(reserved, NumberStyles.Integer, CultureInfo.InvariantCulture, out var held))
            {
                lines.Add(new StockLine(sku.Trim(), hand, held));
            }
        }

        return lines;
    }

    private static string ToCsv(IEnumerable<StockLine> lines)
    {
        var csv = new StringBuilder("sku,on_hand,reserved,available\n");
        foreach (var (sku, onHand, reserved) in lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{sku},{onHand},{reserved},{Math.Max(0, onHand - reserved)}\n");
        }

        return csv.ToString();
    }

    private static string ToMarkdown(ReportRequest request, IReadOnlyList<StockLine> lines)
    {
        var low = lines.Where(l => l.Available < 10).Select(l => $"| {l.Sku} | {l.Available} |");
        return $"""
            # Stock of {request.Warehouse} on {request.Day:D}

            {lines.Count} SKUs, {lines.Sum(l => l.Available)} units available.

            | SKU | Available |
            | --- | --- |
            {string.Join("\n", low)}
            """;
    }
}
