namespace Amazon.Lambda.CloudWatchEvents.TranscribeEvents;

public class TranscribeJobStateChange
{
    public string TranscriptionJobName { get; set; }

    public string TranscriptionJobStatus { get; set; }

    public string FailureReason { get; set; }
}
