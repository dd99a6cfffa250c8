namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Host
{
    public string SourcePath { get; set; }
}
