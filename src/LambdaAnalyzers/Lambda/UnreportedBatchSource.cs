using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A batch event source of a template that leaves partial-batch responses off: its name (the SAM event's key, or the
/// event source mapping's logical ID), where that key is written, its family when the SAM event's type says it, and the
/// handler string of its function.
/// </summary>
internal sealed class UnreportedBatchSource
{
    public UnreportedBatchSource(string name, TextSpan keySpan, BatchFamily? family, HandlerString handler)
    {
        Name = name;
        KeySpan = keySpan;
        Family = family;
        Handler = handler;
    }

    public string Name { get; }

    /// <summary>Where the source's key is written in the file.</summary>
    public TextSpan KeySpan { get; }

    /// <summary>SQS, Kinesis or DynamoDB for a SAM event; null for an event source mapping, whose source the handler tells.</summary>
    public BatchFamily? Family { get; }

    public HandlerString Handler { get; }
}
