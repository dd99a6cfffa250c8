using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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
        var entry = zip.GetEntry(AnalyzerFolder + assembly);
        Assert.True(entry is not null, $"{assembly} is not in the package.");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        var core = Regex.Match(package.Version, @"^\d+\.\d+\.\d+").Value;

        // The package's version is a prerelease here (0.1.0-e2e.<time>): the assembly and file versions drop the label.
        Assert.Equal(new Version(core + ".0"), metadata.GetAssemblyDefinition().Version);
        Assert.Equal(core + ".0", AttributeValue(metadata, "AssemblyFileVersionAttribute"));
        Assert.Matches("^" + Regex.Escape(package.Version) + @"\+[0-9a-f]{40}$", AttributeValue(metadata, "AssemblyInformationalVersionAttribute"));
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

    /// <summary>The string argument of an assembly attribute with one string parameter, read without loading the assembly.</summary>
    private static string? AttributeValue(MetadataReader metadata, string attributeName)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != attributeName)
            {
                continue;
            }

            var value = metadata.GetBlobReader(attribute.Value);
            Assert.Equal(1, value.ReadUInt16()); // the prolog of a custom attribute blob
            return value.ReadSerializedString();
        }

        return null;
    }
}
