using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.HandlerStringMismatchAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0011 reports in a deployment file, which markup cannot reach: the expected diagnostics give the file's path and
/// the span of the handler value explicitly (line and column, 1-based, quotes included).
/// </summary>
public sealed class HandlerStringMismatchAnalyzerTests
{
    private const string Template = "/0/template.yaml";

    private const string Code = """
        using Amazon.Lambda.Core;

        namespace Orders
        {
            public class Function
            {
                public string Handle(string input, ILambdaContext context) => input;

                private static string Hidden(string input) => input;

                public string Overloaded(string input) => input;

                public string Overloaded(string input, ILambdaContext context) => input;
            }

            public class Derived : Function
            {
            }

            public class FromOverloads : Function
            {
            }

            public abstract class AbstractHandlers
            {
                public string Instance(string input) => input;

                public static string Static(string input) => input;
            }

            public class Outer
            {
                public class Inner
                {
                    public string Run(string input) => input;
                }
            }

            public class Generic<T>
            {
                public string Handle(string input) => input;
            }

            public interface IHandler
            {
                string Handle(string input);
            }
        }
        """;

    private static DiagnosticResult At(int line, int column, int endColumn, string problem) =>
        Verify.Diagnostic(HandlerStringMismatchAnalyzer.Rule).WithSpan(Template, line, column, line, endColumn).WithArguments(problem);

