namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class InferenceAccelerator
{
    public string DeviceName { get; set; }

    public string DeviceType { get; set; }
}
