namespace LambdaAnalyzers.Lambda;

/// <summary>What a catch of a per-record loop does with the record whose processing failed.</summary>
internal enum RecordCatchOutcome
{
    /// <summary>Nothing to report: it rethrows, reports the record, hands it on, or goes on processing it.</summary>
    None,

    /// <summary>Neither rethrown nor reported nor handed on: the record counts as processed.</summary>
    Dropped,

    /// <summary>The record is reported and the loop ends there, the records after it unreported (SQS).</summary>
    ReportedThenLoopEnds,
}
