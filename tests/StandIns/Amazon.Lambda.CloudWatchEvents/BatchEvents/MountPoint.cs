namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class MountPoint
{
    public string ContainerPath { get; set; }

    public bool ReadOnly { get; set; }

    public string SourceVolume { get; set; }
}
