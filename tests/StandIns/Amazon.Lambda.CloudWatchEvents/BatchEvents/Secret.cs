namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Secret
{
    public string Name { get; set; }

    public string ValueFrom { get; set; }
}
