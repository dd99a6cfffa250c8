using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A value of a deployment file (YAML or JSON): a scalar, a mapping or a sequence, with where it starts in the file.
/// A value written with a tag (<c>!Ref</c>, <c>!Sub</c>, ...) or through an alias is unknown: the model never guesses what
/// CloudFormation would make of it. A tagged scalar keeps its tag and text (<see cref="Tag"/>, <see cref="Text"/>) for
/// the readers that know one intrinsic, such as <c>!Ref</c>.
/// </summary>
internal sealed class DeploymentNode
{
    private DeploymentNode(
        string? scalar, List<KeyValuePair<string, DeploymentNode>>? mapping, List<DeploymentNode>? sequence, bool isUnknown, int line, int column, TextSpan span = default)
    {
        Span = span;
        Scalar = isUnknown ? null : scalar;
        Text = scalar;
        Mapping = mapping;
        Sequence = sequence;
        IsUnknown = isUnknown;
        Line = line;
        Column = column;
    }

    /// <summary>The text of a known scalar; null for anything else.</summary>
    public string? Scalar { get; }

    public List<KeyValuePair<string, DeploymentNode>>? Mapping { get; }

    public List<DeploymentNode>? Sequence { get; }

    public bool IsUnknown { get; }

    /// <summary>The 1-based line and column where the value starts.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>Where a scalar is written in the file, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>The text of a scalar, also of one written with a tag; null for anything else.</summary>
    public string? Text { get; }

    /// <summary>The tag a value is written with (<c>!Ref</c>, <c>!GetAtt</c>), or null.</summary>
    public string? Tag { get; private set; }

    /// <summary>Where the key of this value is written, when the value is in a mapping under a scalar key; empty otherwise.</summary>
    public TextSpan KeySpan { get; private set; }

    public static DeploymentNode ForScalar(string value, bool isUnknown, int line, int column, TextSpan span) =>
        new(value, null, null, isUnknown, line, column, span);

    /// <summary>A scalar written with a tag: unknown, with its tag and text kept.</summary>
    public static DeploymentNode ForTaggedScalar(string value, string tag, int line, int column, TextSpan span) =>
        new(value, null, null, isUnknown: true, line, column, span) { Tag = tag };

    /// <summary>Records where the value's key is written; the reader calls it once, when it adds the value to its mapping.</summary>
    public void SetKeySpan(TextSpan span) => KeySpan = span;

    /// <summary>A mapping; one written with a tag is unknown, its tag kept.</summary>
    public static DeploymentNode ForMapping(string? tag, int line, int column) =>
        new(null, new List<KeyValuePair<string, DeploymentNode>>(), null, isUnknown: tag is not null, line, column) { Tag = tag };

    /// <summary>A sequence; one written with a tag (<c>!GetAtt [Fn, Arn]</c>) is unknown, its tag and items kept.</summary>
    public static DeploymentNode ForSequence(string? tag, int line, int column) =>
        new(null, null, new List<DeploymentNode>(), isUnknown: tag is not null, line, column) { Tag = tag };

    public static DeploymentNode Unknown(int line, int column) => new(null, null, null, isUnknown: true, line, column);

    /// <summary>The value of a key of a known mapping (the last, if the key repeats), or null.</summary>
    public DeploymentNode? this[string key]
    {
        get
        {
            if (Mapping is null || IsUnknown)
            {
                return null;
            }

            DeploymentNode? found = null;
            foreach (var pair in Mapping)
            {
                if (pair.Key == key)
                {
                    found = pair.Value;
                }
            }

            return found;
        }
    }
}
