using System.Text;

namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>Writes indented C# source, so the generated code reads like hand-written code.</summary>
internal sealed class SourceBuilder
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public int LineCount { get; private set; }

    /// <summary>Appends one line, or several separated by '\n', at the current indentation.</summary>
    public SourceBuilder Line(string text = "")
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _indent * 4);
            }

            _text.Append(line).Append('\n');
            LineCount++;
        }

        return this;
    }

    public SourceBuilder Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> (when not empty), an opening brace, the body one level in, and the closing brace.</summary>
    public SourceBuilder Block(string header, Action body, string close = "}")
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        body();
        _indent--;
        Line(close);
        return this;
    }

    public override string ToString() => _text.ToString();
}
