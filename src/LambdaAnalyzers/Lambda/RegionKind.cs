namespace LambdaAnalyzers.Lambda;

/// <summary>Why a piece of code runs per invocation.</summary>
internal enum RegionKind
{
    /// <summary>The body of a handler method.</summary>
    HandlerBody,

    /// <summary>A handler lambda or local function inside init code (top-level statements, <c>Main</c>), or a local function it calls.</summary>
    NestedHandler,

    /// <summary>Code a handler reaches through calls.</summary>
    Reached,
}
