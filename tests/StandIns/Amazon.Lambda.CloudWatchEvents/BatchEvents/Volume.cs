namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Volume
{
    public EFSVolumeConfiguration EfsVolumeConfiguration { get; set; }

    public Host Host { get; set; }

    public string Name { get; set; }
}
