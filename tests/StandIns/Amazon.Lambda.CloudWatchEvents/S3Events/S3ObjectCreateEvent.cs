namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectCreateEvent : CloudWatchEvent<S3ObjectCreate>
{
}
