namespace LambdaAnalyzers.Lambda;

/// <summary>Where a value created per invocation would be created once instead.</summary>
internal enum HoistTarget
{
    /// <summary>A field of the class that declares the code.</summary>
    Field,

    /// <summary>A local declared before the nested handler, in the init code around it.</summary>
    LocalBeforeHandler,
}
