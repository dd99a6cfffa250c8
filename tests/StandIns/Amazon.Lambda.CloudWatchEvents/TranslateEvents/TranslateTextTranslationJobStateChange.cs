namespace Amazon.Lambda.CloudWatchEvents.TranslateEvents;

public class TranslateTextTranslationJobStateChange
{
    public string JobId { get; set; }

    public string JobStatus { get; set; }
}
