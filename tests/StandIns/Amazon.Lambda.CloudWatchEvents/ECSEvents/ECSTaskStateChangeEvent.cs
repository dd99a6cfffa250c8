namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class ECSTaskStateChangeEvent : CloudWatchEvent<Task>
{
}
