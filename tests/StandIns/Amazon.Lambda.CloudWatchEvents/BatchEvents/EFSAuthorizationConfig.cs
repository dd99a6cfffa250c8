namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class EFSAuthorizationConfig
{
    public string AccessPointId { get; set; }

    public string Iam { get; set; }
}
