namespace Amazon.Lambda.CloudWatchEvents;

public class NameValue
{
    public string Name { get; set; }

    public string Value { get; set; }
}
