namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class EvaluateOnExit
{
    public string Action { get; set; }

    public string OnExitCode { get; set; }

    public string OnReason { get; set; }

    public string OnStatusReason { get; set; }
}
