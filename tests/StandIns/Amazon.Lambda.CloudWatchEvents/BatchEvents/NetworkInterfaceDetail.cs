namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class NetworkInterfaceDetail
{
    public string AttachmentId { get; set; }

    public string Ipv6Address { get; set; }

    public string PrivateIpv4Address { get; set; }
}
