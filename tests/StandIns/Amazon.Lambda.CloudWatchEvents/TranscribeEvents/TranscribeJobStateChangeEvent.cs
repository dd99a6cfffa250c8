namespace Amazon.Lambda.CloudWatchEvents.TranscribeEvents;

public class TranscribeJobStateChangeEvent : CloudWatchEvent<TranscribeJobStateChange>
{
}
