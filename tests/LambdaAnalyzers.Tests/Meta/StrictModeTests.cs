using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LambdaAnalyzers.Tests.Meta;

/// <summary>Strict mode's global config raises exactly the rules that are Info by default, and stays below the user's.</summary>
public sealed partial class StrictModeTests
{
    private static readonly string ConfigPath = Repository.PathOf("src", "LambdaAnalyzers.Package", "buildTransitive", "LambdaAnalyzers.strict.globalconfig");

    [Fact]
    public void StrictConfig_RaisesEveryInfoRule_ToWarning_AndNothingElse()
    {
        var raised = File.ReadLines(ConfigPath)
            .Select(line => SeverityLine().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["id"].Value, match => match.Groups["severity"].Value);
        var infoRules = RuleCatalog.Rules
            .Where(rule => rule.DefaultSeverity == DiagnosticSeverity.Info)
            .Select(rule => rule.Id)
            .Distinct()
            .Order();

        Assert.Equal(infoRules, raised.Keys.Order());
        Assert.All(raised.Values, severity => Assert.Equal("warning", severity));
    }

    [Fact]
    public void StrictConfig_IsGlobal_BelowEveryOtherGlobalConfig()
    {
        var lines = File.ReadLines(ConfigPath).Select(line => line.Trim()).ToList();

        Assert.Contains("is_global = true", lines);
        Assert.Contains("global_level = -100", lines);
    }

    [GeneratedRegex(@"^dotnet_diagnostic\.(?<id>LMB\d{4})\.severity\s*=\s*(?<severity>\w+)\s*$")]
    private static partial Regex SeverityLine();
}
