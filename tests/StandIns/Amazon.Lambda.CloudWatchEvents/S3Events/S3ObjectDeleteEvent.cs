namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectDeleteEvent : CloudWatchEvent<S3ObjectDelete>
{
}
