namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectDelete : S3ObjectEventDetails
{
    public string SourceIpAddress { get; set; }

    public string Reason { get; set; }

    public string DeletionType { get; set; }
}
