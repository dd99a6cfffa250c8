using System;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class ManagedAgent
{
    public DateTime LastStartedAt { get; set; }

    public string LastStatus { get; set; }

    public string Name { get; set; }

    public string Reason { get; set; }
}
