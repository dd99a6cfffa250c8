using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// The SAM template of a generated compilation, given to every run as an additional file: one function per method
/// with an <c>ILambdaContext</c> parameter (two in three with a timeout of 10 s instead of the 30 s of its globals, for
/// LMB0013's waits of 20 s), and <see cref="WrongHandlers"/> functions whose handler strings name no type, for LMB0011
/// to report. Beside it, <see cref="UnreadableFiles"/> small deployment files that cannot be read,
/// for LMB0017 to report once each. Each run reads a new copy of every text, as a build reads a file once.
/// </summary>
internal static class DeploymentTemplate
{
    public const int WrongHandlers = 60;

    /// <summary>As many as the corpus check asks of every rule.</summary>
    public const int UnreadableFiles = Subjects.MinimumReportsPerRule;

    private static readonly ConditionalWeakTable<Compilation, string> s_templates = new();

    /// <summary>The unreadable files, taken in turn: each name a deployment file's, each text a different reason.</summary>
    private static readonly (string Name, string Text)[] s_unreadable =
    [
        // A quoted handler string that never closes.
        ("template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: \"Contoso::Contoso.Fn::Handle\n"),
        // JSON cut off inside its resources.
        ("serverless.template", "{\n  \"Resources\": {\n    \"Fn\": {\n      \"Type\": \"AWS::Serverless::Function\",\n"),
        // 65 mappings, each inside the one before.
        ("serverless.yml", string.Concat(Enumerable.Range(1, 65).Select(static i => new string(' ', 2 * (i - 1)) + "level" + i + ":\n"))),
        // A NUL character, as in a binary file.
        ("aws-lambda-tools-defaults.json", "{\n  \"function-handler\": \"Contoso::Contoso.Fn::Handle\",\0\n}\n"),
    ];

    /// <summary>The template and the unreadable files as fresh additional files, so that no run reuses another's parse.</summary>
    public static ImmutableArray<AdditionalText> For(Compilation compilation) =>
    [
        new TemplateFile("/corpus/template.yaml", SourceText.From(s_templates.GetValue(compilation, Write))),
        .. Enumerable.Range(1, UnreadableFiles).Select(static i =>
        {
            var (name, text) = s_unreadable[i % s_unreadable.Length];
            return (AdditionalText)new TemplateFile($"/corpus/broken/{i}/{name}", SourceText.From(text));
        }),
    ];

    private static string Write(Compilation compilation)
    {
        var template = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n")
            .Append("Globals:\n  Function:\n    Runtime: dotnet8\n    Timeout: 30\n    MemorySize: 1024\nResources:\n");
        var count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Parent is ClassDeclarationSyntax type
                    && method.ParameterList.Parameters.Any(static p => p.Type?.ToString() == "ILambdaContext")
                    && type.Parent is BaseNamespaceDeclarationSyntax space)
                {
                    AppendFunction(template, ++count, $"{compilation.AssemblyName}::{space.Name}.{type.Identifier.Text}::{method.Identifier.Text}");
                }
            }
        }

        for (var i = 1; i <= WrongHandlers; i++)
        {
            AppendFunction(template, ++count, $"{compilation.AssemblyName}::Contoso.Removed{i}::Handle");
        }

        return template.ToString();
    }

    private static void AppendFunction(StringBuilder template, int number, string handler) =>
        template.Append("  Function").Append(number).Append(":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: ")
            .Append(handler).Append("\n      CodeUri: ./src\n").Append(number % 3 != 0 ? "      Timeout: 10\n" : string.Empty);

    private sealed class TemplateFile(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
