using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents.BatchEvents;

public class LogConfiguration
{
    public string LogDriver { get; set; }

    public Dictionary<string, string> Options { get; set; }

    public List<Secret> SecretOptions { get; set; }
}
