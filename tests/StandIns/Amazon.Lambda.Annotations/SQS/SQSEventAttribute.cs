using System;

namespace Amazon.Lambda.Annotations.SQS;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class SQSEventAttribute : Attribute
{
    public SQSEventAttribute(string queue)
    {
        Queue = queue;
    }

    public string Queue { get; set; }

    public string ResourceName { get; set; }

    public bool Enabled { get; set; }

    public uint BatchSize { get; set; }

    public uint MaximumBatchingWindowInSeconds { get; set; }

    public string Filters { get; set; }

    public uint MaximumConcurrency { get; set; }
}
