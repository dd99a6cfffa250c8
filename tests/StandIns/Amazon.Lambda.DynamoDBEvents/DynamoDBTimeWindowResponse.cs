using System.Collections.Generic;

namespace Amazon.Lambda.DynamoDBEvents;

public class DynamoDBTimeWindowResponse
{
    public Dictionary<string, string> State { get; set; }

    public IList<BatchItemFailure> BatchItemFailures { get; set; }

    public class BatchItemFailure
    {
        public string ItemIdentifier { get; set; }
    }
}
