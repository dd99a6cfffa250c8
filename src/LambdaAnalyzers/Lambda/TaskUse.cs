namespace LambdaAnalyzers.Lambda;

/// <summary>How the value of a task-returning call or a created object is consumed.</summary>
internal enum TaskUse
{
    /// <summary>Awaited, returned, passed, stored or otherwise used: not reported.</summary>
    Used,
    Statement,
    Discarded,
    Local,
}
