using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class Attachment
{
    public List<NameValue> Details { get; set; }

    public string Id { get; set; }

    public string Status { get; set; }

    public string Type { get; set; }
}
