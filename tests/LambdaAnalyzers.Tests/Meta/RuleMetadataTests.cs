using System.Composition;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LambdaAnalyzers.Tests.Meta;

public sealed partial class RuleMetadataTests
{
    [Fact]
    public void TheCatalogFindsAnalyzers() => Assert.NotEmpty(RuleCatalog.Rules);

    [Fact]
    public void EveryIdIsAConstantOfRuleIdentifiersAndBelongsToOneAnalyzer()
    {
        var constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(constants.Count, constants.Distinct().Count());

        var owners = RuleCatalog.Analyzers
            .SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Analyzer: a.GetType())))
            .Distinct()
            .GroupBy(p => p.Id);
        foreach (var owner in owners)
        {
            Assert.Matches(IdPattern(), owner.Key);
            Assert.Contains(owner.Key, constants);
            Assert.Single(owner);
        }

        Assert.Equal(constants.Order(), RuleCatalog.Rules.Select(r => r.Id).Order());
    }

    [Fact]
    public void DescriptorsSharingAnIdAgree()
    {
        foreach (var group in RuleCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id))
        {
            var first = group.First();
            foreach (var descriptor in group)
            {
                Assert.Equal(first.Title.ToString(), descriptor.Title.ToString());
                Assert.Equal(first.Category, descriptor.Category);
                Assert.Equal(first.DefaultSeverity, descriptor.DefaultSeverity);
                Assert.Equal(first.HelpLinkUri, descriptor.HelpLinkUri);
                Assert.Equal(first.IsEnabledByDefault, descriptor.IsEnabledByDefault);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.RuleIds), MemberType = typeof(RuleCatalog))]
    public void RuleIsEnabledByDefaultWithACategoryAndDescription(string id)
    {
        var rule = RuleCatalog.Rules.Single(r => r.Id == id);
        Assert.True(rule.IsEnabledByDefault);
        Assert.Contains(rule.Category, new[] { RuleCategories.Performance, RuleCategories.Reliability, RuleCategories.Security });
        Assert.Contains(rule.DefaultSeverity, new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info });
        Assert.False(string.IsNullOrWhiteSpace(rule.Description.ToString()));
        Assert.DoesNotContain(".", rule.Title.ToString());
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.RuleIds), MemberType = typeof(RuleCatalog))]
    public void HelpLinkLeadsToADocsPageTitledWithTheRule(string id)
    {
        var rule = RuleCatalog.Rules.Single(r => r.Id == id);
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), rule.HelpLinkUri);
        Assert.EndsWith("/docs/rules/" + id + ".md", rule.HelpLinkUri, StringComparison.Ordinal);

        var page = Repository.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        Assert.Equal($"# {id}: {rule.Title}", File.ReadLines(page).First());
    }

    [Fact]
    public void EveryDocsPageBelongsToARule()
    {
        var pages = Directory.GetFiles(Repository.PathOf("docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Id).Order(), pages.Order());
    }

    [Fact]
    public void ReadmeRulesTableMatchesTheDescriptors()
    {
        var rows = File.ReadLines(Repository.PathOf("README.md"))
            .Select(line => ReadmeRow().Match(line))
            .Where(m => m.Success)
            .Select(m => (Id: m.Groups["id"].Value, Title: m.Groups["title"].Value.Trim(), Category: m.Groups["category"].Value.Trim(),
                Severity: m.Groups["severity"].Value.Trim(), Fix: m.Groups["fix"].Value.Trim()))
            .ToList();

        var expected = RuleCatalog.Rules.Select(r => (r.Id, r.Title.ToString(), r.Category, r.DefaultSeverity.ToString(),
            RuleCatalog.FixableIds.Contains(r.Id) ? "Yes" : "No")).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void PackageReadmeRulesTableMatchesTheDescriptors_WithAbsoluteHelpLinks()
    {
        var readme = File.ReadAllLines(Repository.PathOf("src", "LambdaAnalyzers.Package", "README.md"));
        var rows = readme
            .Select(line => PackageReadmeRow().Match(line))
            .Where(m => m.Success)
            .Select(m => (Id: m.Groups["id"].Value, Link: m.Groups["link"].Value, Title: m.Groups["title"].Value.Trim(), Category: m.Groups["category"].Value.Trim(),
                Severity: m.Groups["severity"].Value.Trim(), Fix: m.Groups["fix"].Value.Trim()))
            .ToList();

        var expected = RuleCatalog.Rules.Select(r => (r.Id, RuleIdentifiers.GetHelpUri(r.Id), r.Title.ToString(), r.Category, r.DefaultSeverity.ToString(),
            RuleCatalog.FixableIds.Contains(r.Id) ? "Yes" : "No")).ToList();
        Assert.Equal(expected, rows);

        // nuget.org shows the README without the repository around it: every link must be absolute.
        var links = readme.SelectMany(line => MarkdownLink().Matches(line)).Select(m => m.Groups["target"].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
    }

    [Fact]
    public void HelpLinksStartWithTheRepositoryUrlTheBuildDeclares()
    {
        var declared = Regex.Match(
            File.ReadAllText(Repository.PathOf("src", "Directory.Build.props")),
            "<LambdaAnalyzersRepositoryUrl>(?<url>[^<]+)</LambdaAnalyzersRepositoryUrl>").Groups["url"].Value;

        Assert.StartsWith("https://", declared, StringComparison.Ordinal);
        Assert.Equal(declared, RuleIdentifiers.RepositoryUrl);
        Assert.All(RuleCatalog.Rules, rule => Assert.StartsWith(declared + "/", rule.HelpLinkUri, StringComparison.Ordinal));
    }

    [Fact]
    public void ReleaseTrackingListsEveryRuleWithItsCategoryAndSeverity()
    {
        var tracked = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadLines(Repository.PathOf("src", "LambdaAnalyzers", f)))
            .Select(line => line.Split('|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && IdPattern().IsMatch(cells[0]))
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]));

        foreach (var rule in RuleCatalog.Rules)
        {
            Assert.True(tracked.TryGetValue(rule.Id, out var row), rule.Id + " is not tracked");
            Assert.Equal((rule.Category, rule.DefaultSeverity.ToString()), row);
        }

        // And the other way: a tracked row names a rule that exists.
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Id).Distinct().OrderBy(id => id), tracked.Keys.OrderBy(id => id));
    }

    [Fact]
    public void EveryFixerIsExportedSealedNotMefSharedAndFixesKnownRules()
    {
        var ids = RuleCatalog.Rules.Select(r => r.Id).ToHashSet();
        foreach (var type in RuleCatalog.FixerTypes)
        {
            Assert.True(type.IsSealed, type.Name + " is not sealed");
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            // Hosts create an analyzer package's fixers by reflection; [Shared] would only make the assembly reference a
            // System.Composition newer than Roslyn 4.8's hosts ship.
            Assert.Null(type.GetCustomAttribute<SharedAttribute>());

            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }

    [Fact]
    public void EveryAnalyzerIsSealedAndDeclaredForCSharp()
    {
        foreach (var type in RuleCatalog.AnalyzerTypes)
        {
            Assert.True(type.IsSealed, type.Name + " is not sealed");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
        }
    }

    [GeneratedRegex(@"^LMB\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\|\s*\[(?<id>LMB\d{4})\]\(docs/rules/\k<id>\.md\)\s*\|(?<title>[^|]+)\|(?<category>[^|]+)\|(?<severity>[^|]+)\|(?<fix>[^|]+)\|\s*$")]
    private static partial Regex ReadmeRow();

    [GeneratedRegex(@"^\|\s*\[(?<id>LMB\d{4})\]\((?<link>[^)]+)\)\s*\|(?<title>[^|]+)\|(?<category>[^|]+)\|(?<severity>[^|]+)\|(?<fix>[^|]+)\|\s*$")]
    private static partial Regex PackageReadmeRow();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
