using System;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A wait or a timeout in per-invocation code that is at least as long as the function's timeout: the invocation is
/// stopped before the wait ends or the timeout fires (<see cref="LongWaits"/>).
/// </summary>
internal sealed class LongWait
{
    public LongWait(IOperation value, string member, bool isWait, TimeSpan duration, FunctionLimits function, int timeoutSeconds)
    {
        Value = value;
        Member = member;
        IsWait = isWait;
        Duration = duration;
        Function = function;
        TimeoutSeconds = timeoutSeconds;
    }

    /// <summary>The duration as the code writes it: the argument or the assigned value.</summary>
    public IOperation Value { get; }

    /// <summary>What takes the duration, for messages: <c>Task.Delay</c>, <c>CancelAfter</c>, <c>HttpClient.Timeout</c>, ...</summary>
    public string Member { get; }

    /// <summary>A delay (<c>Task.Delay</c>, <c>Thread.Sleep</c>) rather than a timeout that would end other work.</summary>
    public bool IsWait { get; }

    public TimeSpan Duration { get; }

    /// <summary>The function with the shortest known timeout among those whose entries reach the code.</summary>
    public FunctionLimits Function { get; }

    public int TimeoutSeconds { get; }
}
