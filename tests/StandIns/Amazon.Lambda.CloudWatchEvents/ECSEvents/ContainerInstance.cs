using System;
using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class ContainerInstance
{
    public bool AgentConnected { get; set; }

    public string AgentUpdateStatus { get; set; }

    public List<Attachment> Attachments { get; set; }

    public List<Attribute> Attributes { get; set; }

    public string CapacityProviderName { get; set; }

    public string ContainerInstanceArn { get; set; }

    public string Ec2InstanceId { get; set; }

    public int PendingTasksCount { get; set; }

    public DateTime RegisteredAt { get; set; }

    public List<Resource> RegisteredResources { get; set; }

    public List<Resource> RemainingResources { get; set; }

    public int RunningTasksCount { get; set; }

    public string Status { get; set; }

    public string StatusReason { get; set; }

    public List<KeyValuePair<string, string>> Tags { get; set; }

    public long Version { get; set; }

    public VersionInfo VersionInfo { get; set; }

    public string ClusterArn { get; set; }

    public DateTime UpdatedAt { get; set; }
}
