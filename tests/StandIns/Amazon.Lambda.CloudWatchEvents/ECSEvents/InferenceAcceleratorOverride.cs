namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class InferenceAcceleratorOverride : InferenceAccelerator
{
}
