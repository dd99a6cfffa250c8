using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class TaskOverride
{
    public List<ContainerOverride> ContainerOverrides { get; set; }

    public string Cpu { get; set; }

    public EphemeralStorage EphemeralStorage { get; set; }

    public string ExecutionRoleArn { get; set; }

    public List<InferenceAcceleratorOverride> InferenceAcceleratorOverrides { get; set; }

    public string Memory { get; set; }

    public string TaskRoleArn { get; set; }
}
