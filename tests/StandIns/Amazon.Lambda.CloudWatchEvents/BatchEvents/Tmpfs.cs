using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Tmpfs
{
    public string ContainerPath { get; set; }

    public List<string> MountOptions { get; set; }

    public int Size { get; set; }
}
