namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class EphemeralStorage
{
    public int SizeInGiB { get; set; }
}
