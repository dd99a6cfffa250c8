using Amazon.Runtime;

namespace Amazon.Lambda;

/// <summary>How <c>Invoke</c> runs the function: <c>RequestResponse</c> (the default), <c>Event</c> or <c>DryRun</c>.</summary>
public class InvocationType : ConstantClass
{
    public static readonly InvocationType DryRun = new InvocationType("DryRun");
    public static readonly InvocationType Event = new InvocationType("Event");
    public static readonly InvocationType RequestResponse = new InvocationType("RequestResponse");

    public InvocationType(string value)
        : base(value)
    {
    }

    public static InvocationType FindValue(string value) => FindValue<InvocationType>(value);

    public static implicit operator InvocationType(string value) => FindValue(value);
}

/// <summary>How <c>InvokeWithResponseStream</c> runs the function: <c>RequestResponse</c> (the default) or <c>DryRun</c>.</summary>
public class ResponseStreamingInvocationType : ConstantClass
{
    public static readonly ResponseStreamingInvocationType DryRun = new ResponseStreamingInvocationType("DryRun");
    public static readonly ResponseStreamingInvocationType RequestResponse = new ResponseStreamingInvocationType("RequestResponse");

    public ResponseStreamingInvocationType(string value)
        : base(value)
    {
    }

    public static ResponseStreamingInvocationType FindValue(string value) => FindValue<ResponseStreamingInvocationType>(value);

    public static implicit operator ResponseStreamingInvocationType(string value) => FindValue(value);
}

/// <summary>Whether an invocation's response includes the end of its log: <c>None</c> or <c>Tail</c>.</summary>
public class LogType : ConstantClass
{
    public static readonly LogType None = new LogType("None");
    public static readonly LogType Tail = new LogType("Tail");

    public LogType(string value)
        : base(value)
    {
    }

    public static LogType FindValue(string value) => FindValue<LogType>(value);

    public static implicit operator LogType(string value) => FindValue(value);
}
