namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class Attribute
{
    public string Name { get; set; }

    public string TargetId { get; set; }

    public string TargetType { get; set; }

    public string Value { get; set; }
}
