namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectCreate : S3ObjectEventDetails
{
    public string SourceIpAddress { get; set; }

    public string Reason { get; set; }
}
