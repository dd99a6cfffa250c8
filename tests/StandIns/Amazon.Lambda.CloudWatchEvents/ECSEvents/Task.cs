using System;
using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class Task
{
    public List<Attachment> Attachments { get; set; }

    public List<Attribute> Attributes { get; set; }

    public string AvailabilityZone { get; set; }

    public string CapacityProviderName { get; set; }

    public string ClusterArn { get; set; }

    public string Connectivity { get; set; }

    public DateTime ConnectivityAt { get; set; }

    public string ContainerInstanceArn { get; set; }

    public List<Container> Containers { get; set; }

    public string Cpu { get; set; }

    public DateTime CreatedAt { get; set; }

    public string DesiredStatus { get; set; }

    public bool EnableExecuteCommand { get; set; }

    public EphemeralStorage EphemeralStorage { get; set; }

    public DateTime ExecutionStoppedAt { get; set; }

    public string Group { get; set; }

    public string HealthStatus { get; set; }

    public List<InferenceAccelerator> InferenceAccelerators { get; set; }

    public string LastStatus { get; set; }

    public string LaunchType { get; set; }

    public string Memory { get; set; }

    public TaskOverride Overrides { get; set; }

    public string PlatformVersion { get; set; }

    public DateTime PullStartedAt { get; set; }

    public DateTime PullStoppedAt { get; set; }

    public DateTime StartedAt { get; set; }

    public string StartedBy { get; set; }

    public string StopCode { get; set; }

    public DateTime StoppedAt { get; set; }

    public string StoppedReason { get; set; }

    public DateTime StoppingAt { get; set; }

    public List<KeyValuePair<string, string>> Tags { get; set; }

    public string TaskArn { get; set; }

    public string TaskDefinitionArn { get; set; }

    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }
}
