namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A call of Lambda's Invoke API (<c>IAmazonLambda.InvokeAsync</c>, <c>Invoke</c>, <c>InvokeWithResponseStreamAsync</c>):
/// how its request invokes the function, and which function it invokes.
/// </summary>
internal sealed class InvokeCall(InvocationTypes types, string? functionName, bool invokesItself)
{
    /// <summary>The invocation types the request may carry; <see cref="InvocationTypes.Unknown"/> when it is not followed.</summary>
    public InvocationTypes Types { get; } = types;

    /// <summary>The function invoked, when the request names it by a constant; null otherwise.</summary>
    public string? FunctionName { get; } = functionName;

    /// <summary>
    /// Whether the request names the calling function itself: <c>ILambdaContext.FunctionName</c> or the
    /// <c>AWS_LAMBDA_FUNCTION_NAME</c> environment variable, which the runtime sets to the function's name.
    /// </summary>
    public bool InvokesItself { get; } = invokesItself;

    /// <summary>Known to run the function and wait for it: every invocation type the request may carry is <c>RequestResponse</c>.</summary>
    public bool IsSynchronous => Types == InvocationTypes.RequestResponse;

    /// <summary>Known to run the function: every invocation type the request may carry is known, and none is <c>DryRun</c>.</summary>
    public bool RunsFunction => Types != InvocationTypes.None && (Types & (InvocationTypes.DryRun | InvocationTypes.Unknown)) == 0;
}
