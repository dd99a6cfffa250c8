namespace LambdaAnalyzers.Lambda;

/// <summary>What a member of the BCL's task types means to a rule that reasons about tasks.</summary>
internal enum TaskMember
{
    None,

    /// <summary><c>Task&lt;T&gt;.Result</c>, <c>ValueTask&lt;T&gt;.Result</c>.</summary>
    Result,

    /// <summary><c>Task.Wait()</c>.</summary>
    Wait,

    /// <summary><c>Task.Wait</c> with a timeout or a token.</summary>
    WaitWithArguments,

    /// <summary><c>GetAwaiter()</c> of a task, a value task or a configured awaitable.</summary>
    GetAwaiter,

    /// <summary><c>GetResult()</c> of the awaiters those return.</summary>
    GetResult,

    WaitAll,
    WaitAny,

    /// <summary><c>Thread.Sleep</c>.</summary>
    Sleep,

    WhenAll,
    WhenAny,

    /// <summary>A task that is complete from the start: <c>Task.FromResult</c>, <c>Task.CompletedTask</c>, <c>new ValueTask&lt;T&gt;(value)</c>, ...</summary>
    Completed,

    ConfigureAwait,

    /// <summary><c>ContinueWith</c>, <c>ContinueWhenAll</c>, <c>ContinueWhenAny</c>: the delegate receives complete tasks.</summary>
    Continuation,

    /// <summary><c>IsCompleted</c>, <c>IsCompletedSuccessfully</c>.</summary>
    CompletionCheck,
}
