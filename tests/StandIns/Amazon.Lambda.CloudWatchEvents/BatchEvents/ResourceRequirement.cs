namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class ResourceRequirement
{
    public string Type { get; set; }

    public string Value { get; set; }
}
