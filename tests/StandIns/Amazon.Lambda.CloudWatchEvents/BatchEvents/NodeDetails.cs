namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class NodeDetails
{
    public bool IsMainNode { get; set; }

    public int NodeIndex { get; set; }
}
