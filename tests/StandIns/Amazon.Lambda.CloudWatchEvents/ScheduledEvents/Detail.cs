namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents;

public class Detail
{
}
