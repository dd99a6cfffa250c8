namespace Amazon.Lambda.CloudWatchEvents.S3Events;

public class S3ObjectRestoreEvent : CloudWatchEvent<S3ObjectRestore>
{
}
