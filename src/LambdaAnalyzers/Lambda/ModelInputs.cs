using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What a model is built from: the compilation and the options of the analysis, with their additional files. An
/// entry or region source that reads a deployment file gets it from here and keeps what it reads in an
/// <see cref="AdditionalFileCache{T}"/>.
/// </summary>
internal sealed class ModelInputs
{
    public ModelInputs(Compilation compilation, AnalyzerOptions options)
    {
        Compilation = compilation;
        Options = options;
    }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles => Options.AdditionalFiles;
}
