using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Handler strings read from deployment files, and the methods they make handlers.</summary>
public sealed class DeploymentFileTests
{
    [Fact]
    public void ToolsDefaults_GiveTheirFunctionHandler_UnlessTheyNameATemplate()
    {
        Assert.Equal(["Orders::Orders.Function::Handle"], Handlers("""
            {
              "profile": "",
              "function-runtime": "dotnet8",
              "function-handler": "Orders::Orders.Function::Handle"
            }
            """));
        Assert.Empty(Handlers("""{ "template": "serverless.template", "function-handler": "Orders::Orders.Function::Handle" }"""));
    }

    [Fact]
    public void JsonTemplate_AsTheBlueprintsWriteIt_TabsAndEscapedSlashes()
    {
        var handlers = Handlers(
            "{\n\t\"AWSTemplateFormatVersion\" : \"2010-09-09\",\n\t\"Transform\" : \"AWS::Serverless-2016-10-31\",\n\t\"Resources\" : {\n"
            + "\t\t\"Get\" : {\n\t\t\t\"Type\" : \"AWS::Serverless::Function\",\n\t\t\t\"Properties\": {\n"
            + "\t\t\t\t\"Handler\": \"Blog::Blog.Functions::Get\",\n\t\t\t\t\"CodeUri\": \"\",\n\t\t\t\t\"Events\": { \"Root\": { \"Type\": \"Api\", \"Properties\": { \"Path\": \"\\/\", \"Method\": \"GET\" } } }\n"
            + "\t\t\t}\n\t\t},\n\t\t\"Table\" : { \"Type\" : \"AWS::DynamoDB::Table\", \"Properties\": { \"TableName\": \"Blogs\" } }\n\t}\n}\n");

        Assert.Equal(["Blog::Blog.Functions::Get"], handlers);
    }

