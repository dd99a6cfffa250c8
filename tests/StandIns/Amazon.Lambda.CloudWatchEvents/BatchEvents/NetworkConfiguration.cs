namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class NetworkConfiguration
{
    public string AssignPublicIp { get; set; }
}
