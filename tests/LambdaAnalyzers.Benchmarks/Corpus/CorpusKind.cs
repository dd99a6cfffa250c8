namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>The two generated compilations.</summary>
public enum CorpusKind
{
    /// <summary>Handlers of every programming model, about one in three creating a client per invocation.</summary>
    LambdaHeavy,

    /// <summary>The same code shapes without Amazon.Lambda.* references: the analyzers must register nothing.</summary>
    WithoutLambdaCore,
}