    [Fact]
    public void YamlTemplate_GivesEachFunctionsHandler_GlobalsAsTheDefault_IntrinsicsAndImagesNone()
    {
        var file = DeploymentFile.Read(SourceText.From("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Handler: Shop::Shop.Function::Default
                Timeout: 30
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Orders::Handle
              Defaults:
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: 1024
              Computed:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: !Sub "${AssemblyName}::Shop.Computed::Handle"
              Image:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  Handler: Shop::Shop.Image::Handle
              Bucket:
                Type: AWS::S3::Bucket
            """));

        Assert.Null(file.Problem);
        Assert.Equal(["Shop::Shop.Orders::Handle", "Shop::Shop.Function::Default"], file.Handlers.Select(h => h.Text));
        Assert.Equal((10, 16), (file.Handlers[0].Line, file.Handlers[0].Column));
    }

    [Fact]
    public void ServerlessFramework_GivesEachFunctionsHandler() =>
        Assert.Equal(["Api::Api.Handlers::List", "Api::Api.Handlers::Create"], Handlers("""
            service: api
            provider:
              name: aws
              runtime: dotnet8
            functions:
              list:
                handler: Api::Api.Handlers::List
              create:
                handler: Api::Api.Handlers::Create
            """));

    [Theory]
    [InlineData("Resources: [", "not well formed")]
    [InlineData("{ \"Resources\": { \"Fn\": { \"Type\": ", "not well formed")]
    public void MalformedOrTruncatedFile_NamesNoHandler_AndSaysWhy(string text, string problem)
    {
        var file = DeploymentFile.Read(SourceText.From(text));

        Assert.Empty(file.Handlers);
        Assert.Contains(problem, file.Problem);
    }

    [Fact]
    public void DeeplyNestedFile_IsNotRead()
    {
        var file = DeploymentFile.Read(SourceText.From(new string('[', 100) + new string(']', 100)));

        Assert.Empty(file.Handlers);
        Assert.Contains("nested deeper than 64", file.Problem);
    }

    [Fact]
    public void OversizedFile_IsNotRead()
    {
        var file = DeploymentFile.Read(SourceText.From("a: " + new string('x', DeploymentFileReader.MaximumLength)));

        Assert.Contains("larger than 2 MB", file.Problem);
    }

    [Theory]
    [InlineData("Orders::Orders.Function::Handle", "Orders", "Orders.Function", "Handle")]
    [InlineData(" Orders :: Orders.Outer+Inner :: Handle ", "Orders", "Orders.Outer+Inner", "Handle")]
    [InlineData("Orders::Orders.Function::System.String Handle(System.String, Amazon.Lambda.Core.ILambdaContext)", "Orders", "Orders.Function", "Handle")]
    public void HandlerString_SplitsIntoItsThreeParts(string text, string assembly, string type, string method)
    {
        var handler = HandlerString.TryParse(text, 1, 1)!;

        Assert.Equal((assembly, type, method), (handler.Assembly, handler.Type, handler.Method));
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("Orders::Orders.Function")]
    [InlineData("::Orders.Function::Handle")]
    [InlineData("Orders::Orders.Function:: ")]
    public void HandlerString_WithoutThreeNonEmptyParts_IsNone(string text) => Assert.Null(HandlerString.TryParse(text, 1, 1));

    [Fact]
    public async Task MethodNamedOnlyByATemplate_IsAHandler_AndRulesReportInIt_OtherAssembliesAndNamesAreNot()
    {
        const string source = """
            using Amazon.S3;

            namespace Orders;

            public class Function
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;

                public string Helper(string input) => new AmazonS3Client().ToString()! + input;

                public class Nested
                {
                    public string Run(string input) => new AmazonS3Client().ToString()! + input;
                }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/template.yaml", SourceText.From("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Function::Handle
              Nested:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Function+Nested::Run
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Orders.Function::Helper
            """));

        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()], new AnalyzerOptions([template]));

        Assert.Empty(result.Crashes);
        Assert.Equal([6, 12], result.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order());
        var withoutFile = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()]);
        Assert.Empty(withoutFile.Diagnostics);
    }

    [Fact]
    public async Task HandlerDeclaredByABaseClass_IsTheHandler_TheRuntimeResolves()
    {
        const string source = """
            using Amazon.S3;

            namespace Orders;

            public abstract class FunctionBase
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;
            }

            public class Function : FunctionBase
            {
                public string Other(string input) => new AmazonS3Client().ToString()! + input;
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/serverless.template", SourceText.From("""
            { "Resources": { "Fn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Orders::Orders.Function::Handle" } } } }
            """));

        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()], new AnalyzerOptions([template]));

        Assert.Empty(result.Crashes);
        Assert.Equal(6, Assert.Single(result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task HandlerStringsSharingAMethodName_EachMakeTheirOwnMethodAHandler_NotAnotherOfThatName()
    {
        const string source = """
            using Amazon.S3;

            namespace Orders;

            public class First
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;
            }

            public class Second
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;
            }

            public class NotDeployed
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/template.yaml", SourceText.From("""
            Resources:
              One:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.First::Handle
              Gone:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Removed::Handle
              Two:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Second::Handle
            """));
        var model = LambdaModel.TryGet(compilation, new AnalyzerOptions([template]))!;

        Assert.True(model.Handlers.IsNamedByHandlerString(Method(compilation, "First")));
        Assert.True(model.Handlers.IsNamedByHandlerString(Method(compilation, "Second")));
        Assert.False(model.Handlers.IsNamedByHandlerString(Method(compilation, "NotDeployed")));

        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()], new AnalyzerOptions([template]));
        Assert.Empty(result.Crashes);
        Assert.Equal([6, 11], result.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order());
    }

    private static IMethodSymbol Method(Compilation compilation, string typeName) =>
        (IMethodSymbol)compilation.GetTypeByMetadataName("Orders." + typeName)!.GetMembers("Handle").Single();

    private static IEnumerable<string> Handlers(string text) => DeploymentFile.Read(SourceText.From(text)).Handlers.Select(h => h.Text);
}
