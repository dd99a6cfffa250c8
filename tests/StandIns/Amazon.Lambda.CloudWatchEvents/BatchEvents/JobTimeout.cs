namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class JobTimeout
{
    public int AttemptDurationSeconds { get; set; }
}
