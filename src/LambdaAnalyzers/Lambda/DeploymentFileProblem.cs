namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Why a deployment file could not be read, and where the reader stopped. A file with a problem names no handler: the
/// methods it would name are not handlers, and its handler strings are not checked.
/// </summary>
internal sealed class DeploymentFileProblem
{
    private DeploymentFileProblem(DeploymentFileProblemKind kind, int line, string? reason)
    {
        Kind = kind;
        Line = line;
        Reason = reason;
    }

    public DeploymentFileProblemKind Kind { get; }

    /// <summary>
    /// The 1-based line of the file where the reader stopped: where the syntax error or the control character is, or where
    /// the mapping or sequence too deep opens; 1 for a file too large, of which nothing was read.
    /// </summary>
    public int Line { get; }

    /// <summary>
    /// For <see cref="DeploymentFileProblemKind.NotWellFormed"/>: what is wrong, as a phrase to follow "not well formed"
    /// (lower case, no final period), such as YamlDotNet's "while scanning a quoted scalar, found unexpected end of
    /// stream"; null when the parser gave no reason that reads as one plain sentence.
    /// </summary>
    public string? Reason { get; }

    public static DeploymentFileProblem TooLarge() => new(DeploymentFileProblemKind.TooLarge, 1, null);

    public static DeploymentFileProblem TooDeep(int line) => new(DeploymentFileProblemKind.TooDeep, line, null);

    public static DeploymentFileProblem NotWellFormed(int line, string? reason) => new(DeploymentFileProblemKind.NotWellFormed, line, reason);
}
