namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class Ulimit
{
    public int HardLimit { get; set; }

    public string Name { get; set; }

    public int SoftLimit { get; set; }
}
