namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class JobDependency
{
    public string JobId { get; set; }

    public string Type { get; set; }
}
