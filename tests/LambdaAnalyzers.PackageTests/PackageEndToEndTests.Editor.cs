using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.S3;

namespace LambdaAnalyzers.PackageTests;

public sealed partial class PackageEndToEndTests
{
    /// <summary>The language server of .config/dotnet-tools.json, the one place its version is pinned.</summary>
    private const string LanguageServerCommand = "csharp-ls";

    /// <summary>Loading the project (design-time build, then the analyzers) takes the longest on a busy machine.</summary>
    private static readonly TimeSpan ProjectLoadTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The package in an editor: csharp-ls opens the consumer project, restored from the local feed, and pushes the
    /// package's diagnostics for the open file, then for the edited text. csharp-ls runs analyzers only with the setting
    /// <c>csharp.analyzersEnabled</c>, which the client sends in <c>initializationOptions</c>,
    /// <c>workspace/didChangeConfiguration</c> and its answers to <c>workspace/configuration</c>.
    /// </summary>
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Csharp_ls_publishes_the_planted_LMB0001_on_open_and_a_new_LMB0001_after_an_edit_adds_a_client()
    {
        var consumer = CreateConsumer("editor-consumer");
        var function = Path.Combine(consumer, "Function.cs");
        WriteTemplate("Function.cs.template", function, new Dictionary<string, string>());
        var planted = FindExpectedDiagnostic(File.ReadAllLines(TemplatePath("Function.cs.template")));
        AddReferences(Path.Combine(consumer, "Consumer.csproj"), typeof(AmazonServiceClient).Assembly, typeof(AmazonS3Client).Assembly);

        // The environment of the restore is the server's too: it loads the project from the same package folder.
        var environment = ConsumerEnvironment();
        environment["MSBUILDDISABLENODEREUSE"] = "1"; // no MSBuild node of the server's design-time builds outlives it
        var restore = await DotNetCli.RunAsync(consumer, environment, DotNetCli.DefaultTimeout, "restore", consumer, "-tl:off");
        Assert.True(restore.ExitCode == 0, "The consumer's restore failed. " + restore.Describe());

        var server = await LocalTool.FindEntryPointAsync(package.RepositoryRoot, LanguageServerCommand);
        var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
        await using var client = LanguageServerClient.Start(DotNetCli.CreateStartInfo(consumer, environment, ["exec", server]), settings);
        await client.InitializeAsync(consumer, TimeSpan.FromSeconds(60));

        // 1. The open file: the planted LMB0001, and no other LMB diagnostic.
        var text = File.ReadAllText(function).ReplaceLineEndings("\n");
        var plantedAt = new ServerPosition(planted.Line - 1, planted.Column - 1);
        var openedAt = client.Elapsed;
        await client.OpenAsync(function, text);
        var opened = await client.WaitForDiagnosticsAsync(function, 0, diagnostics => Has(diagnostics, planted.RuleId, plantedAt), ProjectLoadTimeout);
        Assert.True(
            opened is not null,
            $"{LanguageServerCommand} published no {planted.RuleId} at {plantedAt} of Function.cs within {ProjectLoadTimeout.TotalSeconds:F0} s of didOpen. " + client.Describe());
        AssertLmbDiagnostics(opened, [(planted.RuleId, plantedAt)], client);
        output.WriteLine($"{planted.RuleId} published {(opened.ReceivedAt - openedAt).TotalSeconds:F1} s after didOpen.");

        // 2. An edit adds a client inside the handler, below the planted one: a new LMB0001 there, the planted one kept.
        const string addedStatement = "var s3 = new AmazonS3Client();";
        var lines = text.Split('\n').ToList();
        var plantedLine = lines[plantedAt.Line];
        lines.Insert(plantedAt.Line + 1, plantedLine[..(plantedLine.Length - plantedLine.TrimStart().Length)] + addedStatement);
        lines.Insert(0, "using Amazon.S3;");
        var edited = string.Join('\n', lines);
        var addedAt = PositionOf(lines, addedStatement[addedStatement.IndexOf("new ", StringComparison.Ordinal)..]);
        var plantedAfterEdit = plantedAt with { Line = plantedAt.Line + 1 };

        var since = client.PublishedCount;
        var changedAt = client.Elapsed;
        await client.ChangeAsync(function, 2, edited);
        var changed = await client.WaitForDiagnosticsAsync(function, since, diagnostics => Has(diagnostics, "LMB0001", addedAt), EditTimeout);
        Assert.True(
            changed is not null,
            $"{LanguageServerCommand} published no LMB0001 at {addedAt} (the added `{addedStatement}`) within {EditTimeout.TotalSeconds:F0} s of didChange. " + client.Describe());
        AssertLmbDiagnostics(changed, [(planted.RuleId, plantedAfterEdit), ("LMB0001", addedAt)], client);
        output.WriteLine($"LMB0001 of the edit published {(changed.ReceivedAt - changedAt).TotalSeconds:F1} s after didChange.");

        var exitCode = await client.ShutdownAsync(TimeSpan.FromSeconds(15));
        output.WriteLine(exitCode is { } code ? $"{LanguageServerCommand} exited with code {code} after shutdown and exit." : $"{LanguageServerCommand} did not exit after shutdown and exit, and was killed.");
    }

    private static bool Has(IReadOnlyList<ServerDiagnostic> diagnostics, string ruleId, ServerPosition position) =>
        diagnostics.Any(diagnostic => diagnostic.Code == ruleId && new ServerPosition(diagnostic.Line, diagnostic.Character) == position);

    private static void AssertLmbDiagnostics(PublishedDiagnostics publication, (string RuleId, ServerPosition At)[] expected, LanguageServerClient client)
    {
        var actual = publication.Diagnostics
            .Where(static diagnostic => diagnostic.Code?.StartsWith("LMB", StringComparison.Ordinal) == true)
            .Select(static diagnostic => (RuleId: diagnostic.Code!, At: new ServerPosition(diagnostic.Line, diagnostic.Character)))
            .Order()
            .ToList();
        Assert.True(
            actual.SequenceEqual(expected.Order()),
            $"Expected exactly [{string.Join(", ", expected)}] among the LMB diagnostics of {publication}. " + client.Describe());
    }

    private static ServerPosition PositionOf(IReadOnlyList<string> lines, string code)
    {
        var found = lines.Select((text, line) => new ServerPosition(line, text.IndexOf(code, StringComparison.Ordinal))).Where(static position => position.Character >= 0).ToList();
        Assert.True(found.Count == 1, $"`{code}` should be on exactly one line of the edited text, is on {found.Count}.");
        return found[0];
    }

    /// <summary>References to assemblies by path in the consumer's project file, as to the Amazon.Lambda.Core stand-in.</summary>
    private static void AddReferences(string projectFile, params Assembly[] assemblies)
    {
        var project = XDocument.Load(projectFile);
        project.Root!.Add(new XElement(
            "ItemGroup",
            assemblies.Select(static assembly => new XElement(
                "Reference",
                new XAttribute("Include", assembly.GetName().Name!),
                new XElement("HintPath", assembly.Location)))));
        project.Save(projectFile);
    }

    /// <summary>A 0-based line and character, as the Language Server Protocol counts them.</summary>
    private readonly record struct ServerPosition(int Line, int Character) : IComparable<ServerPosition>
    {
        public int CompareTo(ServerPosition other) => (Line, Character).CompareTo((other.Line, other.Character));

        public override string ToString() => $"line {Line}, character {Character} (0-based)";
    }
}
