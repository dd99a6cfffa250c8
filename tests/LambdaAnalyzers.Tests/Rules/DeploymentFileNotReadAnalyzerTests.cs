using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.DeploymentFileNotReadAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0017 reports on the first line of a deployment file, which markup cannot reach: the expected diagnostics give the
/// file's path and the span of its first line explicitly (line and column, 1-based).
/// </summary>
public sealed class DeploymentFileNotReadAnalyzerTests
{
    private const string Code = """
        using Amazon.Lambda.Core;

        namespace Orders
        {
            public class Function
            {
                public string Handle(string input, ILambdaContext context) => input;
            }
        }
        """;

    private const string TruncatedYaml = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: "TestProject::Orders.Function::Handle
        """;

    private const string TruncatedJson = """
        {
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Orders.Function::Handle"
        """;

    private static Task VerifyAsync(string path, string text, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((path, text));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult OnFirstLine(DiagnosticDescriptor descriptor, string path, int length, params object[] arguments) =>
        Verify.Diagnostic(descriptor).WithSpan(path, 1, 1, 1, 1 + length).WithArguments(arguments);

    [Fact]
    public Task TruncatedYaml_IsReportedOnTheFirstLine_WithTheLineAndTheParsersReason() => VerifyAsync(
        "/0/template.yaml",
        TruncatedYaml,
        OnFirstLine(
            DeploymentFileNotReadAnalyzer.NotWellFormedBecause, "/0/template.yaml", "Resources:".Length,
            "template.yaml", "5", "while scanning a quoted scalar, found unexpected end of stream"));

    [Fact]
    public Task TruncatedJsonTemplate_IsReported() => VerifyAsync(
        "/0/serverless.template",
        TruncatedJson,
        OnFirstLine(
            DeploymentFileNotReadAnalyzer.NotWellFormedBecause, "/0/serverless.template", 1,
            "serverless.template", "6", "while parsing a flow mapping, did not find expected ',' or '}'"));

    [Fact]
    public Task TruncatedToolsDefaults_AreReported() => VerifyAsync(
        "/0/aws-lambda-tools-defaults.json",
        "{\n  \"function-runtime\": \"dotnet8\",\n  \"function-handler\": \"TestProject::Orders.Function::Handle",
        OnFirstLine(
            DeploymentFileNotReadAnalyzer.NotWellFormedBecause, "/0/aws-lambda-tools-defaults.json", 1,
            "aws-lambda-tools-defaults.json", "3", "while scanning a quoted scalar, found unexpected end of stream"));

    [Fact]
    public Task ParserFailureWithoutAPlainReason_GivesTheLineAlone() => VerifyAsync(
        "/0/serverless.yml",
        "service: orders\n{---\nfunctions: \t2\n",
        OnFirstLine(DeploymentFileNotReadAnalyzer.NotWellFormed, "/0/serverless.yml", "service: orders".Length, "serverless.yml", "3"));

    [Fact]
    public Task BinaryFile_IsReported_AtItsFirstControlCharacter() => VerifyAsync(
        "/0/template.yml",
        "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR",
        OnFirstLine(
            DeploymentFileNotReadAnalyzer.NotWellFormedBecause, "/0/template.yml", 4,
            "template.yml", "2", "found the control character U+001A, which YAML and JSON do not allow"));

    [Fact]
    public Task FileLargerThan2MB_IsReported() => VerifyAsync(
        "/0/serverless.yaml",
        "service: orders\n# " + new string('x', DeploymentFileReader.MaximumLength),
        OnFirstLine(DeploymentFileNotReadAnalyzer.TooLarge, "/0/serverless.yaml", "service: orders".Length, "serverless.yaml"));

    [Fact]
    public Task NestingDeeperThan64Levels_IsReported_AtTheLineOfThe65thLevel() => VerifyAsync(
        "/0/template.yaml",
        string.Concat(Enumerable.Range(1, 65).Select(i => new string(' ', 2 * (i - 1)) + "level" + i + ":\n")),
        OnFirstLine(DeploymentFileNotReadAnalyzer.TooDeep, "/0/template.yaml", "level1:".Length, "template.yaml", "65"));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# functions come later\n")]
    public Task EmptyFile_IsNotReported(string text) => VerifyAsync("/0/template.yaml", text);

    [Fact]
    public Task TabIndentedJsonTemplate_IsReadAndNotReported() => VerifyAsync(
        "/0/serverless.template",
        "{\n\t\"AWSTemplateFormatVersion\" : \"2010-09-09\",\n\t\"Transform\" : \"AWS::Serverless-2016-10-31\",\n\t\"Resources\" : {\n"
            + "\t\t\"Get\" : {\n\t\t\t\"Type\" : \"AWS::Serverless::Function\",\n\t\t\t\"Properties\": {\n"
            + "\t\t\t\t\"Handler\": \"TestProject::Orders.Function::Handle\",\n\t\t\t\t\"Events\": { \"Root\": { \"Type\": \"Api\", \"Properties\": { \"Path\": \"\\/\", \"Method\": \"GET\" } } }\n"
            + "\t\t\t}\n\t\t}\n\t}\n}\n");

    [Fact]
    public Task ReadableYaml_WithShortFormTagsAnchorsAndASecondDocument_IsNotReported() => VerifyAsync("/0/template.yaml", """
        Globals:
          Function: &defaults
            Timeout: 30
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              <<: *defaults
              Handler: !Sub "${AssemblyName}::Orders.Function::Handle"
              Role: !GetAtt Role.Arn
              Environment:
                Variables:
                  TABLE: !If [IsProd, !Ref Table, !Ref AWS::NoValue]
        ---
        second: document
        """);

    [Fact]
    public async Task UnreadableFileOfAnotherName_IsNotADeploymentFile()
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/notes.yaml", TruncatedYaml));
        test.TestState.AdditionalFiles.Add(("/0/template.json", TruncatedJson));
        test.TestState.AdditionalFiles.Add(("/0/serverless.template.bak", TruncatedJson));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAmazonLambdaCore_NothingIsReported()
    {
        var test = new Verify.Test { TestCode = "namespace Orders { public class Function { public string Handle(string input) => input; } }", WithoutLambda = true };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", TruncatedYaml));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnreadableFiles_NoAnalyzerThrows_AndOnlyThisRuleReportsInThem()
    {
        var compilation = await AnalyzerRunner.CompileAsync([("/src/Function.cs", Code)], FunctionProject.References, assemblyName: "TestProject");
        var files = new (string Path, string Text)[]
        {
            ("/a/template.yaml", TruncatedYaml),
            ("/b/serverless.template", TruncatedJson),
            ("/c/serverless.yml", "service: orders\n{---\nfunctions: \t2\n"),
            ("/d/template.yml", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR"),
            ("/e/template.yaml", new string('[', 200)),
            ("/f/aws-lambda-tools-defaults.json", ""),
        };
        var options = new AnalyzerOptions([.. files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text)))]);

        var result = await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers, options);

        Assert.Empty(result.Crashes);
        Assert.Equal(
            [
                "/a/template.yaml: 'template.yaml' is not read: it is not well formed at line 5 (while scanning a quoted scalar, found unexpected end of stream); the handlers it names are not analyzed",
                "/b/serverless.template: 'serverless.template' is not read: it is not well formed at line 6 (while parsing a flow mapping, did not find expected ',' or '}'); the handlers it names are not analyzed",
                "/c/serverless.yml: 'serverless.yml' is not read: it is not well formed at line 3; the handlers it names are not analyzed",
                "/d/template.yml: 'template.yml' is not read: it is not well formed at line 2 (found the control character U+001A, which YAML and JSON do not allow); the handlers it names are not analyzed",
                "/e/template.yaml: 'template.yaml' is not read: it is nested deeper than 64 levels at line 1; the handlers it names are not analyzed",
            ],
            result.Diagnostics
                .Where(d => d.Location.Kind == LocationKind.ExternalFile)
                .Select(d => $"{d.Location.GetLineSpan().Path}: {d.GetMessage()}")
                .Order(StringComparer.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile), d => Assert.Equal(RuleIdentifiers.DeploymentFileNotRead, d.Id));
    }
}
