using System.IO.Compression;
using System.Text.Json;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// The package's buildTransitive props and targets, as packed: which deployment files a project hands to the analyzers
/// as AdditionalFiles, and which properties it makes visible to them. Each test lays out folders around a project that
/// imports the two files taken from the .nupkg, and asks MSBuild for the evaluated items (<c>-getItem</c>).
/// </summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Each_deployment_file_name_is_taken_from_the_nearest_of_the_project_folder_its_parent_and_its_grandparent()
    {
        var root = NewLayout();
        var project = Path.Combine(root, "a", "src", "Fn");
        Touch(project, "aws-lambda-tools-defaults.json");
        Touch(Path.Combine(root, "a", "src"), "aws-lambda-tools-defaults.json");
        Touch(Path.Combine(root, "a", "src"), "serverless.template");
        Touch(Path.Combine(root, "a"), "template.yaml");
        Touch(Path.Combine(root, "a"), "serverless.yml");
        Touch(root, "template.yml");
        Touch(Path.Combine(root, "a", "src"), "serverless.yaml");
        Touch(project, "template.yml.bak");

        var files = await AdditionalFilesAsync(project);

        Assert.Equal(
            [
                Path.Combine(project, "aws-lambda-tools-defaults.json"),
                Path.Combine(root, "a", "src", "serverless.template"),
                Path.Combine(root, "a", "template.yaml"),
                Path.Combine(root, "a", "serverless.yml"),
                Path.Combine(root, "a", "src", "serverless.yaml"),
            ],
            files);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_search_never_goes_above_a_folder_that_contains_dot_git()
    {
        var root = NewLayout();
        var project = Path.Combine(root, "repo", "Fn");
        Directory.CreateDirectory(Path.Combine(root, "repo", ".git"));
        Touch(Path.Combine(root, "repo"), "template.yaml");
        Touch(root, "serverless.template");

        Assert.Equal([Path.Combine(root, "repo", "template.yaml")], await AdditionalFilesAsync(project));

        // A .git file (a worktree or submodule) in the project folder itself: only that folder is searched.
        var inner = Path.Combine(root, "repo", "Inner");
        Directory.CreateDirectory(inner);
        File.WriteAllText(Path.Combine(inner, ".git"), "gitdir: elsewhere");
        Touch(inner, "serverless.yml");
        Assert.Equal([Path.Combine(inner, "serverless.yml")], await AdditionalFilesAsync(inner));
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task None_turns_the_discovery_off_and_a_list_replaces_it()
    {
        var root = NewLayout();
        var project = Path.Combine(root, "Fn");
        Touch(project, "template.yaml");
        Touch(Path.Combine(root, "deploy"), "functions.yaml");
        Touch(Path.Combine(root, "deploy"), "defaults.json");

        Assert.Empty(await AdditionalFilesAsync(project, deploymentFiles: " none "));
        Assert.Equal(
            [Path.Combine(root, "deploy", "functions.yaml"), Path.Combine(root, "deploy", "defaults.json")],
            await AdditionalFilesAsync(project, deploymentFiles: "../deploy/functions.yaml;../deploy/defaults.json"));
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_file_already_in_AdditionalFiles_is_not_added_again()
    {
        var root = NewLayout();
        var project = Path.Combine(root, "src", "Fn");
        Touch(Path.Combine(root, "src"), "template.yaml");
        Touch(project, "notes.txt");

        var files = await AdditionalFilesAsync(project, additionalFiles: "notes.txt;../template.yaml");

        Assert.Equal([Path.Combine(project, "notes.txt"), Path.Combine(root, "src", "template.yaml")], files);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Every_deployment_file_is_marked_for_the_analyzers_whatever_its_name()
    {
        var root = NewLayout();
        var project = Path.Combine(root, "Fn");
        Touch(project, "notes.txt");
        Touch(Path.Combine(root, "deploy"), "prod.yaml");
        Touch(Path.Combine(root, "deploy"), "staging.json");

        // A listed file that the project already has as an additional file is marked where it is.
        var files = await EvaluateAsync(
            project, "../deploy/prod.yaml;../deploy/staging.json", "notes.txt;../deploy/staging.json", "AdditionalFiles", "LambdaAnalyzersDeploymentFile");

        Assert.Equal(
            [
                $"{Path.Combine(project, "notes.txt")}|",
                $"{Path.Combine(root, "deploy", "staging.json")}|true",
                $"{Path.Combine(root, "deploy", "prod.yaml")}|true",
            ],
            files);
        var metadata = await EvaluateAsync(project, deploymentFiles: null, additionalFiles: null, "CompilerVisibleItemMetadata", "MetadataName");
        Assert.Contains("AdditionalFiles|LambdaAnalyzersDeploymentFile", metadata);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_project_folder_and_target_framework_are_visible_to_the_analyzers()
    {
        var project = Path.Combine(NewLayout(), "Fn");
        Directory.CreateDirectory(project);

        var items = await EvaluateAsync(project, deploymentFiles: null, additionalFiles: null, "CompilerVisibleProperty");

        Assert.Contains("MSBuildProjectDirectory", items);
        Assert.Contains("TargetFramework", items);
    }

    /// <summary>A new folder for one layout, beside the work directory's other files and under no <c>.git</c>.</summary>
    private string NewLayout()
    {
        var root = Path.Combine(package.WorkDirectory, "layouts", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        return root;
    }

    private static void Touch(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), string.Empty);
    }

    private Task<IReadOnlyList<string>> AdditionalFilesAsync(string project, string? deploymentFiles = null, string? additionalFiles = null) =>
        EvaluateAsync(project, deploymentFiles, additionalFiles, "AdditionalFiles");

    /// <summary>
    /// Writes a project into <paramref name="project"/> that imports the packed props and targets, and returns the
    /// full paths (for files) or identities of the evaluated items of one type, each followed by <c>|</c> and the value
    /// of <paramref name="metadata"/> when one is named.
    /// </summary>
    private async Task<IReadOnlyList<string>> EvaluateAsync(string project, string? deploymentFiles, string? additionalFiles, string itemType, string? metadata = null)
    {
        var imports = ExtractPackageFolder("buildTransitive/");
        Directory.CreateDirectory(project);
        var deploymentProperty = deploymentFiles is null ? string.Empty : $"<LambdaAnalyzersDeploymentFiles>{deploymentFiles}</LambdaAnalyzersDeploymentFiles>";
        var additionalItems = additionalFiles is null ? string.Empty : $"<AdditionalFiles Include=\"{additionalFiles}\" />";
        File.WriteAllText(Path.Combine(project, "Fn.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(imports, "LambdaAnalyzers.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {deploymentProperty}
              </PropertyGroup>
              <ItemGroup>{additionalItems}</ItemGroup>
              <Import Project="{Path.Combine(imports, "LambdaAnalyzers.targets")}" />
            </Project>
            """);

        var result = await DotNetCli.RunAsync(
            project, new Dictionary<string, string?>(), DotNetCli.DefaultTimeout, "msbuild", "Fn.csproj", "-nologo", $"-getItem:{itemType}");
        Assert.True(result.ExitCode == 0, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Items").GetProperty(itemType).EnumerateArray()
            .Select(item => (itemType == "AdditionalFiles" ? item.GetProperty("FullPath").GetString()! : item.GetProperty("Identity").GetString()!)
                + (metadata is null ? string.Empty : "|" + (item.TryGetProperty(metadata, out var value) ? value.GetString() : string.Empty)))
            .ToList();
    }

    /// <summary>The files of one folder of the package (<c>buildTransitive/</c>, ...), extracted once into the work directory.</summary>
    private string ExtractPackageFolder(string packageFolder)
    {
        var folder = Path.Combine(package.WorkDirectory, "extracted", packageFolder.TrimEnd('/').Replace('/', '-'));
        lock (package)
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                using var zip = ZipFile.OpenRead(package.PackagePath);
                foreach (var entry in zip.Entries.Where(entry => entry.FullName.StartsWith(packageFolder, StringComparison.Ordinal) && entry.Name.Length > 0))
                {
                    entry.ExtractToFile(Path.Combine(folder, entry.Name));
                }
            }
        }

        return folder;
    }
}
