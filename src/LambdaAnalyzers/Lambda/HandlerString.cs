using System;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A class-library handler string, <c>Assembly::Namespace.Type::Method</c>, as a deployment file writes it, and where.
/// The method part may be a signature (<c>System.String Handle(System.String)</c>), which names the method too; nested
/// types are written <c>Outer+Inner</c>.
/// </summary>
internal sealed class HandlerString
{
    private HandlerString(string text, string assembly, string type, string method, string methodPart, int line, int column, TextSpan span, string? runtime)
    {
        MethodPart = methodPart;
        Runtime = runtime;
        Span = span;
        Text = text;
        Assembly = assembly;
        Type = type;
        Method = method;
        Line = line;
        Column = column;
    }

    /// <summary>The handler string as written.</summary>
    public string Text { get; }

    public string Assembly { get; }

    /// <summary>The type's full name with <c>.</c> between namespaces and <c>+</c> before a nested type.</summary>
    public string Type { get; }

    /// <summary>The method's name (from a signature, the name before its parameters).</summary>
    public string Method { get; }

    /// <summary>The method part as written, trimmed: a name, or a signature the runtime compares with <c>MethodInfo.ToString()</c>.</summary>
    public string MethodPart { get; }

    /// <summary>Whether the method part is a signature (<c>System.String Handle(System.String)</c>), not a name alone.</summary>
    public bool HasSignature => MethodPart.IndexOf('(') >= 0;

    /// <summary>Where the value is written in its file, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>The 1-based line and column of the value in its file.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>
    /// The runtime of the string's function as written (<c>dotnet8</c>, <c>provided.al2023</c>), or null when the file does
    /// not give it or gives it through an intrinsic or a variable.
    /// </summary>
    public string? Runtime { get; }

    /// <summary>The handler string split into its three parts, or null when it does not have three non-empty parts.</summary>
    public static HandlerString? TryParse(string text, int line, int column, TextSpan span = default, string? runtime = null)
    {
        var first = text.IndexOf("::", StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf("::", first + 2, StringComparison.Ordinal);
        if (second < 0)
        {
            return null;
        }

        var assembly = text.Substring(0, first).Trim();
        var type = text.Substring(first + 2, second - first - 2).Trim();
        var methodPart = text.Substring(second + 2).Trim();
        var method = MethodName(methodPart);
        return assembly.Length == 0 || type.Length == 0 || method.Length == 0
            ? null
            : new HandlerString(text, assembly, type, method, methodPart, line, column, span, runtime);
    }

    /// <summary>The name in a method part: the part itself, or the last word before the parameters of a signature.</summary>
    private static string MethodName(string part)
    {
        var parenthesis = part.IndexOf('(');
        if (parenthesis < 0)
        {
            return part;
        }

        var name = part.Substring(0, parenthesis).TrimEnd();
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name.Substring(space + 1);
    }
}
