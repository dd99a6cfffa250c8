using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What the model reads from one kind of additional file, computed once per <see cref="SourceText"/> of the file. In an
/// IDE, editing a deployment file gives the analyzers new <see cref="AnalyzerOptions"/> over the same compilation: the
/// facts follow the text, not the compilation, and an unchanged file is not read again.
/// </summary>
internal sealed class AdditionalFileCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<SourceText, T> _facts = new();
    private readonly ConditionalWeakTable<SourceText, T>.CreateValueCallback _read;

    public AdditionalFileCache(Func<SourceText, T> read) => _read = text => read(text);

    /// <summary>The facts of a file, or null when its text cannot be read.</summary>
    public T? Get(AdditionalText file, CancellationToken cancellationToken) =>
        file.GetText(cancellationToken) is { } text ? _facts.GetValue(text, _read) : null;
}
