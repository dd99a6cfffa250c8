namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class VersionInfo
{
    public string AgentHash { get; set; }

    public string AgentVersion { get; set; }

    public string DockerVersion { get; set; }
}
