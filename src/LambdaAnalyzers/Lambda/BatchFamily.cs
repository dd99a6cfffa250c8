namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The poll-based event sources whose handlers may return a partial-batch response, each with its own event, record,
/// response and failure types.
/// </summary>
internal enum BatchFamily
{
    /// <summary><c>SQSEvent</c>, answered with <c>SQSBatchResponse</c>; a failed record is named by its <c>MessageId</c>.</summary>
    Sqs,

    /// <summary><c>KinesisEvent</c> (and its time-window event); a failed record is named by its sequence number.</summary>
    Kinesis,

    /// <summary><c>DynamoDBEvent</c> (and its time-window event); a failed record is named by its sequence number.</summary>
    DynamoDB,
}
