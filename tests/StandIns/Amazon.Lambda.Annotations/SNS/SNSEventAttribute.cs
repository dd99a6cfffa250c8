using System;

namespace Amazon.Lambda.Annotations.SNS;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class SNSEventAttribute : Attribute
{
    public SNSEventAttribute(string topic)
    {
        Topic = topic;
    }

    public string Topic { get; set; }

    public string ResourceName { get; set; }

    public string FilterPolicy { get; set; }

    public bool Enabled { get; set; }
}
