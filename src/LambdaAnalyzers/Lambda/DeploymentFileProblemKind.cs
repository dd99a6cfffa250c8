namespace LambdaAnalyzers.Lambda;

/// <summary>Why a deployment file could not be read.</summary>
internal enum DeploymentFileProblemKind
{
    /// <summary>The text is longer than <see cref="DeploymentFileReader.MaximumLength"/> characters; nothing of it was read.</summary>
    TooLarge,

    /// <summary>A mapping or sequence opens deeper than <see cref="DeploymentFileReader.MaximumDepth"/> levels.</summary>
    TooDeep,

    /// <summary>The text is not YAML (nor JSON, which YAML's parser reads too): a syntax error or a control character.</summary>
    NotWellFormed,
}
