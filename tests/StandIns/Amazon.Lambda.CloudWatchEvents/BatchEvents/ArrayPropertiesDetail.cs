using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class ArrayPropertiesDetail
{
    public int Index { get; set; }

    public int Size { get; set; }

    public Dictionary<string, int> StatusSummary { get; set; }
}
