using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LambdaAnalyzers.PackageTests;

/// <summary>The packed assemblies carry the package's version, so that a build log tells which analyzers it loaded.</summary>
public sealed partial class PackageEndToEndTests
{
    [Theory]
    [Trait("Category", "EndToEnd")]
    [InlineData("LambdaAnalyzers.dll")]
    [InlineData("LambdaAnalyzers.CodeFixes.dll")]
    public void Packed_assemblies_carry_the_package_version(string assembly)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var provider = ReadPackedAssembly(zip, assembly);
        var metadata = provider.GetMetadataReader();
        var core = Regex.Match(package.Version, @"^\d+\.\d+\.\d+").Value;

        // The package's version is a prerelease here (0.1.0-e2e.<time>): the assembly and file versions drop the label.
        Assert.Equal(new Version(core + ".0"), metadata.GetAssemblyDefinition().Version);
        Assert.Equal(core + ".0", AssemblyAttributeArguments(metadata, "AssemblyFileVersionAttribute", 1).Single()[0]);
        Assert.Matches("^" + Regex.Escape(package.Version) + @"\+[0-9a-f]{40}$", AssemblyAttributeArguments(metadata, "AssemblyInformationalVersionAttribute", 1).Single()[0]);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_package_and_both_assemblies_take_their_version_from_one_place()
    {
        var versions = new List<(string Version, string AssemblyVersion, string FileVersion)>();
        foreach (var project in new[] { "LambdaAnalyzers", "LambdaAnalyzers.CodeFixes", "LambdaAnalyzers.Package" })
        {
            var path = Path.Combine(package.RepositoryRoot, "src", project, project + ".csproj");
            var result = await DotNetCli.RunAsync(
                package.RepositoryRoot, new Dictionary<string, string?>(), DotNetCli.DefaultTimeout,
                "msbuild", path, "-nologo", "-getProperty:Version", "-getProperty:AssemblyVersion", "-getProperty:FileVersion");
            Assert.True(result.ExitCode == 0, result.Describe());
            using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
            var properties = json.RootElement.GetProperty("Properties");
            versions.Add((properties.GetProperty("Version").GetString()!, properties.GetProperty("AssemblyVersion").GetString()!, properties.GetProperty("FileVersion").GetString()!));
        }

        var version = versions[0].Version;
        var core = Regex.Match(version, @"^\d+\.\d+\.\d+").Value;
        Assert.NotEqual("1.0.0", version);
        Assert.All(versions, v => Assert.Equal((version, core + ".0", core + ".0"), v));
    }
}
