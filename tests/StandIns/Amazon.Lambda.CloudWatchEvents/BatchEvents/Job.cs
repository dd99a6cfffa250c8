using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Job
{
    public ArrayPropertiesDetail ArrayProperties { get; set; }

    public List<AttemptDetail> Attempts { get; set; }

    public ContainerDetail Container { get; set; }

    public long CreatedAt { get; set; }

    public List<JobDependency> DependsOn { get; set; }

    public string JobArn { get; set; }

    public string JobDefinition { get; set; }

    public string JobId { get; set; }

    public string JobName { get; set; }

    public string JobQueue { get; set; }

    public NodeDetails NodeDetails { get; set; }

    public NodeProperties NodeProperties { get; set; }

    public Dictionary<string, string> Parameters { get; set; }

    public List<string> PlatformCapabilities { get; set; }

    public bool PropagateTags { get; set; }

    public RetryStrategy RetryStrategy { get; set; }

    public long StartedAt { get; set; }

    public string Status { get; set; }

    public string StatusReason { get; set; }

    public long StoppedAt { get; set; }

    public Dictionary<string, string> Tags { get; set; }

    public JobTimeout Timeout { get; set; }
}
