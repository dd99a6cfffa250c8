using System.Collections.Generic;

namespace Amazon.Lambda.KinesisEvents;

public class KinesisTimeWindowResponse
{
    public Dictionary<string, string> State { get; set; }

    public IList<BatchItemFailure> BatchItemFailures { get; set; }

    public class BatchItemFailure
    {
        public string ItemIdentifier { get; set; }
    }
}
