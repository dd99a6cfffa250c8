namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3Object
{
    public string Key { get; set; }

    public long Size { get; set; }

    public string ETag { get; set; }

    public string VersionId { get; set; }

    public string Sequencer { get; set; }
}
