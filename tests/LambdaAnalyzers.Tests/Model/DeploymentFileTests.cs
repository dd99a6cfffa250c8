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
    public void ToolsDefaults_GiveTheirFunctionHandler_AlsoWhenTheyNameATemplate()
    {
        Assert.Equal(["Orders::Orders.Function::Handle"], Handlers("""
            {
              "profile": "",
              "function-runtime": "dotnet8",
              "function-handler": "Orders::Orders.Function::Handle"
            }
            """));

        // `dotnet lambda deploy-function` deploys it; the template's function wins only where it declares the same handler.
        var namingATemplate = DeploymentFile.Read(SourceText.From("""{ "template": "serverless.template", "function-handler": "Orders::Orders.Function::Handle" }"""));
        Assert.Equal(["Orders::Orders.Function::Handle"], namingATemplate.Handlers.Select(h => h.Text));
        Assert.True(namingATemplate.NamesTemplate);
        Assert.False(DeploymentFile.Read(SourceText.From("""{ "template": "serverless.template" }""")).NamesTemplate);
    }

    [Fact]
    public void ToolsDefaults_AsTheBlueprintsWriteThem_WithTheirInformationArray()
    {
        var file = DeploymentFile.Read(SourceText.From("""
            {
              "Information": [
                "This file provides default values for the deployment wizard inside Visual Studio and the AWS Lambda commands added to the .NET Core CLI.",
                "To learn more about the Lambda commands with the .NET Core CLI execute the following command at the command line in the project root directory.",
                "dotnet lambda help",
                "All the command line options for the Lambda command can be specified in this file."
              ],
              "profile": "",
              "region": "",
              "configuration": "Release",
              "function-architecture": "x86_64",
              "function-runtime": "dotnet8",
              "function-memory-size": 512,
              "function-timeout": 30,
              "function-handler": "Orders::Orders.Function::FunctionHandler"
            }
            """));

        Assert.Null(file.Problem);
        Assert.Equal([("Orders::Orders.Function::FunctionHandler", "dotnet8")], file.Handlers.Select(h => (h.Text, h.Runtime)));
        Assert.Equal([(int?)30, (int?)512], file.Limits.SelectMany(l => new[] { l.TimeoutSeconds, l.MemoryMegabytes }));
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
    public void YamlTemplate_GivesEachFunctionsHandler_GlobalsAsTheDefault_IntrinsicsNone_ImagesTheirCommand()
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
              ImageWithCommand:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ImageConfig:
                    Command: ["Shop::Shop.Image::Handle"]
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: dotnet8
              Bucket:
                Type: AWS::S3::Bucket
            """));

        // An image's handler is its ImageConfig.Command (its own Handler property is not used, nor the Globals'); the
        // Globals apply to SAM's resource type only, so the plain AWS::Lambda::Function has no handler.
        Assert.Null(file.Problem);
        Assert.Equal(["Shop::Shop.Orders::Handle", "Shop::Shop.Function::Default", "Shop::Shop.Image::Handle"], file.Handlers.Select(h => h.Text));
        Assert.Equal((10, 16), (file.Handlers[0].Line, file.Handlers[0].Column));
        Assert.Equal((29, 19), (file.Handlers[2].Line, file.Handlers[2].Column));
        Assert.Null(file.Handlers[2].Runtime);
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
    [InlineData(
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: \"Orders::Orders",
        5,
        "while scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("Resources: [ { Type: ", 1, "while parsing a node, did not find expected node content")]
    [InlineData("Resources:\n  Fn:\n    Type: x\n   Bad: y\n", 4, "while parsing a block mapping, did not find expected key")]
    [InlineData("a: 'b\n", 1, "while scanning a quoted scalar, found unexpected end of stream")]
    public void TruncatedOrMalformedYaml_NamesNoHandler_AndSaysWhereAndWhy(string text, int line, string reason)
    {
        var file = DeploymentFile.Read(SourceText.From(text));

        Assert.Empty(file.Handlers);
        Assert.Equal((DeploymentFileProblemKind.NotWellFormed, line, reason), (file.Problem!.Kind, file.Problem.Line, file.Problem.Reason));
    }

    [Fact]
    public void TruncatedJson_IsNotWellFormedAtItsEnd_WithTheParsersReason()
    {
        var file = DeploymentFile.Read(SourceText.From(
            "{\n  \"Resources\": {\n    \"Fn\": {\n      \"Type\": \"AWS::Serverless::Function\",\n      \"Properties\": {\n"
            + "        \"Handler\": \"Orders::Orders.Function::Handle\"\n"));

        Assert.Empty(file.Handlers);
        Assert.Equal(
            (DeploymentFileProblemKind.NotWellFormed, 7, "while parsing a flow mapping, did not find expected ',' or '}'"),
            (file.Problem!.Kind, file.Problem.Line, file.Problem.Reason));
    }

    [Fact]
    public void JsonCutAtEveryCharacter_IsNeverRead_AndNeverThrows()
    {
        const string json = "{\n\t\"Resources\" : {\n\t\t\"Fn\" : {\n\t\t\t\"Type\" : \"AWS::Serverless::Function\",\n"
            + "\t\t\t\"Properties\" : { \"Handler\" : \"Orders::Orders.Function::Handle\", \"Events\" : [ { \"Path\" : \"\\/\" } ] }\n\t\t}\n\t}\n}";
        Assert.Null(DeploymentFile.Read(SourceText.From(json)).Problem);

        // Every cut leaves a flow mapping open: none is a well-formed file.
        for (var length = 1; length < json.Length; length++)
        {
            var file = DeploymentFile.Read(SourceText.From(json.Substring(0, length)));

            Assert.True(file.Problem is { Kind: DeploymentFileProblemKind.NotWellFormed }, $"cut at {length}");
            Assert.InRange(file.Problem!.Line, 1, json.Substring(0, length).Count(c => c == '\n') + 1);
            Assert.Empty(file.Handlers);
        }
    }

    [Fact]
    public void YamlCutAtEveryCharacter_NeverThrows_AndAProblemNamesALineOfTheCut()
    {
        const string yaml = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 30
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "Orders::Orders.Function::Handle"
                  Events:
                    Api: { Type: Api, Properties: { Path: /orders, Method: get } }
                  Policies:
                    - S3ReadPolicy:
                        BucketName: !Ref Bucket
            """;
        for (var length = 0; length <= yaml.Length; length++)
        {
            var cut = yaml.Substring(0, length);
            var file = DeploymentFile.Read(SourceText.From(cut));

            if (file.Problem is { } problem)
            {
                Assert.InRange(problem.Line, 1, cut.Count(c => c == '\n') + 1);
                Assert.Empty(file.Handlers);
            }
        }
    }

    [Fact]
    public void ScannerFailureThatIsNotAYamlException_IsNotWellFormed_AtWhereTheScannerStopped()
    {
        // YamlDotNet throws InvalidOperationException from ScanPlainScalar here, not a YamlException.
        var file = DeploymentFile.Read(SourceText.From("a: 1\n{---\nb: \t2\n"));

        Assert.Equal((DeploymentFileProblemKind.NotWellFormed, 3, null), (file.Problem!.Kind, file.Problem.Line, file.Problem.Reason));
    }

    [Fact]
    public void ParserMessageWithADigit_IsLeftOut_TheLineStays()
    {
        // "While scanning a block scalar, found an indentation indicator equal to 0.": digits may be positions or the
        // file's own text, so no message with one is shown.
        var file = DeploymentFile.Read(SourceText.From("Resources:\n  Fn: |0\n    x\n"));

        Assert.Equal((DeploymentFileProblemKind.NotWellFormed, 2, null), (file.Problem!.Kind, file.Problem.Line, file.Problem.Reason));
    }

    [Fact]
    public void TabIndentedJsonTemplate_IsRead()
    {
        var file = DeploymentFile.Read(SourceText.From(
            "{\r\n\t\"Resources\" :\t{\r\n\t\t\"Fn\" : {\r\n\t\t\t\"Type\" : \"AWS::Lambda::Function\",\r\n"
            + "\t\t\t\"Properties\" : {\r\n\t\t\t\t\"Handler\" : \"Orders::Orders.Function::Handle\"\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n"));

        Assert.Null(file.Problem);
        Assert.Equal(["Orders::Orders.Function::Handle"], file.Handlers.Select(h => h.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("# no functions yet\n")]
    [InlineData("---\n...\n")]
    public void EmptyFile_IsRead_AndNamesNoFunction(string text)
    {
        var file = DeploymentFile.Read(SourceText.From(text));

        Assert.Null(file.Problem);
        Assert.Empty(file.Handlers);
        Assert.Empty(file.MalformedHandlers);
    }

    [Fact]
    public void BinaryFile_IsNotWellFormed_AtItsFirstControlCharacter()
    {
        // A file is read as the compiler reads it: bytes decoded (UTF-8, or the fallback code page when they are not UTF-8).
        var random = new Random(17);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n', 0, 0, 0, 13];
        png.CopyTo(bytes, 0);

        var file = DeploymentFile.Read(SourceText.From(bytes, bytes.Length));

        Assert.Empty(file.Handlers);
        Assert.Equal(
            (DeploymentFileProblemKind.NotWellFormed, 2, "found the control character U+001A, which YAML and JSON do not allow"),
            (file.Problem!.Kind, file.Problem.Line, file.Problem.Reason));
    }

    [Fact]
    public void ControlCharacterInAnOtherwiseReadableTemplate_IsNotWellFormed()
    {
        var file = DeploymentFile.Read(SourceText.From("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Orders::Orders.Function::Handle\0\n"));

        Assert.Empty(file.Handlers);
        Assert.Equal((5, "found the control character U+0000, which YAML and JSON do not allow"), (file.Problem!.Line, file.Problem.Reason));
    }

    [Fact]
    public void NestingOf64Levels_IsRead_65IsNot_AtTheLineOfThe65th()
    {
        var deepest = DeploymentFile.Read(SourceText.From(Nested(64)));
        var tooDeep = DeploymentFile.Read(SourceText.From(Nested(65)));

        Assert.Null(deepest.Problem);
        Assert.Equal((DeploymentFileProblemKind.TooDeep, 65), (tooDeep.Problem!.Kind, tooDeep.Problem.Line));
        Assert.Empty(tooDeep.Handlers);

        // One mapping per line, each a level deeper: "l1:\n  l2:\n    l3: ...", the last holding a scalar.
        static string Nested(int levels) =>
            string.Concat(Enumerable.Range(1, levels).Select(i => new string(' ', 2 * (i - 1)) + "l" + i + ":" + (i == levels ? " end" : "") + "\n"));
    }

    [Fact]
    public void DeeplyNestedFlowSequences_AreNotRead()
    {
        var file = DeploymentFile.Read(SourceText.From(new string('[', 100) + new string(']', 100)));

        Assert.Empty(file.Handlers);
        Assert.Equal((DeploymentFileProblemKind.TooDeep, 1), (file.Problem!.Kind, file.Problem.Line));
    }

    [Fact]
    public void FileOf2MB_IsRead_OneCharacterMoreIsNot()
    {
        const string head = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Orders::Orders.Function::Handle\n# ";
        var largest = head + new string('x', DeploymentFileReader.MaximumLength - head.Length);

        var read = DeploymentFile.Read(SourceText.From(largest));
        var tooLarge = DeploymentFile.Read(SourceText.From(largest + "x"));

        Assert.Null(read.Problem);
        Assert.Equal(["Orders::Orders.Function::Handle"], read.Handlers.Select(h => h.Text));
        Assert.Equal((DeploymentFileProblemKind.TooLarge, 1), (tooLarge.Problem!.Kind, tooLarge.Problem.Line));
        Assert.Empty(tooLarge.Handlers);
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
    public async Task OverloadNamedBySignature_IsTheHandler_ItsOtherOverloadsAreNot()
    {
        const string source = """
            using Amazon.S3;

            namespace Orders;

            public class Function
            {
                public string Handle(string input) => new AmazonS3Client().ToString()! + input;

                public string Handle(string input, int attempt) => new AmazonS3Client().ToString()! + input + attempt;
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/template.yaml", SourceText.From("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "Orders::Orders.Function::System.String Handle(System.String, Int32)"
            """));

        var result = await AnalyzerRunner.RunAsync(compilation, [new ClientCreatedPerInvocationAnalyzer()], new AnalyzerOptions([template]));

        Assert.Empty(result.Crashes);
        Assert.Equal(8, Assert.Single(result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line);
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

    [Fact]
    public void ToolsDefaults_GiveTheirFunctionRuntime()
    {
        Assert.Equal(["dotnet8"], Runtimes("""{ "function-runtime": "dotnet8", "function-handler": "Orders::Orders.Function::Handle" }"""));
        Assert.Equal([null], Runtimes("""{ "function-handler": "Orders::Orders.Function::Handle" }"""));
    }

    [Fact]
    public void JsonTemplate_GivesEachFunctionsRuntime_GlobalsAsTheDefault_IntrinsicsUnknown() =>
        Assert.Equal(["dotnet6", "provided.al2023", null], Runtimes("""
            {
              "Globals": { "Function": { "Runtime": "provided.al2023" } },
              "Resources": {
                "Own": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Shop::Shop.Own::Handle", "Runtime": "dotnet6" } },
                "Default": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Shop::Shop.Default::Handle" } },
                "Computed": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "Shop::Shop.Computed::Handle", "Runtime": { "Ref": "Runtime" } } }
              }
            }
            """));

    [Fact]
    public void YamlTemplate_GivesEachFunctionsRuntime_GlobalsAsTheDefault_IntrinsicsUnknown()
    {
        Assert.Equal(["dotnet8", "dotnet6", null, null], Runtimes("""
            Globals:
              Function:
                Runtime: dotnet6
            Resources:
              Own:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Own::Handle
                  Runtime: dotnet8
              Default:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Default::Handle
              Tagged:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Tagged::Handle
                  Runtime: !Ref Runtime
              Long:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Long::Handle
                  Runtime:
                    Fn::If: [UseNew, dotnet8, dotnet6]
            """));
        Assert.Equal([null], Runtimes("""
            Globals:
              Function:
                Runtime: !FindInMap [Runtimes, Default, Value]
            Resources:
              Default:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Default::Handle
            """));
    }

    [Fact]
    public void ServerlessFramework_GivesEachFunctionsRuntime_ProviderAsTheDefault_VariablesUnknown() =>
        Assert.Equal(["dotnet6", "dotnet8", null], Runtimes("""
            service: api
            provider:
              name: aws
              runtime: dotnet8
            functions:
              own:
                handler: Api::Api.Handlers::Own
                runtime: dotnet6
              default:
                handler: Api::Api.Handlers::Default
              variable:
                handler: Api::Api.Handlers::Variable
                runtime: ${self:custom.runtime}
            """));

    [Fact]
    public void MalformedHandler_CarriesItsFunctionsRuntime() =>
        Assert.Equal("dotnet6", Assert.Single(DeploymentFile.Read(SourceText.From("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Handle
                  Runtime: dotnet6
            """)).MalformedHandlers).Runtime);

    [Fact]
    public async Task FunctionOfAnotherRuntime_StillMakesItsMethodAHandler_ButGivesNoTypesToThisBuild()
    {
        const string source = """
            namespace Orders;

            public class Current
            {
                public string Handle(string input) => input;
            }

            public class Legacy
            {
                public string Handle(string input) => input;
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, assemblyName: "Orders");
        var template = new InMemoryAdditionalText("/repo/template.yaml", SourceText.From("""
            Resources:
              Current:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Current::Handle
                  Runtime: dotnet8
              Legacy:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Legacy::Handle
                  Runtime: dotnet6
            """));
        var net8 = new InMemoryConfigOptions(new Dictionary<string, string> { ["build_property.TargetFramework"] = "net8.0" });
        var model = LambdaModel.TryGet(compilation, new AnalyzerOptions([template], net8))!;
        var unguarded = LambdaModel.TryGet(compilation, new AnalyzerOptions([template]))!;

        Assert.Equal("net8.0", model.Build.TargetFramework);
        Assert.True(model.Handlers.IsNamedByHandlerString(Method(compilation, "Legacy")));
        Assert.Empty(model.Handlers.GetHandlerStringTypes(Method(compilation, "Legacy")));
        Assert.Equal(["Current"], model.Handlers.GetHandlerStringTypes(Method(compilation, "Current")).Select(t => t.Name));
        Assert.Equal(["Legacy"], unguarded.Handlers.GetHandlerStringTypes(Method(compilation, "Legacy")).Select(t => t.Name));
    }

    private static IMethodSymbol Method(Compilation compilation, string typeName) =>
        (IMethodSymbol)compilation.GetTypeByMetadataName("Orders." + typeName)!.GetMembers("Handle").Single();

    private static IEnumerable<string> Handlers(string text) => DeploymentFile.Read(SourceText.From(text)).Handlers.Select(h => h.Text);

    private static IEnumerable<string?> Runtimes(string text) => DeploymentFile.Read(SourceText.From(text)).Handlers.Select(h => h.Runtime);
}
