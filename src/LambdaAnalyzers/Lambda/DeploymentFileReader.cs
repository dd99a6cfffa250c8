using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Reads a deployment file (YAML, and JSON, which YAML's parser reads too) into <see cref="DeploymentNode"/>s with
/// YamlDotNet's event parser, walked with an explicit stack: no recursion, no object mapping, aliases not expanded.
/// A file larger than 2 MB, nested deeper than 64 levels or not well formed gives no root and a reason.
/// </summary>
internal static class DeploymentFileReader
{
    public const int MaximumLength = 2 * 1024 * 1024;

    public const int MaximumDepth = 64;

    /// <summary>The first document of the file, or null with the reason it could not be read.</summary>
    public static DeploymentNode? Read(SourceText text, out string? problem)
    {
        problem = null;
        if (text.Length > MaximumLength)
        {
            problem = "it is larger than 2 MB";
            return null;
        }

        try
        {
            return ReadFirstDocument(new Parser(new StringReader(text.ToString())), out problem);
        }
        catch (YamlException exception)
        {
            problem = $"it is not well formed at line {exception.Start.Line}";
            return null;
        }
    }

    private static DeploymentNode? ReadFirstDocument(IParser parser, out string? problem)
    {
        problem = null;
        var open = new Stack<(DeploymentNode Node, string? PendingKey)>();
        DeploymentNode? root = null;
        while (parser.MoveNext())
        {
            var current = parser.Current;
            DeploymentNode? value = null;
            switch (current)
            {
                case DocumentEnd when root is not null:
                    return root;
                case Scalar scalar:
                    value = DeploymentNode.ForScalar(
                        scalar.Value,
                        HasTag(scalar.Tag),
                        (int)scalar.Start.Line,
                        (int)scalar.Start.Column,
                        TextSpan.FromBounds((int)scalar.Start.Index, (int)scalar.End.Index));
                    break;
                case AnchorAlias alias:
                    value = DeploymentNode.Unknown((int)alias.Start.Line, (int)alias.Start.Column);
                    break;
                case MappingStart mapping:
                    if (open.Count >= MaximumDepth)
                    {
                        problem = $"it is nested deeper than {MaximumDepth} levels";
                        return null;
                    }

                    open.Push((DeploymentNode.ForMapping(HasTag(mapping.Tag), (int)mapping.Start.Line, (int)mapping.Start.Column), null));
                    continue;
                case SequenceStart sequence:
                    if (open.Count >= MaximumDepth)
                    {
                        problem = $"it is nested deeper than {MaximumDepth} levels";
                        return null;
                    }

                    open.Push((DeploymentNode.ForSequence(HasTag(sequence.Tag), (int)sequence.Start.Line, (int)sequence.Start.Column), null));
                    continue;
                case MappingEnd or SequenceEnd:
                    value = open.Pop().Node;
                    break;
                default:
                    continue;
            }

            if (open.Count == 0)
            {
                root ??= value;
                continue;
            }

            var (parent, pendingKey) = open.Pop();
            if (parent.Sequence is { } items)
            {
                items.Add(value);
                open.Push((parent, null));
            }
            else if (pendingKey is null)
            {
                // A key: known scalars only; a complex or unknown key makes its value unreachable.
                open.Push((parent, value.Scalar ?? string.Empty));
            }
            else
            {
                parent.Mapping!.Add(new KeyValuePair<string, DeploymentNode>(pendingKey, value));
                open.Push((parent, null));
            }
        }

        return root;
    }

    private static bool HasTag(TagName tag) => !tag.IsEmpty && !tag.IsNonSpecific;
}
