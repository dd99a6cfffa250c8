using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class Resource
{
    public double DoubleValue { get; set; }

    public int IntegerValue { get; set; }

    public long LongValue { get; set; }

    public string Name { get; set; }

    public string Type { get; set; }

    public List<string> StringSetValue { get; set; }
}
