using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class ContainerOverride
{
    public List<string> Command { get; set; }

    public int Cpu { get; set; }

    public List<NameValue> Environment { get; set; }

    public int Memory { get; set; }

    public int MemoryReservation { get; set; }

    public string Name { get; set; }
}
