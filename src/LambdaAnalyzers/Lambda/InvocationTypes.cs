using System;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The invocation types a request to Lambda's Invoke API may carry: every value assigned to its <c>InvocationType</c>,
/// or <see cref="RequestResponse"/>, the default, when nothing is assigned. <see cref="Unknown"/> stands for a value
/// the model cannot tell.
/// </summary>
[Flags]
internal enum InvocationTypes
{
    None = 0,

    /// <summary>Synchronous: the caller waits for the function's response.</summary>
    RequestResponse = 1,

    /// <summary>Asynchronous: Lambda queues the event and answers at once.</summary>
    Event = 2,

    /// <summary>Checks parameters and permissions without running the function.</summary>
    DryRun = 4,

    Unknown = 8,
}
