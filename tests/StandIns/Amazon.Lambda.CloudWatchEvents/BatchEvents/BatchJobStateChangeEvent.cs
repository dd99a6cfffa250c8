namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class BatchJobStateChangeEvent : CloudWatchEvent<Job>
{
}
