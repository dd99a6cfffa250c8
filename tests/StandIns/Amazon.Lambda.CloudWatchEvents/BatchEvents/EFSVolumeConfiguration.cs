namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class EFSVolumeConfiguration
{
    public EFSAuthorizationConfig AuthorizationConfig { get; set; }

    public string FileSystemId { get; set; }

    public string RootDirectory { get; set; }

    public string TransitEncryption { get; set; }

    public int TransitEncryptionPort { get; set; }
}
