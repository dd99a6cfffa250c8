namespace Amazon.Lambda.CloudWatchEvents.TranslateEvents;

public class TranslateParallelDataStateChangeEvent : CloudWatchEvent<TranslateParallelDataStateChange>
{
}
