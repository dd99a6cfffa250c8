using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class NodeProperties
{
    public int MainNode { get; set; }

    public List<NodeRangeProperty> NodeRangeProperties { get; set; }

    public int NumNodes { get; set; }
}
