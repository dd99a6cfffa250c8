namespace LambdaAnalyzers.PackageTests;

/// <summary>A deployment file one folder above the project, read by the analyzers through YamlDotNet in the compiler.</summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_template_above_the_project_names_a_handler_that_gets_LMB0001_and_a_wrong_handler_string_fails_with_LMB0011_unless_discovery_is_off()
    {
        var consumer = CreateConsumer(Path.Combine("template-consumer", "Fn"));
        WriteTemplate("FunctionNamedByTemplate.cs.template", Path.Combine(consumer, "Function.cs"), new Dictionary<string, string>());
        File.WriteAllText(Path.Combine(consumer, "..", "template.yaml"), """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Consumer::Consumer.Function::Handle
                  Runtime: dotnet8
              Renamed:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Consumer::Consumer.Function::HandleAsync
            """);

        var named = await BuildConsumerAsync(consumer);
        Assert.True(named.Result.ExitCode != 0, "The template makes Handle a handler: its HttpClient is LMB0001. " + named.Describe());
        Assert.True(named.ErrorCodes.SetEquals(["LMB0001", "LMB0011"]), $"Expected LMB0001 and LMB0011, got [{string.Join(", ", named.ErrorCodes)}]. " + named.Describe());
        var wrong = Assert.Single(named.Sarif, static result => result.RuleId == "LMB0011");
        Assert.True(
            wrong.FilePath is not null && Path.GetFileName(wrong.FilePath) == "template.yaml" && wrong.Line == 11 && wrong.Column == 16,
            $"LMB0011 should be on the wrong handler string, template.yaml(11,16); was {wrong}. " + named.Describe());
        AssertNoAnalyzerFailure(named);

        var off = await BuildConsumerAsync(consumer, "-p:LambdaAnalyzersDeploymentFiles=none");
        Assert.True(off.Result.ExitCode == 0, "Without the template nothing names Handle a handler. " + off.Describe());
        AssertNoAnalyzerFailure(off);
    }
}
