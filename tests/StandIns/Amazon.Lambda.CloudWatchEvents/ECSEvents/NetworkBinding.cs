namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class NetworkBinding
{
    public string BindIP { get; set; }

    public int ContainerPort { get; set; }

    public int HostPort { get; set; }

    public string Protocol { get; set; }
}
