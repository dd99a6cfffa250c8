using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class RetryStrategy
{
    public int Attempts { get; set; }

    public List<EvaluateOnExit> EvaluateOnExit { get; set; }
}
