using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A value of a deployment file (YAML or JSON): a scalar, a mapping or a sequence, with where it starts in the file.
/// A value written with a tag (<c>!Ref</c>, <c>!Sub</c>, ...) or through an alias is unknown: the model never guesses what
/// CloudFormation would make of it.
/// </summary>
internal sealed class DeploymentNode
{
    private DeploymentNode(
        string? scalar, List<KeyValuePair<string, DeploymentNode>>? mapping, List<DeploymentNode>? sequence, bool isUnknown, int line, int column, TextSpan span = default)
    {
        Span = span;
        Scalar = scalar;
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

    public static DeploymentNode ForScalar(string value, bool isUnknown, int line, int column, TextSpan span) =>
        new(isUnknown ? null : value, null, null, isUnknown, line, column, span);

    public static DeploymentNode ForMapping(bool isUnknown, int line, int column) =>
        new(null, new List<KeyValuePair<string, DeploymentNode>>(), null, isUnknown, line, column);

    public static DeploymentNode ForSequence(bool isUnknown, int line, int column) =>
        new(null, null, new List<DeploymentNode>(), isUnknown, line, column);

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
