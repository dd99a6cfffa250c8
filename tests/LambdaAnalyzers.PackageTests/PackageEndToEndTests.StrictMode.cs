namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// <c>&lt;LambdaAnalyzersMode&gt;strict&lt;/LambdaAnalyzersMode&gt;</c>: the package's global config raises the Info
/// rules to warnings, below any configuration of the user's own.
/// </summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Strict_mode_makes_an_Info_rule_fail_a_warnaserror_build_and_a_users_global_config_still_wins()
    {
        var consumer = CreateConsumer("strict-consumer");
        WriteTemplate("FunctionBlocking.cs.template", Path.Combine(consumer, "Function.cs"), new Dictionary<string, string>());

        // 1. By default LMB0004 is a note in the log: the build passes.
        var plain = await BuildConsumerAsync(consumer);
        Assert.True(plain.Result.ExitCode == 0, "Without strict mode the Info rule must not fail the build. " + plain.Describe());
        Assert.Contains(plain.Sarif, static result => result.RuleId == "LMB0004" && result.Level == "note");
        AssertNoAnalyzerFailure(plain);

        // 2. Strict: a warning, an error under -warnaserror, and the only one.
        var strict = await BuildConsumerAsync(consumer, "-p:LambdaAnalyzersMode=strict");
        Assert.True(strict.Result.ExitCode != 0, "Strict mode must make LMB0004 fail a -warnaserror build. " + strict.Describe());
        Assert.True(strict.ErrorCodes.SetEquals(["LMB0004"]), $"Expected only LMB0004 as an error, got [{string.Join(", ", strict.ErrorCodes)}]. " + strict.Describe());
        AssertNoAnalyzerFailure(strict);

        // 3. Strict, and a global config of the user's turns LMB0004 off: it stays off, with no conflict between the two
        //    global configs (the conflict warning would fail this -warnaserror build). A global config not named
        //    .globalconfig has global_level 0 by default, so only the strict config's -100 keeps the two apart.
        File.WriteAllText(Path.Combine(consumer, "team.globalconfig"), "is_global = true\ndotnet_diagnostic.LMB0004.severity = none\n");
        var project = Path.Combine(consumer, "Consumer.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", "  <ItemGroup><GlobalAnalyzerConfigFiles Include=\"team.globalconfig\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
        var overridden = await BuildConsumerAsync(consumer, "-p:LambdaAnalyzersMode=strict");
        Assert.True(overridden.Result.ExitCode == 0, "The user's global config must win over strict mode without a conflict. " + overridden.Describe());
        Assert.DoesNotContain(overridden.Sarif, static result => result.RuleId == "LMB0004");
        Assert.DoesNotContain(overridden.Sarif, static result => result.IsWarningOrError);
    }
}
