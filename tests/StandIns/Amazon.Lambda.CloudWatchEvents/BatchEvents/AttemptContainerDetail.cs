using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class AttemptContainerDetail
{
    public string ContainerInstanceArn { get; set; }

    public int ExitCode { get; set; }

    public string LogStreamName { get; set; }

    public List<NetworkInterfaceDetail> NetworkInterfaces { get; set; }

    public string Reason { get; set; }

    public string TaskArn { get; set; }
}
