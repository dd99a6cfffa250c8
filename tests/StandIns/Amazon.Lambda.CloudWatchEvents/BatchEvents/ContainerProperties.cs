using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class ContainerProperties
{
    public List<string> Command { get; set; }

    public List<NameValue> Environment { get; set; }

    public string ExecutionRoleArn { get; set; }

    public FargatePlatformConfiguration FargatePlatformConfiguration { get; set; }

    public string Image { get; set; }

    public string InstanceType { get; set; }

    public string JobRoleArn { get; set; }

    public LinuxParameters LinuxParameters { get; set; }

    public LogConfiguration LogConfiguration { get; set; }

    public int Memory { get; set; }

    public List<MountPoint> MountPoints { get; set; }

    public NetworkConfiguration NetworkConfiguration { get; set; }

    public bool Privileged { get; set; }

    public bool ReadonlyRootFilesystem { get; set; }

    public List<ResourceRequirement> ResourceRequirements { get; set; }

    public List<Secret> Secrets { get; set; }

    public List<Ulimit> Ulimits { get; set; }

    public string User { get; set; }

    public int Vcpus { get; set; }

    public List<Volume> Volumes { get; set; }
}
