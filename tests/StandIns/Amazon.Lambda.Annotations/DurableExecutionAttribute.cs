using System;

namespace Amazon.Lambda.Annotations;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class DurableExecutionAttribute : Attribute
{
    public DurableExecutionAttribute(int executionTimeout)
    {
        ExecutionTimeout = executionTimeout;
    }

    public int RetentionPeriodInDays { get; set; }

    public int ExecutionTimeout { get; }
}
