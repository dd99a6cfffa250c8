namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectEventDetails
{
    public string Version { get; set; }

    public Bucket Bucket { get; set; }

    public S3Object Object { get; set; }

    public string RequestId { get; set; }

    public string Requester { get; set; }
}
