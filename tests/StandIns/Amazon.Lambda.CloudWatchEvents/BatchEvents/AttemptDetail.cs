namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class AttemptDetail
{
    public AttemptContainerDetail Container { get; set; }

    public long StartedAt { get; set; }

    public string StatusReason { get; set; }

    public long StoppedAt { get; set; }
}
