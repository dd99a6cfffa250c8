using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// A .NET tool of the repository's tool manifest (.config/dotnet-tools.json), as <c>dotnet tool restore</c> put it in the
/// NuGet package folder.
/// </summary>
internal static partial class LocalTool
{
    /// <summary>
    /// The assembly that <c>dotnet tool run <paramref name="command"/></c> starts. Found here rather than run through
    /// <c>dotnet tool run</c>, so that the tool can be started with another package folder in NUGET_PACKAGES.
    /// </summary>
    public static async Task<string> FindEntryPointAsync(string repositoryRoot, string command)
    {
        var manifestPath = Path.Combine(repositoryRoot, ".config", "dotnet-tools.json");
        Assert.True(File.Exists(manifestPath), $"No tool manifest at '{manifestPath}'.");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var tool = manifest.RootElement.GetProperty("tools").EnumerateObject()
            .FirstOrDefault(entry => entry.Value.GetProperty("commands").EnumerateArray().Any(name => name.GetString() == command));
        Assert.True(tool.Value.ValueKind == JsonValueKind.Object, $"{manifestPath} has no tool with the command '{command}'.");
        var packageId = tool.Name.ToLowerInvariant();
        var version = tool.Value.GetProperty("version").GetString()!.ToLowerInvariant();

        var locals = await DotNetCli.RunAsync(repositoryRoot, new Dictionary<string, string?>(), DotNetCli.DefaultTimeout, "nuget", "locals", "global-packages", "--list");
        var folder = GlobalPackagesLine().Match(locals.StandardOutput);
        Assert.True(locals.ExitCode == 0 && folder.Success, "Could not find the NuGet package folder. " + locals.Describe());

        var packageFolder = Path.Combine(folder.Groups["path"].Value.Trim(), packageId, version);
        var settings = Directory.Exists(packageFolder)
            ? Directory.GetFiles(Path.Combine(packageFolder, "tools"), "DotnetToolSettings.xml", SearchOption.AllDirectories)
            : [];
        Assert.True(
            settings.Length == 1,
            $"{tool.Name} {version} is not restored in '{packageFolder}': run `dotnet tool restore` in {repositoryRoot}.");

        var entryPoint = XDocument.Load(settings[0]).Descendants("Command")
            .FirstOrDefault(element => (string?)element.Attribute("Name") == command)?.Attribute("EntryPoint")?.Value;
        Assert.True(entryPoint is not null, $"{settings[0]} does not name the entry point of '{command}'.");
        var path = Path.Combine(Path.GetDirectoryName(settings[0])!, entryPoint);
        Assert.True(File.Exists(path), $"The entry point '{path}' of {tool.Name} {version} is missing.");
        return path;
    }

    /// <summary><c>global-packages: /home/user/.nuget/packages/</c></summary>
    [GeneratedRegex(@"^global-packages:\s*(?<path>.+)$", RegexOptions.Multiline)]
    private static partial Regex GlobalPackagesLine();
}
