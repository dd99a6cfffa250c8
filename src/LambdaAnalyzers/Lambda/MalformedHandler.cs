using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>A handler value of a deployment file with <c>::</c> that does not split into three non-empty parts, and where.</summary>
internal sealed class MalformedHandler
{
    public MalformedHandler(string text, TextSpan span, string? runtime)
    {
        Text = text;
        Span = span;
        Runtime = runtime;
    }

    /// <summary>The value as written.</summary>
    public string Text { get; }

    /// <summary>Where the value is written in its file, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>The runtime of the value's function, as <see cref="HandlerString.Runtime"/>.</summary>
    public string? Runtime { get; }
}
