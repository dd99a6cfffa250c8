using System;

namespace Amazon.Lambda.Annotations.ALB;

[AttributeUsage(AttributeTargets.Method)]
public class ALBApiAttribute : Attribute
{
    public ALBApiAttribute(string listenerArn, string pathPattern, int priority)
    {
        ListenerArn = listenerArn;
        PathPattern = pathPattern;
        Priority = priority;
    }

    public string ListenerArn { get; set; }

    public string PathPattern { get; set; }

    public int Priority { get; set; }

    public bool MultiValueHeaders { get; set; }

    public string HostHeader { get; set; }

    public string HttpMethod { get; set; }

    public string HttpHeaderConditionName { get; set; }

    public string[] HttpHeaderConditionValues { get; set; }

    public string[] QueryStringConditions { get; set; }

    public string[] SourceIpConditions { get; set; }

    public string ResourceName { get; set; }
}
