namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class FargatePlatformConfiguration
{
    public string PlatformVersion { get; set; }
}
