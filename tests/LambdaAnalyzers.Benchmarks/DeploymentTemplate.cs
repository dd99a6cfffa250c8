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
/// with an <c>ILambdaContext</c> parameter, and <see cref="WrongHandlers"/> functions whose handler strings name no
/// type, for LMB0011 to report. Each run reads a new copy of the text, as a build reads the file once.
/// </summary>
internal static class DeploymentTemplate
{
    public const int WrongHandlers = 60;

    private static readonly ConditionalWeakTable<Compilation, string> s_templates = new();

    /// <summary>The template as a fresh additional file, so that no run reuses another's parse.</summary>
    public static ImmutableArray<AdditionalText> For(Compilation compilation) =>
        [new TemplateFile("/corpus/template.yaml", SourceText.From(s_templates.GetValue(compilation, Write)))];

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
            .Append(handler).Append("\n      CodeUri: ./src\n");

    private sealed class TemplateFile(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
