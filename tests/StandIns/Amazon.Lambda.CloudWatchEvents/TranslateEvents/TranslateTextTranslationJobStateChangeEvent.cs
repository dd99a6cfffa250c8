namespace Amazon.Lambda.CloudWatchEvents.TranslateEvents;

public class TranslateTextTranslationJobStateChangeEvent : CloudWatchEvent<TranslateTextTranslationJobStateChange>
{
}
