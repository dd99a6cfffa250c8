using System.IO.Compression;
using System.Xml.Linq;

namespace LambdaAnalyzers.PackageTests;

/// <summary>What nuget.org shows of the package: its metadata, README, icon and release notes.</summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Package_page_metadata_is_complete_and_agrees_with_the_rules_help_links()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var nuspecEntry = zip.Entries.Single(static entry => !entry.FullName.Contains('/') && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => metadata.Element(ns + name)?.Value;
        var context = Environment.NewLine + nuspec;

        Assert.False(string.IsNullOrWhiteSpace(Value("description")), "No description." + context);
        var tags = (Value("tags") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(
            new[] { "aws", "aws-lambda", "lambda", "serverless", "roslyn", "analyzers", "codefix", "csharp" },
            tag => Assert.True(tags.Contains(tag), $"Tag '{tag}' missing." + context));

        var license = metadata.Element(ns + "license");
        Assert.True(license is not null && (string?)license.Attribute("type") == "expression" && license.Value == "MIT", "The license must be the MIT expression." + context);

        var projectUrl = Value("projectUrl");
        var repositoryUrl = (string?)metadata.Element(ns + "repository")?.Attribute("url");
        Assert.True(projectUrl is not null && projectUrl.StartsWith("https://", StringComparison.Ordinal), "No project URL." + context);
        Assert.Equal(projectUrl, repositoryUrl);
        Assert.Equal(projectUrl, RepositoryUrlOfPackedAnalyzers(zip));

        var icon = Value("icon");
        Assert.True(icon is not null && zip.GetEntry(icon) is not null, $"The icon '{icon}' is not in the package." + context);

        // The README written for users, not the repository's.
        Assert.Equal("README.md", Value("readme"));
        using (var reader = new StreamReader(zip.GetEntry("README.md")!.Open()))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(package.RepositoryRoot, "src", "LambdaAnalyzers.Package", "README.md")), reader.ReadToEnd());
        }

        // Until the first release, the release notes list the unshipped rules as new rules.
        var notes = Value("releaseNotes") ?? string.Empty;
        var unshipped = File.ReadLines(Path.Combine(package.RepositoryRoot, "src", "LambdaAnalyzers", "AnalyzerReleases.Unshipped.md"))
            .Select(static line => line.Split('|')[0].Trim())
            .Where(static cell => cell.StartsWith("LMB", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(unshipped);
        Assert.Contains("New rules", notes, StringComparison.Ordinal);
        Assert.All(unshipped, id => Assert.True(notes.Contains(id, StringComparison.Ordinal), $"{id} is not in the release notes." + context));
    }

    /// <summary>The repository URL the packed analyzer assembly builds its help links from (its AssemblyMetadata).</summary>
    private static string? RepositoryUrlOfPackedAnalyzers(ZipArchive zip)
    {
        using var provider = ReadPackedAssembly(zip, "LambdaAnalyzers.dll");
        return AssemblyAttributeArguments(provider.GetMetadataReader(), "AssemblyMetadataAttribute", 2)
            .FirstOrDefault(static arguments => arguments[0] == "LambdaAnalyzersRepositoryUrl")?[1];
    }
}
