namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectRestore : S3ObjectEventDetails
{
    public string RestoreExpiryTime { get; set; }

    public string SourceStorageClass { get; set; }
}
