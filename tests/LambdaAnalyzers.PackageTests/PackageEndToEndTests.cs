using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Amazon.Lambda.Core;
using Xunit.Abstractions;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// The package as users get it: <c>dotnet pack</c> of src/LambdaAnalyzers.Package, installed through a local feed into an
/// SDK-style project outside the repository, built with <c>dotnet build -warnaserror</c>.
/// </summary>
public sealed partial class PackageEndToEndTests(PackedPackageFixture package, ITestOutputHelper output) : IClassFixture<PackedPackageFixture>
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <summary>Files that MSBuild, the SDK or NuGet pick up from a project's parent folders.</summary>
    private static readonly string[] InheritedFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props",
        "Directory.Solution.props", "global.json", "nuget.config",
    ];

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Package_carries_the_analyzers_as_a_development_dependency_only()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(static entry => entry.FullName.Replace('\\', '/')).ToList();
        var listing = $"Entries of {Path.GetFileName(package.PackagePath)}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", entries);

        Assert.True(entries.Contains(AnalyzerFolder + "LambdaAnalyzers.dll"), listing);
        Assert.True(entries.Contains(AnalyzerFolder + "LambdaAnalyzers.CodeFixes.dll"), listing);
        Assert.False(entries.Any(static entry => entry.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)), "Nothing may be under lib/. " + listing);
        Assert.True(entries.Contains("README.md"), listing);
        Assert.True(entries.Contains("LICENSE"), listing);
        Assert.True(entries.Contains("buildTransitive/LambdaAnalyzers.props"), listing);
        Assert.True(entries.Contains("buildTransitive/LambdaAnalyzers.targets"), listing);
        Assert.True(entries.Contains("buildTransitive/LambdaAnalyzers.strict.globalconfig"), listing);
        Assert.True(entries.Contains(AnalyzerFolder + "YamlDotNet.dll"), listing);
        Assert.True(entries.Contains("THIRD-PARTY-NOTICES.txt"), listing);

        var nuspecEntries = zip.Entries.Where(static entry => !entry.FullName.Contains('/') && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(nuspecEntries.Count == 1, "Expected one .nuspec at the package root. " + listing);
        XDocument nuspec;
        using (var stream = nuspecEntries[0].Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata");
        Assert.True(metadata is not null, "No <metadata> in the nuspec:" + Environment.NewLine + nuspec);
        Assert.Equal(PackedPackageFixture.PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")?.Value);
        Assert.True(
            metadata.Element(ns + "developmentDependency")?.Value.Trim() == "true",
            "<developmentDependency>true</developmentDependency> missing:" + Environment.NewLine + nuspec);

        // An empty <dependencies>/<group> pulls nothing in; any <dependency> or <frameworkReference> would.
        var pulledIn = metadata.Descendants().Where(element => element.Name == ns + "dependency" || element.Name == ns + "frameworkReference").ToList();
        Assert.True(pulledIn.Count == 0, "The package must not depend on anything:" + Environment.NewLine + nuspec);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Consumer_build_fails_on_LMB0001_and_passes_once_the_client_is_shared()
    {
        var consumer = CreateConsumer("consumer");
        var function = Path.Combine(consumer, "Function.cs");
        WriteTemplate("Function.cs.template", function, new Dictionary<string, string>());
        var expected = FindExpectedDiagnostic(File.ReadAllLines(TemplatePath("Function.cs.template")));

        // 1. The planted mistake fails the build with exactly one LMB0001, at the marked place.
        var broken = await BuildConsumerAsync(consumer);
        var brokenContext = broken.Describe();
        Assert.True(broken.Result.ExitCode != 0, "The build with the planted mistake should fail. " + brokenContext);

        var restored = Path.Combine(package.WorkDirectory, "packages", PackedPackageFixture.PackageId.ToLowerInvariant(), package.Version.ToLowerInvariant(), AnalyzerFolder, "LambdaAnalyzers.dll");
        Assert.True(File.Exists(restored), $"The package was not restored from the local feed to '{restored}'. " + brokenContext);

        var lmb = broken.Sarif.Where(static result => result.RuleId.StartsWith("LMB", StringComparison.Ordinal)).ToList();
        Assert.True(lmb.Count == 1, $"Expected exactly one LMB result, found {lmb.Count}. " + brokenContext);
        var reported = lmb[0];
        Assert.True(
            reported.RuleId == expected.RuleId
                && reported.FilePath is not null
                && Path.GetFullPath(reported.FilePath) == Path.GetFullPath(function)
                && reported.Line == expected.Line
                && reported.Column == expected.Column,
            $"Expected {expected.RuleId} at Function.cs({expected.Line},{expected.Column}), got {reported}. " + brokenContext);
        AssertNoAnalyzerFailure(broken);
        var otherProblems = broken.Sarif.Where(result => result.IsWarningOrError && result != reported).ToList();
        Assert.True(otherProblems.Count == 0, "Only the LMB0001 may fail the build. " + brokenContext);
        Assert.True(
            broken.ErrorCodes.SetEquals([expected.RuleId]),
            $"The build's errors should be exactly {expected.RuleId}, were [{string.Join(", ", broken.ErrorCodes)}]. " + brokenContext);

        // 2. The client in a static readonly field: a clean build.
        WriteTemplate("FunctionFixed.cs.template", function, new Dictionary<string, string>());
        var fixedBuild = await BuildConsumerAsync(consumer);
        var fixedContext = fixedBuild.Describe();
        Assert.True(fixedBuild.Result.ExitCode == 0, "The corrected consumer should build. " + fixedContext);
        Assert.True(!fixedBuild.Sarif.Any(static result => result.RuleId.StartsWith("LMB", StringComparison.Ordinal)), "No LMB result expected. " + fixedContext);
        AssertNoAnalyzerFailure(fixedBuild);
        Assert.True(!fixedBuild.Sarif.Any(static result => result.IsWarningOrError), "No warning or error expected. " + fixedContext);
        Assert.True(fixedBuild.ErrorCodes.Count == 0, "No error expected. " + fixedContext);
    }

    /// <summary>
    /// A user's function project in a new folder of the work directory, outside the repository: the project file that
    /// references the packed package and the stand-ins of Amazon.Lambda.Core and Amazon.Lambda.Serialization.SystemTextJson,
    /// and a nuget.config for the local feed.
    /// </summary>
    private string CreateConsumer(string name)
    {
        var consumer = Path.Combine(package.WorkDirectory, name);
        Directory.CreateDirectory(consumer);
        AssertNothingInherited(consumer);

        var lambdaCore = typeof(ILambdaContext).Assembly.Location;
        Assert.True(File.Exists(lambdaCore), $"The Amazon.Lambda.Core stand-in is not at '{lambdaCore}'.");
        var serialization = typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer).Assembly.Location;
        Assert.True(File.Exists(serialization), $"The Amazon.Lambda.Serialization.SystemTextJson stand-in is not at '{serialization}'.");

        WriteTemplate("Consumer.csproj.template", Path.Combine(consumer, "Consumer.csproj"), new Dictionary<string, string>
        {
            ["$PACKAGE_VERSION$"] = SecurityElement.Escape(package.Version),
            ["$LAMBDA_CORE_PATH$"] = SecurityElement.Escape(lambdaCore),
            ["$LAMBDA_SERIALIZATION_PATH$"] = SecurityElement.Escape(serialization),
        });
        WriteTemplate("nuget.config.template", Path.Combine(consumer, "nuget.config"), new Dictionary<string, string>
        {
            ["$FEED$"] = SecurityElement.Escape(package.FeedDirectory),
        });
        return consumer;
    }

    /// <summary>An assembly of the package's analyzer folder, read from the .nupkg without loading it.</summary>
    private static MetadataReaderProvider ReadPackedAssembly(ZipArchive zip, string assembly)
    {
        var entry = zip.GetEntry(AnalyzerFolder + assembly);
        Assert.True(entry is not null, $"{assembly} is not in the package.");
        var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        return MetadataReaderProvider.FromMetadataImage(pe.GetMetadata().GetContent());
    }

    /// <summary>The string arguments of each assembly attribute of one type, read from the metadata blob.</summary>
    private static IEnumerable<IReadOnlyList<string?>> AssemblyAttributeArguments(MetadataReader metadata, string attributeName, int count)
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
            yield return Enumerable.Range(0, count).Select(_ => value.ReadSerializedString()).ToList();
        }
    }

    /// <summary>
    /// <c>dotnet build --no-incremental -warnaserror</c> of the consumer with a SARIF 2.1 error log and a package cache of
    /// its own, so that only this run's package can be restored.
    /// </summary>
    private async Task<ConsumerBuild> BuildConsumerAsync(string consumer, params string[] properties)
    {
        var sarif = Path.Combine(package.WorkDirectory, "build.sarif");
        File.Delete(sarif);
        var result = await DotNetCli.RunAsync(
            consumer,
            ConsumerEnvironment(),
            DotNetCli.DefaultTimeout,
            [
                "build", consumer,
                "--no-incremental",
                "-warnaserror",
                // %3B is MSBuild's escape of ';': the compiler receives /errorlog:<path>;version=2.1.
                $"-p:ErrorLog={sarif}%3Bversion=2.1",
                "--disable-build-servers",
                "-tl:off",
                .. properties,
            ]);

        var errorCodes = MsBuildDiagnostic().Matches(result.StandardOutput + Environment.NewLine + result.StandardError)
            .Where(static match => match.Groups["severity"].Value == "error")
            .Select(static match => match.Groups["code"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var sarifText = File.Exists(sarif) ? File.ReadAllText(sarif) : null;
        Assert.True(sarifText is not null, $"The build wrote no SARIF log to '{sarif}'. " + result.Describe());
        return new ConsumerBuild(result, ReadSarif(sarifText, result), errorCodes, sarifText);
    }

    /// <summary>
    /// The environment of everything that restores or loads a consumer: a package cache of its own, so that only this
    /// run's package can be restored.
    /// </summary>
    private Dictionary<string, string?> ConsumerEnvironment() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(package.WorkDirectory, "packages"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    private static IReadOnlyList<SarifResult> ReadSarif(string text, CommandResult build)
    {
        var results = new List<SarifResult>();
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.True(
            root.TryGetProperty("version", out var version) && version.GetString() == "2.1.0",
            "Expected a SARIF 2.1.0 log:" + Environment.NewLine + text + Environment.NewLine + build.Describe());
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString() ?? "warning" : "warning";
                var message = result.TryGetProperty("message", out var messageElement) && messageElement.TryGetProperty("text", out var textElement) ? textElement.GetString() : null;
                string? filePath = null;
                int? line = null;
                int? column = null;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri)
                        && Uri.TryCreate(uri.GetString(), UriKind.Absolute, out var parsed) && parsed.IsFile)
                    {
                        filePath = parsed.LocalPath;
                    }

                    if (physical.TryGetProperty("region", out var region))
                    {
                        line = region.TryGetProperty("startLine", out var startLine) ? startLine.GetInt32() : null;
                        column = region.TryGetProperty("startColumn", out var startColumn) ? startColumn.GetInt32() : null;
                    }
                }

                results.Add(new SarifResult(ruleId, level, message, filePath, line, column));
            }
        }

        return results;
    }

    private static void AssertNoAnalyzerFailure(ConsumerBuild build)
    {
        Assert.True(
            !build.Sarif.Any(static result => result.RuleId == "AD0001") && !build.ErrorCodes.Contains("AD0001")
                && !build.Result.StandardOutput.Contains("AD0001", StringComparison.Ordinal),
            "An analyzer threw (AD0001). " + build.Describe());
    }

    /// <summary>The consumer must be a user's project: nothing from the repository (or any parent folder) may apply to it.</summary>
    private void AssertNothingInherited(string consumer)
    {
        var consumerPath = Path.GetFullPath(consumer) + Path.DirectorySeparatorChar;
        var rootPath = Path.GetFullPath(package.RepositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Assert.False(consumerPath.StartsWith(rootPath, StringComparison.Ordinal), $"The consumer '{consumer}' must be outside the repository '{rootPath}'.");

        for (var directory = new DirectoryInfo(consumer).Parent; directory is not null; directory = directory.Parent)
        {
            var inherited = directory.EnumerateFiles()
                .Where(file => InheritedFiles.Contains(file.Name, StringComparer.OrdinalIgnoreCase))
                .Select(static file => file.FullName)
                .ToList();
            Assert.True(inherited.Count == 0, $"The consumer would inherit {string.Join(", ", inherited)}: use a temporary folder without such files above it.");
        }
    }

    private static ExpectedDiagnostic FindExpectedDiagnostic(string[] templateLines)
    {
        var marked = templateLines
            .Select(static (text, index) => (Text: text, Line: index + 1, Match: ExpectationMarker().Match(text)))
            .Where(static line => line.Match.Success)
            .ToList();
        Assert.True(marked.Count == 1, "Function.cs.template needs exactly one `// EXPECT LMBxxxx at \"code\"` marker line.");
        var (text, lineNumber, match) = marked[0];
        var column = text.IndexOf(match.Groups["code"].Value, StringComparison.Ordinal);
        Assert.True(column >= 0 && column < match.Index, $"The marker's code \"{match.Groups["code"].Value}\" is not on line {lineNumber} before the marker.");
        return new ExpectedDiagnostic(match.Groups["rule"].Value, lineNumber, column + 1);
    }

    private static string TemplatePath(string name) => Path.Combine(AppContext.BaseDirectory, "Consumer", name);

    private static void WriteTemplate(string name, string destination, IReadOnlyDictionary<string, string> replacements)
    {
        var text = File.ReadAllText(TemplatePath(name));
        foreach (var (placeholder, value) in replacements)
        {
            Assert.True(text.Contains(placeholder, StringComparison.Ordinal), $"{name} has no {placeholder}.");
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        File.WriteAllText(destination, text);
    }

    /// <summary><c>// EXPECT LMB0001 at "new HttpClient()"</c>: the rule and the code its location starts with.</summary>
    [GeneratedRegex("""//\s*EXPECT\s+(?<rule>LMB\d{4})\s+at\s+"(?<code>[^"]+)"\s*$""")]
    private static partial Regex ExpectationMarker();

    /// <summary>MSBuild's canonical diagnostic lines: <c>origin(line,col): error CODE: text</c>, <c>origin : warning CODE: text</c>.</summary>
    [GeneratedRegex(@":\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+[0-9]+)\s*:", RegexOptions.Multiline)]
    private static partial Regex MsBuildDiagnostic();

    private sealed record ExpectedDiagnostic(string RuleId, int Line, int Column);

    private sealed record SarifResult(string RuleId, string Level, string? Message, string? FilePath, int? Line, int? Column)
    {
        public bool IsWarningOrError => Level is "error" or "warning";

        public override string ToString() => $"{RuleId} ({Level}) at {FilePath}({Line},{Column}): {Message}";
    }

    private sealed record ConsumerBuild(CommandResult Result, IReadOnlyList<SarifResult> Sarif, HashSet<string> ErrorCodes, string SarifText)
    {
        public string Describe() =>
            Result.Describe() + Environment.NewLine +
            $"--- SARIF results ({Sarif.Count}) ---" + Environment.NewLine + string.Join(Environment.NewLine, Sarif);
    }
}
