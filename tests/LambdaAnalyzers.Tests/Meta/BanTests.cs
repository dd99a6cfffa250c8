using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LambdaAnalyzers.Tests.Meta;

/// <summary>
/// What BannedSymbols.txt cannot say alone: its ban holds in every file but the two that lift it, and rules do not reach
/// the model's walks through the one door the model walks through.
/// </summary>
public sealed class BanTests
{
    private static readonly string[] s_liftingFiles =
    [
        Path.Combine("src", "LambdaAnalyzers", "KnownTypes.cs"),
        Path.Combine("src", "LambdaAnalyzers", "Lambda", "TreeWalk.cs"),
    ];

    [Fact]
    public void OnlyKnownTypesAndTreeWalkLiftTheBan()
    {
        var lifting = SourceFiles("src")
            .Where(file => File.ReadAllText(file).Contains("RS0030", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .Order(StringComparer.Ordinal);

        Assert.Equal(s_liftingFiles.Order(StringComparer.Ordinal), lifting);
    }

    [Fact]
    public void NoRuleWalksThroughTreeWalk()
    {
        var walking = SourceFiles(Path.Combine("src", "LambdaAnalyzers", "Rules"))
            .Where(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
                .Any(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "TreeWalk"))
            .Select(file => Path.GetRelativePath(Repository.Root, file));

        Assert.Empty(walking);
    }

    /// <summary>The C# files and analyzer configuration under a folder of the repository, build output left out.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Repository.PathOf(folder), "*", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(file) is ".cs" or ".editorconfig" or ".globalconfig" || Path.GetFileName(file) == ".editorconfig")
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
