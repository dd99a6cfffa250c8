// SNS subscription, the shape of the "Simple SNS Function" blueprint: the alarms topic invokes the function with one
// record per notification; the function posts a summary to the team's chat webhook and archives the raw message.
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SNSEvents;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace AlarmRelay;

public enum Severity
{
    Info,
    Warning,
    Critical,
}

/// <summary>The fields of a CloudWatch alarm notification the relay reads.</summary>
public sealed record AlarmMessage(string AlarmName, string NewStateValue, string NewStateReason, string? AlarmDescription, string Region);

public sealed record ChatMessage(string Text, string Color);

public sealed class Function
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };
    private static readonly HttpClient s_chat = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

    private readonly Uri? _webhook = Environment.GetEnvironmentVariable("CHAT_WEBHOOK_URL") is { Length: > 0 } url ? new Uri(url) : null;
    private readonly string _archiveBucket = Environment.GetEnvironmentVariable("ARCHIVE_BUCKET") ?? "alarm-archive";

    public async Task FunctionHandler(SNSEvent evnt, ILambdaContext context)
    {
        foreach (var record in evnt.Records ?? [])
        {
            await ProcessRecordAsync(record.Sns, context);
        }
    }

    private async Task ProcessRecordAsync(SNSEvent.SNSMessage message, ILambdaContext context)
    {
        context.Logger.LogInformation("Processed message {MessageId} from {TopicArn}", message.MessageId, message.TopicArn);

        var alarm = TryParse(message.Message);
        var severity = Classify(alarm, message.MessageAttributes);
        var text = alarm is null
            ? $"*{message.Subject ?? "Notification"}*\n{message.Message}"
            : $"*{alarm.AlarmName}* is {alarm.NewStateValue} in {alarm.Region}: {alarm.NewStateReason}";

        if (_webhook is not null && severity >= Severity.Warning)
        {
            var color = severity == Severity.Critical ? "#d00000" : "#ffa500";
            using var response = await s_chat.PostAsJsonAsync(_webhook, new ChatMessage(text, color));
            if (!response.IsSuccessStatusCode)
            {
                context.Logger.LogWarning("The chat webhook answered {Status}", (int)response.StatusCode);
            }
        }

        await ArchiveAsync(message);
    }

    private static AlarmMessage? TryParse(string body)
    {
        try
        {
            return body.StartsWith('{') ? JsonSerializer.Deserialize<AlarmMessage>(body, s_json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Severity Classify(AlarmMessage? alarm, IDictionary<string, SNSEvent.MessageAttribute>? attributes) =>
        (alarm, attributes?.TryGetValue("severity", out var attribute) == true ? attribute.Value : null) switch
        {
            (_, "critical") => Severity.Critical,
            ({ NewStateValue: "ALARM" }, _) => Severity.Warning,
            ({ NewStateValue: "OK" }, _) => Severity.Info,
            (null, "warning") => Severity.Warning,
            _ => Severity.Info,
        };

    private async Task ArchiveAsync(SNSEvent.SNSMessage message)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(message.Message));
        }

        buffer.Position = 0;
        await s_s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _archiveBucket,
            Key = $"{message.Timestamp:yyyy/MM/dd}/{message.MessageId}.json.gz",
            InputStream = buffer,
            ContentType = "application/json",
            Headers = { ContentEncoding = "gzip" },
        });
    }
}
