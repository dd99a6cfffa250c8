using System.Collections.Immutable;
using System.Xml.Linq;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// The Lambda code the robustness tests run over: the sample projects (one compilation each) and tests/ValidLambdaCode
/// (one compilation per file).
/// </summary>
internal static class CodeCorpus
{
    /// <summary>What the SDK's ImplicitUsings adds to a console or class-library project.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static readonly (string Name, OutputKind Kind)[] SampleProjects =
    [
        ("InvoiceImporter", OutputKind.DynamicallyLinkedLibrary),
        ("NotificationsService", OutputKind.ConsoleApplication),
        ("InvoiceDocuments", OutputKind.DynamicallyLinkedLibrary),
    ];

    public static string ValidCodeFolder => Repository.PathOf("tests", "ValidLambdaCode");

    /// <summary>The files of tests/ValidLambdaCode, relative to it, with '/' separators.</summary>
    public static IEnumerable<string> ValidCodeFiles() =>
        Directory.EnumerateFiles(ValidCodeFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ValidCodeFolder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> SampleFiles(string project)
    {
        var directory = Repository.PathOf("tests", "Sample", project);
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                        && !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    public static Task<CSharpCompilation> CompileSampleAsync(string project, OutputKind kind)
    {
        var sources = SampleFiles(project).Select(path => (path, File.ReadAllText(path))).Append(("GlobalUsings.g.cs", ImplicitUsings));
        return AnalyzerRunner.CompileAsync(sources, FunctionProject.References, kind, project);
    }

    /// <summary>
    /// The additional files a sample project passes to the compiler (its deployment files), as its project file lists
    /// them with <c>&lt;AdditionalFiles Include="..." /&gt;</c>, at their full paths.
    /// </summary>
    public static ImmutableArray<AdditionalText> SampleAdditionalFiles(string project)
    {
        var directory = Repository.PathOf("tests", "Sample", project);
        var projectFile = XDocument.Load(Path.Combine(directory, project + ".csproj"));
        return [.. projectFile.Descendants("AdditionalFiles")
            .Select(item => Path.GetFullPath(Path.Combine(directory, (string)item.Attribute("Include")!)))
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, SourceText.From(File.ReadAllText(path))))];
    }

    /// <summary>
    /// One file of tests/ValidLambdaCode as its own project: an executable when it has top-level statements or a Main,
    /// with ASP.NET Core when it uses the bridge.
    /// </summary>
    public static Task<CSharpCompilation> CompileValidFileAsync(string relativePath)
    {
        var path = Path.Combine(ValidCodeFolder, relativePath);
        var text = File.ReadAllText(path);
        var aspNetCore = text.Contains("using Amazon.Lambda.AspNetCoreServer;", StringComparison.Ordinal);
        return AnalyzerRunner.CompileAsync(
            [(path, text), ("GlobalUsings.g.cs", ImplicitUsings)],
            references: aspNetCore ? [.. FunctionProject.References, TestReferences.AspNetCoreServer] : FunctionProject.References,
            outputKind: KindOf(text),
            assemblyName: Path.GetFileNameWithoutExtension(path),
            framework: aspNetCore ? TestReferences.Net80AspNetCore : null);
    }

    public static OutputKind KindOf(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
        var isProgram = root.Members.OfType<GlobalStatementSyntax>().Any()
            || root.DescendantNodes().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
        return isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
    }

    /// <summary>Every compilation of the corpus with its source files (not the synthesized global usings).</summary>
    public static async IAsyncEnumerable<(string Name, CSharpCompilation Compilation)> AllAsync()
    {
        foreach (var (name, kind) in SampleProjects)
        {
            yield return ("Sample/" + name, await CompileSampleAsync(name, kind));
        }

        foreach (var file in ValidCodeFiles())
        {
            yield return ("ValidLambdaCode/" + file, await CompileValidFileAsync(file));
        }
    }
}
