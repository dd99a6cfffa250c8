namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class NodeRangeProperty
{
    public ContainerProperties Container { get; set; }

    public string TargetNodes { get; set; }
}
