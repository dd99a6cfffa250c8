using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Reads a deployment file (YAML, and JSON, which YAML's parser reads too) into <see cref="DeploymentNode"/>s with
/// YamlDotNet's event parser, walked with an explicit stack: no recursion, no object mapping, aliases not expanded.
/// A file larger than 2 MB, nested deeper than 64 levels or not well formed gives no root and a
/// <see cref="DeploymentFileProblem"/>. An empty file, or one of comments only, gives no root and no problem: it names
/// no function.
/// </summary>
internal static class DeploymentFileReader
{
    public const int MaximumLength = 2 * 1024 * 1024;

    public const int MaximumDepth = 64;

    /// <summary>The longest parser message shown as a reason; longer ones are left out rather than cut.</summary>
    private const int MaximumReasonLength = 120;

    /// <summary>The first document of the file, or null; with why it could not be read, or null.</summary>
    public static DeploymentNode? Read(SourceText text, out DeploymentFileProblem? problem)
    {
        problem = null;
        if (text.Length > MaximumLength)
        {
            problem = DeploymentFileProblem.TooLarge();
            return null;
        }

        var content = text.ToString();
        if (IndexOfControlCharacter(content) is var index and >= 0)
        {
            problem = DeploymentFileProblem.NotWellFormed(
                LineOf(text, index),
                "found the control character U+" + ((int)content[index]).ToString("X4", CultureInfo.InvariantCulture) + ", which YAML and JSON do not allow");
            return null;
        }

        var scanner = new Scanner(new StringReader(content));
        return ReadFirstDocument(text, scanner, new Parser(scanner), out problem);
    }

    private static DeploymentNode? ReadFirstDocument(SourceText text, Scanner scanner, IParser parser, out DeploymentFileProblem? problem)
    {
        problem = null;
        var open = new Stack<(DeploymentNode Node, DeploymentNode? PendingKey)>();
        DeploymentNode? root = null;
        while (MoveNext(text, scanner, parser, ref problem))
        {
            var current = parser.Current;
            DeploymentNode? value = null;
            switch (current)
            {
                case DocumentEnd when root is not null:
                    return root;
                case Scalar scalar:
                    var span = TextSpan.FromBounds((int)scalar.Start.Index, (int)scalar.End.Index);
                    value = HasTag(scalar.Tag)
                        ? DeploymentNode.ForTaggedScalar(scalar.Value, scalar.Tag.Value, (int)scalar.Start.Line, (int)scalar.Start.Column, span)
                        : DeploymentNode.ForScalar(scalar.Value, isUnknown: false, (int)scalar.Start.Line, (int)scalar.Start.Column, span);
                    break;
                case AnchorAlias alias:
                    value = DeploymentNode.Unknown((int)alias.Start.Line, (int)alias.Start.Column);
                    break;
                case MappingStart mapping:
                    if (open.Count >= MaximumDepth)
                    {
                        problem = DeploymentFileProblem.TooDeep(LineOf(text, mapping.Start.Index));
                        return null;
                    }

                    open.Push((DeploymentNode.ForMapping(TagOf(mapping.Tag), (int)mapping.Start.Line, (int)mapping.Start.Column), null));
                    continue;
                case SequenceStart sequence:
                    if (open.Count >= MaximumDepth)
                    {
                        problem = DeploymentFileProblem.TooDeep(LineOf(text, sequence.Start.Index));
                        return null;
                    }

                    open.Push((DeploymentNode.ForSequence(TagOf(sequence.Tag), (int)sequence.Start.Line, (int)sequence.Start.Column), null));
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
                open.Push((parent, value));
            }
            else
            {
                // A key: known scalars only; a complex or unknown key makes its value unreachable.
                if (pendingKey.Scalar is not null)
                {
                    value.SetKeySpan(pendingKey.Span);
                }

                parent.Mapping!.Add(new KeyValuePair<string, DeploymentNode>(pendingKey.Scalar ?? string.Empty, value));
                open.Push((parent, null));
            }
        }

        return problem is null ? root : null;
    }

    /// <summary>The parser's next event, or false at the end of the text and at the first syntax error (with the problem).</summary>
    private static bool MoveNext(SourceText text, Scanner scanner, IParser parser, ref DeploymentFileProblem? problem)
    {
        // Only YamlDotNet runs inside this try: what it throws is about the text, never a fault of the model.
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException exception)
        {
            problem = DeploymentFileProblem.NotWellFormed(LineOf(text, exception.Start.Index), ShortReason(exception.Message));
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed plain scalars (in
            // ScanPlainScalar, for instance "a: 1\n{---\nb: \t2"; aaubry/YamlDotNet#541): the text is not well formed,
            // and the scanner's position says where it stopped. Its message says nothing about the text.
            problem = DeploymentFileProblem.NotWellFormed(LineOf(text, scanner.CurrentPosition.Index), reason: null);
            return false;
        }
    }

    /// <summary>
    /// The first C0 control character other than tab, line feed and carriage return, which neither YAML nor JSON allows
    /// anywhere in a file, or -1. YamlDotNet reads them as part of a plain scalar, so a binary file under a deployment
    /// file's name would otherwise pass for one long string.
    /// </summary>
    private static int IndexOfControlCharacter(string content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] < ' ' && content[i] is not ('\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// YamlDotNet's message as a phrase to show, when it is one plain sentence ("While scanning a quoted scalar, found
    /// unexpected end of stream."): printable ASCII without digits (which would be positions or the file's own text), of a
    /// modest length, ending with a period. Otherwise null: the line alone is shown.
    /// </summary>
    private static string? ShortReason(string message)
    {
        if (message.Length is < 2 or > MaximumReasonLength || message[message.Length - 1] != '.')
        {
            return null;
        }

        var reason = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            if (c is < ' ' or > '~' || c is >= '0' and <= '9')
            {
                return null;
            }

            // One message has a doubled space ("While parsing a flow mapping,  did not find ...").
            if (c != ' ' || reason.Length == 0 || reason[reason.Length - 1] != ' ')
            {
                reason.Append(c);
            }
        }

        reason.Length--;
        reason[0] = char.ToLowerInvariant(reason[0]);
        return reason.ToString().TrimEnd();
    }

    /// <summary>The 1-based line of a character index of the text; the parser's index past the end is the last line.</summary>
    private static int LineOf(SourceText text, long index) =>
        text.Lines.GetLineFromPosition((int)Math.Max(0, Math.Min(index, text.Length))).LineNumber + 1;

    private static bool HasTag(TagName tag) => !tag.IsEmpty && !tag.IsNonSpecific;

    private static string? TagOf(TagName tag) => HasTag(tag) ? tag.Value : null;
}
