using System.IO.Compression;
using System.Reflection.Metadata;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// The packed assemblies load in the oldest hosts the package supports: those of Roslyn 4.8 (Visual Studio 17.8, the
/// .NET 8 SDK). A reference to a newer assembly than such a host ships fails to load there.
/// </summary>
public sealed partial class PackageEndToEndTests
{
    /// <summary>What Roslyn 4.8's hosts ship of each assembly the analyzers may reference; null: any version.</summary>
    private static readonly Dictionary<string, Version?> HostFloor = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Composition.AttributedModel"] = new(7, 0, 0, 0),
        ["System.Composition.Runtime"] = new(7, 0, 0, 0),
        ["System.Composition.Hosting"] = new(7, 0, 0, 0),
        ["System.Composition.TypedParts"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 4, 0),
        ["YamlDotNet"] = null,
    };

    [Theory]
    [Trait("Category", "EndToEnd")]
    [InlineData("LambdaAnalyzers.dll")]
    [InlineData("LambdaAnalyzers.CodeFixes.dll")]
    public void Packed_assemblies_reference_nothing_newer_than_Roslyn_4_8_hosts_ship(string assembly)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var provider = ReadPackedAssembly(zip, assembly);
        var metadata = provider.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (Name: metadata.GetString(reference.Name), reference.Version))
            .ToList();
        var listing = $"{assembly} references: " + string.Join(", ", references.Select(r => $"{r.Name} {r.Version}"));

        foreach (var (name, version) in references)
        {
            if (name.StartsWith("LambdaAnalyzers", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(HostFloor.TryGetValue(name, out var floor), $"{name} is not known to ship with Roslyn 4.8's hosts. " + listing);
            Assert.True(floor is null || version <= floor, $"{name} {version} is newer than the {floor} that Roslyn 4.8's hosts ship. " + listing);
        }
    }
}
