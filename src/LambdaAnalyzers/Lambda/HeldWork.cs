namespace LambdaAnalyzers.Lambda;

/// <summary>What a local holds, which decides the uses that keep its work from being lost.</summary>
internal enum HeldWork
{
    Task,
    Thread,
    ThreadingTimer,
    TimersTimer,
}