    private static Task VerifyAsync(string template, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((Template, template));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string Function(string handler) => $"""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: {handler}
        """;

    [Fact]
    public Task MissingMethod_IsReportedOnTheValue() => VerifyAsync(
        Function("TestProject::Orders.Function::Process"),
        At(5, 16, 53, "'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task FileOfAnotherName_IsReadWhenItsItemIsMarkedAsADeploymentFile(bool marked)
    {
        // The package's build targets mark the files a project lists in LambdaAnalyzersDeploymentFiles; MSBuild hands
        // the metadata to the analyzers as build_metadata in a global configuration.
        const string Listed = "/0/deploy/prod-functions.yaml";
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((Listed, Function("TestProject::Orders.Function::Process")));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
            is_global = true

            [{Listed}]
            build_metadata.AdditionalFiles.LambdaAnalyzersDeploymentFile = {(marked ? "true" : "false")}
            """));
        if (marked)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerStringMismatchAnalyzer.Rule).WithSpan(Listed, 5, 16, 5, 53)
                .WithArguments("'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task HandlerStringLongerThan127Characters_IsReported_OneOf127IsNot()
    {
        // Both name a method that exists: only the length differs.
        var exactly127 = "TestProject::Orders.Function::Handle" + new string(' ', 127 - 36);
        var longer = "TestProject::Orders.Function::System.String Handle(System.String, Amazon.Lambda.Core.ILambdaContext)" + new string(' ', 30) + "x";
        return VerifyAsync(
            $"""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "{exactly127}"
              Long:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "{longer}"
            """,
            At(9, 16, 18 + longer.Length, $"'{longer}' is longer than the 127 characters a handler string may have"));
    }

    [Fact]
    public Task OverloadsDeclaredByABaseClass_AreReportedWithTheBaseClassesName() => VerifyAsync(
        Function("TestProject::Orders.FromOverloads::Overloaded"),
        At(5, 16, 61, "'TestProject::Orders.FromOverloads::Overloaded' names 'Overloaded', which 'Function' declares more than once; write the method part as a signature"));

    [Fact]
    public Task ImageCommand_IsCheckedLikeAHandler() => VerifyAsync("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              PackageType: Image
              ImageConfig:
                Command: ["TestProject::Orders.Function::Process"]
        """,
        At(7, 19, 58, "'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));

    [Fact]
    public Task MethodOfAMetadataBaseClass_TheAspNetCoreBridgesFunctionHandlerAsync_IsNotReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Orders;

                public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                }
                """,
            ReferenceAssemblies = Verifiers.TestReferences.Net80AspNetCore,
        };
        test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.AspNetCoreServer);
        test.TestState.AdditionalFiles.Add((Template, Function("TestProject::Orders.LambdaEntryPoint::FunctionHandlerAsync")));
        return test.RunAsync();
    }

    [Fact]
    public Task ToolsDefaultsNamingATemplate_AnswerForTheirHandlerOnlyWhenNoOtherFileDeclaresIt()
    {
        // Both strings name no method. The template declares the first: it is reported there, not in the tools defaults.
        // The second is the tools defaults' own function (what `dotnet lambda deploy-function` deploys).
        const string Defaults = "/0/aws-lambda-tools-defaults.json";
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((Template, Function("TestProject::Orders.Function::Process")));
        test.TestState.AdditionalFiles.Add((Defaults, """
            { "template": "template.yaml", "function-handler": "TestProject::Orders.Function::Process" }
            """));
        test.ExpectedDiagnostics.Add(At(5, 16, 53, "'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));
        var own = new Verify.Test { TestCode = Code };
        own.TestState.AdditionalFiles.Add((Template, Function("TestProject::Orders.Function::Handle")));
        own.TestState.AdditionalFiles.Add((Defaults, """
            { "template": "template.yaml", "function-handler": "TestProject::Orders.Function::Process" }
            """));
        own.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerStringMismatchAnalyzer.Rule).WithSpan(Defaults, 1, 52, 1, 91)
            .WithArguments("'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));
        return Task.WhenAll(test.RunAsync(), own.RunAsync());
    }

    [Fact]
    public Task MissingType_QuotedValue_SpanIncludesTheQuotes() => VerifyAsync(
        Function("\"TestProject::Orders.Functions::Handle\""),
        At(5, 16, 55, "'TestProject::Orders.Functions::Handle' names no type 'Orders.Functions' in 'TestProject'"));

    [Fact]
    public Task OverloadedNameWithoutSignature_IsReported() => VerifyAsync(
        Function("TestProject::Orders.Function::Overloaded"),
        At(5, 16, 56, "'TestProject::Orders.Function::Overloaded' names 'Overloaded', which 'Function' declares more than once; write the method part as a signature"));

    [Theory]
    [InlineData("System.String Overloaded(String)")]
    [InlineData("Overloaded(System.String)")]
    [InlineData("System.String Overloaded(System.String,Amazon.Lambda.Core.ILambdaContext)")]
    [InlineData("System.String Handle(System.String)")]
    [InlineData("System.Object Handle(System.String, Amazon.Lambda.Core.ILambdaContext)")]
    public Task SignatureThatMatchesNoMethod_IsReported(string signature)
    {
        var handler = "TestProject::Orders.Function::" + signature;
        return VerifyAsync(
            Function(handler),
            At(5, 16, 16 + handler.Length, $"'{handler}' names no method with the signature '{signature}' in 'Orders.Function'"));
    }

    [Theory]
    [InlineData("TestProject::Orders.Function::System.String Overloaded(System.String, Amazon.Lambda.Core.ILambdaContext)")]
    [InlineData("TestProject::Orders.Function:: System.String Overloaded(System.String) ")]
    [InlineData("TestProject::Orders.Derived::System.String Handle(System.String, Amazon.Lambda.Core.ILambdaContext)")]
    [InlineData("TestProject::Orders.Function::System.String Hidden(System.String)")]
    public Task SignatureOfAMethodOfTheTypeOrItsBases_IsNotReported(string handler) => VerifyAsync(Function("\"" + handler + "\""));

    [Fact]
    public Task InstanceMethodOfAnAbstractType_IsReported() => VerifyAsync(
        Function("TestProject::Orders.AbstractHandlers::Instance"),
        At(5, 16, 62, "'TestProject::Orders.AbstractHandlers::Instance' names the instance method 'Instance' of the abstract type 'Orders.AbstractHandlers'"));

    [Theory]
    [InlineData("TestProject::Orders.Generic`1::Handle", "'TestProject::Orders.Generic`1::Handle' names 'Orders.Generic`1', which is not a non-generic class or struct")]
    [InlineData("TestProject::Orders.IHandler::Handle", "'TestProject::Orders.IHandler::Handle' names 'Orders.IHandler', which is not a non-generic class or struct")]
    public Task GenericTypeOrInterface_IsReported(string handler, string problem) => VerifyAsync(
        Function(handler), At(5, 16, 16 + handler.Length, problem));

    [Fact]
    public Task StringThatDoesNotSplitIntoThreeParts_IsReported() => VerifyAsync(
        Function("TestProject::Orders.Function"),
        At(5, 16, 44, "'TestProject::Orders.Function' does not split into Assembly::Namespace.Type::Method"));

    [Fact]
    public async Task ToolsDefaults_AreCheckedToo()
    {
        const string path = "/0/aws-lambda-tools-defaults.json";
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((path, """
            {
              "function-runtime": "dotnet8",
              "function-handler": "TestProject::Orders.Function::HandleAsync"
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerStringMismatchAnalyzer.Rule)
            .WithSpan(path, 3, 23, 3, 66)
            .WithArguments("'TestProject::Orders.Function::HandleAsync' names no method 'HandleAsync' in 'Orders.Function'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AFileOfAnotherName_IsNotADeploymentFile()
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/notes.yaml", Function("TestProject::Orders.Function::Process")));
        await test.RunAsync();
    }

    [Fact]
    public Task ResolvableHandlers_AndOtherAssembliesExecutablesAndIntrinsics_AreNotReported() => VerifyAsync("""
        Globals:
          Function:
            Runtime: dotnet8
        Resources:
          Plain:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Function::Handle
          Private:
            Type: AWS::Lambda::Function
            Properties:
              Handler: TestProject::Orders.Function::Hidden
          Inherited:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Derived::Handle
          Signature:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Function::System.String Overloaded(System.String)
          Nested:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.Outer+Inner::Run
          Static:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Orders.AbstractHandlers::Static
          OtherProject:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Billing::Billing.Function::Missing
          Executable:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject
          Custom:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: provided.al2023
              Handler: bootstrap
          Computed:
            Type: AWS::Serverless::Function
            Properties:
              Handler: !Sub "TestProject::Orders.${Name}::Handle"
        """);

    [Fact]
    public Task MalformedFile_IsNotReportedByThisRule_AndNothingThrows() => VerifyAsync("Resources: [ { Type: ");

    // ---- Multi-targeting: a function counts in the build its runtime runs ----------------------------------------

    [Theory]
    [InlineData("dotnet8", "net8.0")]
    [InlineData("dotnet6", "net6.0-windows")]
    [InlineData("provided.al2023", "net8.0")]
    [InlineData("dotnet6", null)]
    [InlineData("!Ref Runtime", "net8.0")]
    public Task FunctionOfThisBuildsRuntime_OrUnknown_IsReported(string runtime, string? targetFramework) => VerifyInBuildAsync(
        runtime, targetFramework,
        "TestProject::Orders.Function::Process",
        At(5, 16, 53, "'TestProject::Orders.Function::Process' names no method 'Process' in 'Orders.Function'"));

    [Theory]
    [InlineData("TestProject::Orders.Function::Process")]
    [InlineData("TestProject::Orders.Function")]
    public Task FunctionOfAnotherRuntime_IsNotReportedInThisBuild(string handler) => VerifyInBuildAsync("dotnet6", "net8.0", handler);

    [Fact]
    public async Task GlobalsRuntimeOfAnotherVersion_IsNotReportedInThisBuild()
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((Template, "Globals:\n  Function:\n    Runtime: dotnet6\n" + Function("TestProject::Orders.Function::Process")));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.TargetFramework = net8.0\n"));
        await test.RunAsync();
    }

    private static Task VerifyInBuildAsync(string runtime, string? targetFramework, string handler, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((Template, Function(handler) + $"\n      Runtime: {runtime}\n"));
        if (targetFramework is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.TargetFramework = {targetFramework}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
