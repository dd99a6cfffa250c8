using System.Collections.Generic;

namespace Amazon.Lambda.SQSEvents;

public class SQSBatchResponse
{
    public SQSBatchResponse()
    {
    }

    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures)
    {
        BatchItemFailures = batchItemFailures;
    }

    public List<BatchItemFailure> BatchItemFailures { get; set; }

    public class BatchItemFailure
    {
        public string ItemIdentifier { get; set; }
    }
}
