namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class Bucket
{
    public string Name { get; set; }
}
