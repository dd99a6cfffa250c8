using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class LinuxParameters
{
    public List<Device> Devices { get; set; }

    public bool InitProcessEnabled { get; set; }

    public int MaxSwap { get; set; }

    public int SharedMemorySize { get; set; }

    public int Swappiness { get; set; }

    public List<Tmpfs> Tmpfs { get; set; }
}
