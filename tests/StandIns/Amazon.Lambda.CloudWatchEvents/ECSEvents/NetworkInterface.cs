namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class NetworkInterface
{
    public string AttachmentId { get; set; }

    public string Ipv6Address { get; set; }

    public string PrivateIpv4Address { get; set; }
}
