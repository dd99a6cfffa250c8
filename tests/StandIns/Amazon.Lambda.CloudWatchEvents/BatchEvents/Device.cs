using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Device
{
    public string ContainerPath { get; set; }

    public string HostPath { get; set; }

    public List<string> Permissions { get; set; }
}
