using System;

namespace Amazon.Lambda.CloudWatchEvents.TranslateEvents;

public class TranslateParallelDataStateChange
{
    public string Operation { get; set; }

    public string Name { get; set; }

    public string Status { get; set; }

    public string LatestUpdateAttemptStatus { get; set; }

    public DateTime LatestUpdateAttemptAt { get; set; }
}
