using System;
using System.Collections.Generic;

namespace Amazon.Lambda.DynamoDBEvents;

public class DynamoDBTimeWindowEvent : DynamoDBEvent
{
    public TimeWindow Window { get; set; }

    public Dictionary<string, string> State { get; set; }

    public string ShardId { get; set; }

    public string EventSourceArn { get; set; }

    public bool? IsFinalInvokeForWindow { get; set; }

    public bool? IsWindowTerminatedEarly { get; set; }

    public class TimeWindow
    {
        public DateTime Start { get; set; }

        public DateTime End { get; set; }
    }
}
