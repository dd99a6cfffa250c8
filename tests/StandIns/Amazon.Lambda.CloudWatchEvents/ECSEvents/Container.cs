using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class Container
{
    public string ContainerArn { get; set; }

    public string Cpu { get; set; }

    public int ExitCode { get; set; }

    public List<string> GpuIds { get; set; }

    public string HealthStatus { get; set; }

    public string Image { get; set; }

    public string ImageDigest { get; set; }

    public string LastStatus { get; set; }

    public List<ManagedAgent> ManagedAgents { get; set; }

    public string Memory { get; set; }

    public string MemoryReservation { get; set; }

    public string Name { get; set; }

    public List<NetworkBinding> NetworkBindings { get; set; }

    public List<NetworkInterface> NetworkInterfaces { get; set; }

    public string Reason { get; set; }

    public string RuntimeId { get; set; }

    public string TaskArn { get; set; }
}
