namespace LambdaAnalyzers.PackageTests;

/// <summary>A deployment file one folder above the project, read by the analyzers through YamlDotNet in the compiler.</summary>
public sealed partial class PackageEndToEndTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_handler_named_only_by_a_template_above_the_project_gets_LMB0001_unless_discovery_is_off()
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
            """);

        var named = await BuildConsumerAsync(consumer);
        Assert.True(named.Result.ExitCode != 0, "The template makes Handle a handler: its HttpClient is LMB0001. " + named.Describe());
        Assert.True(named.ErrorCodes.SetEquals(["LMB0001"]), $"Expected only LMB0001, got [{string.Join(", ", named.ErrorCodes)}]. " + named.Describe());
        AssertNoAnalyzerFailure(named);

        var off = await BuildConsumerAsync(consumer, "-p:LambdaAnalyzersDeploymentFiles=none");
        Assert.True(off.Result.ExitCode == 0, "Without the template nothing names Handle a handler. " + off.Describe());
        AssertNoAnalyzerFailure(off);
    }
}
