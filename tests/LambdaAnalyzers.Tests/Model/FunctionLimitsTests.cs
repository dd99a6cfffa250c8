using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Timeouts, memory and ephemeral storage per function, read from deployment files and attributes.</summary>
public sealed class FunctionLimitsTests
{
    // ---- Each format ---------------------------------------------------------------------------------------------

    [Fact]
    public void YamlTemplate_OwnValuesThenGlobalsThenTheDefaults()
    {
        var limits = Limits("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 30
                EphemeralStorage:
                  Size: 2048
            Resources:
              Import:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Import::Handle
                  Timeout: 120
                  MemorySize: 1769
                  EphemeralStorage:
                    Size: 10240
              Report:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Report::Handle
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: Shop::Shop.Plain::Handle
              Bucket:
                Type: AWS::S3::Bucket
            """);

        Assert.Equal(
            ["Import: 120 s, 1769 MB, 10240 MB of /tmp", "Report: 30 s, 128 MB, 2048 MB of /tmp", "Plain: 3 s, 128 MB, 512 MB of /tmp"],
            limits.Select(l => l.ToString()));
        Assert.Equal(["Shop::Shop.Import::Handle", "Shop::Shop.Report::Handle", "Shop::Shop.Plain::Handle"], limits.Select(l => l.Handler));
        Assert.All(limits, l => Assert.Equal(FunctionLimitsSource.Template, l.Source));
    }

    [Fact]
    public void YamlTemplate_IntrinsicsAndOutOfRangeValues_AreUnknown_AGlobalIntrinsicToo()
    {
        var limits = Limits("""
            Globals:
              Function:
                MemorySize: !Ref Memory
            Resources:
              Tagged:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Tagged::Handle
                  Timeout: !Ref Timeout
                  EphemeralStorage: !If [Big, { Size: 4096 }, { Size: 512 }]
              Long:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Long::Handle
                  Timeout:
                    Fn::FindInMap: [Timeouts, Default, Value]
                  EphemeralStorage:
                    Size: !Ref Storage
              Odd:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Odd::Handle
                  Timeout: 2.5
                  MemorySize: 64
                  EphemeralStorage:
                    Size: 100
              Quoted:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Quoted::Handle
                  Timeout: "15"
                  MemorySize: 256
            """);

        Assert.Equal(
            ["Tagged: ? s, ? MB, ? MB of /tmp", "Long: ? s, ? MB, ? MB of /tmp", "Odd: ? s, ? MB, ? MB of /tmp", "Quoted: 15 s, 256 MB, 512 MB of /tmp"],
            limits.Select(l => l.ToString()));
    }

    [Fact]
    public void YamlAliases_AreUnknown_TheAnchoredValueIsRead()
    {
        var limits = Limits("""
            Resources:
              First:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.First::Handle
                  Timeout: &timeout 20
              Second:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Second::Handle
                  Timeout: *timeout
            """);

        Assert.Equal([(int?)20, null], limits.Select(l => l.TimeoutSeconds));
    }

    [Fact]
    public void JsonTemplate_ReadsTheSameKeys_IntrinsicMappingsUnknown()
    {
        var limits = Limits("""
            {
              "Resources": {
                "Get": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "Blog::Blog.Functions::Get", "Timeout": 10, "MemorySize": 512, "EphemeralStorage": { "Size": 1024 } }
                },
                "Put": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": { "Handler": "Blog::Blog.Functions::Put", "Timeout": { "Ref": "Timeout" }, "MemorySize": { "Fn::If": [ "Big", 2048, 512 ] } }
                }
              }
            }
            """);

        Assert.Equal(["Get: 10 s, 512 MB, 1024 MB of /tmp", "Put: ? s, ? MB, 512 MB of /tmp"], limits.Select(l => l.ToString()));
    }

    [Fact]
    public void SamGlobals_ApplyToServerlessFunctionsOnly()
    {
        var limits = Limits("""
            Globals:
              Function:
                Timeout: 60
            Resources:
              Sam:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::Shop.Sam::Handle
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: Shop::Shop.Plain::Handle
            """);

        Assert.Equal([60, 3], limits.Select(l => l.TimeoutSeconds));
    }

    [Fact]
    public void ServerlessFramework_FunctionThenProviderThenItsOwnDefaults_VariablesUnknown()
    {
        var limits = Limits("""
            service: api
            provider:
              name: aws
              runtime: dotnet8
              memorySize: 2048
            functions:
              list:
                handler: Api::Api.Handlers::List
                timeout: 20
                ephemeralStorageSize: 4096
              create:
                handler: Api::Api.Handlers::Create
              variable:
                handler: Api::Api.Handlers::Variable
                timeout: ${self:custom.timeout}
            """);

        Assert.Equal(
            ["list: 20 s, 2048 MB, 4096 MB of /tmp", "create: 6 s, 2048 MB, 512 MB of /tmp", "variable: ? s, 2048 MB, 512 MB of /tmp"],
            limits.Select(l => l.ToString()));
        Assert.All(limits, l => Assert.Equal(FunctionLimitsSource.Serverless, l.Source));
    }

    [Fact]
    public void ToolsDefaults_GiveTheirValues_WithoutDefaults_NamedByFunctionNameOrHandler()
    {
        var given = Assert.Single(Limits("""
            {
              "function-name": "ImportFn",
              "function-handler": "Orders::Orders.Function::Handle",
              "function-timeout": 90,
              "function-memory-size": 1024,
              "ephemerals-storage-size": 3072
            }
            """));
        var bare = Assert.Single(Limits("""{ "function-handler": "Orders::Orders.Function::Handle" }"""));

        Assert.Equal(("ImportFn: 90 s, 1024 MB, 3072 MB of /tmp", FunctionLimitsSource.ToolsDefaults), (given.ToString(), given.Source));
        Assert.Equal("Orders::Orders.Function::Handle: ? s, ? MB, ? MB of /tmp", bare.ToString());
    }

    [Fact]
    public void ToolsDefaultsNamingATemplate_StillDescribeTheirOwnFunction() =>
        Assert.Equal(
            [("Orders::Orders.Function::Handle", (int?)900)],
            Limits("""
                { "template": "serverless.template", "function-handler": "Orders::Orders.Function::Handle", "function-timeout": 900 }
                """).Select(f => (f.Handler, f.TimeoutSeconds)));

    [Fact]
    public void ImageFunctions_TakeTheirHandlerFromTheCommand_AndUnreadableFilesGiveNoLimits()
    {
        var image = Assert.Single(Limits(
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      PackageType: Image\n      Timeout: 30\n"
            + "      CodeUri: src/Fn\n      ImageConfig:\n        Command:\n          - Shop::Shop.Fn::Handle\n"));
        Assert.Equal(("Shop::Shop.Fn::Handle", 30, null), (image.Handler, image.TimeoutSeconds, image.CodeUri));
        Assert.Null(Assert.Single(Limits("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      PackageType: Image\n      Timeout: 30\n")).Handler);
        Assert.Empty(Limits("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 'unterminated\n"));
    }

    // ---- Which functions run an entry ------------------------------------------------------------------------------

    private const string TwoFunctions = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Orders;

        public class Import
        {
            public Task<string> Handle(string input) => Task.FromResult(input);
        }

        public class Report
        {
            public string Handle(string input, ILambdaContext context) => input;

            public string Helper(string input) => input;
        }
        """;

    [Fact]
    public async Task SeveralFunctionsAndAssembliesInOneTemplate_EachMethodGetsItsOwnFunctions()
    {
        var catalog = await CatalogAsync(TwoFunctions, [("/repo/template.yaml", """
            Globals:
              Function:
                Timeout: 30
            Resources:
              ImportFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Import::Handle
                  Timeout: 10
              ImportAgain:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Import::Handle
                  Timeout: 60
                  EphemeralStorage:
                    Size: 1024
              ReportFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Report::Handle
              BillingFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Orders.Report::Helper
                  Timeout: 1
            """)]);

        var import = catalog.Functions("Import", "Handle");
        Assert.Equal(["ImportFn", "ImportAgain"], import.Select(f => f.Name));
        Assert.Equal("ImportFn", FunctionLimits.WithShortestTimeout(import)!.Name);
        Assert.Equal("ImportFn", FunctionLimits.WithSmallestEphemeralStorage(import)!.Name);
        Assert.Equal(["ReportFn: 30 s, 128 MB, 512 MB of /tmp"], catalog.Functions("Report", "Handle").Select(f => f.ToString()));
        Assert.Empty(catalog.Functions("Report", "Helper"));
    }

    [Fact]
    public async Task TemplateAndToolsDefaultsDescribingOneFunction_TheTemplateWins()
    {
        var catalog = await CatalogAsync(
            TwoFunctions,
            [
            ("/repo/aws-lambda-tools-defaults.json", """
                { "function-handler": "Orders::Orders.Import::Handle", "function-timeout": 300, "ephemerals-storage-size": 4096 }
                """),
            ("/repo/serverless.template", """
                { "Resources": { "ImportFn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Orders::Orders.Import::Handle", "Timeout": 20 } } } }
                """),
            ("/other/aws-lambda-tools-defaults.json", """
                { "function-name": "ReportFn", "function-handler": "Orders::Orders.Report::Handle", "function-timeout": 45 }
                """),
            ]);

        Assert.Equal(["ImportFn: 20 s, 128 MB, 512 MB of /tmp"], catalog.Functions("Import", "Handle").Select(f => f.ToString()));
        Assert.Equal(["ReportFn: 45 s, ? MB, ? MB of /tmp"], catalog.Functions("Report", "Handle").Select(f => f.ToString()));
    }

    [Fact]
    public async Task ToolsDefaultsNamingATemplate_TheTemplatesValuesCount()
    {
        var catalog = await CatalogAsync(
            TwoFunctions,
            [
            ("/repo/aws-lambda-tools-defaults.json", """
                { "template": "serverless.template", "function-handler": "Orders::Orders.Import::Handle", "function-timeout": 900 }
                """),
            ("/repo/serverless.template", """
                { "Resources": { "ImportFn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Orders::Orders.Import::Handle", "Timeout": 15 } } } }
                """),
            ]);

        Assert.Equal([15], catalog.Functions("Import", "Handle").Select(f => f.TimeoutSeconds));
    }

    [Fact]
    public async Task ToolsDefaultsNamingATemplate_ThatDoesNotDeclareTheirHandler_GiveTheirOwnValues()
    {
        var catalog = await CatalogAsync(
            TwoFunctions,
            [
            ("/repo/aws-lambda-tools-defaults.json", """
                { "template": "serverless.template", "function-handler": "Orders::Orders.Report::Handle", "function-timeout": 900 }
                """),
            ("/repo/serverless.template", """
                { "Resources": { "ImportFn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Orders::Orders.Import::Handle", "Timeout": 15 } } } }
                """),
            ]);

        Assert.Equal([15], catalog.Functions("Import", "Handle").Select(f => f.TimeoutSeconds));
        Assert.Equal([900], catalog.Functions("Report", "Handle").Select(f => f.TimeoutSeconds));
    }

    [Fact]
    public async Task HandlerInherited_IsTheEntryOfTheFunctionThatNamesTheDerivedType()
    {
        var catalog = await CatalogAsync(
            """
            namespace Orders;

            public abstract class FunctionBase
            {
                public string Handle(string input) => input;
            }

            public class Function : FunctionBase
            {
            }
            """,
            [("/repo/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Orders::Orders.Function::Handle\n      Timeout: 7\n")]);

        Assert.Equal([7], catalog.Functions("FunctionBase", "Handle").Select(f => f.TimeoutSeconds));
    }

    private const string Annotated = """
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        namespace Blog;

        public class Functions
        {
            [LambdaFunction(Timeout = 20, MemorySize = 1024)]
            public string Get(string id, ILambdaContext context) => id;

            [LambdaFunction(ResourceName = "PutPost", MemorySize = 256)]
            public string Put(string id, ILambdaContext context) => id;

            [LambdaFunction]
            public string Delete(string id, ILambdaContext context) => id;

            [LambdaFunction(Timeout = 0)]
            public string List(ILambdaContext context) => "";
        }
        """;

    [Fact]
    public async Task LambdaFunctionAttribute_WithoutATemplate_GivesItsConstants_NamedByResourceNameOrClassAndMethod()
    {
        var catalog = await CatalogAsync(Annotated, [], assemblyName: "Blog");

        Assert.Equal(["FunctionsGet: 20 s, 1024 MB, ? MB of /tmp"], catalog.Functions("Functions", "Get").Select(f => f.ToString()));
        Assert.Equal(["PutPost: ? s, 256 MB, ? MB of /tmp"], catalog.Functions("Functions", "Put").Select(f => f.ToString()));
        Assert.Empty(catalog.Functions("Functions", "Delete"));
        Assert.Empty(catalog.Functions("Functions", "List"));
    }

    [Fact]
    public async Task GeneratedTemplate_MapsItsWrappersToTheLambdaFunctionMethods_TheAttributesConstantsComeFirst()
    {
        var catalog = await CatalogAsync(Annotated, [("/repo/serverless.template", """
            {
              "Resources": {
                "FunctionsGet": { "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "Blog::Blog.Functions_Get_Generated::Get", "Timeout": 30, "MemorySize": 512, "EphemeralStorage": { "Size": 2048 } } },
                "FunctionsDelete": { "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "Blog::Blog.Functions_Delete_Generated::Delete", "Timeout": 45 } }
              }
            }
            """)], assemblyName: "Blog");

        Assert.Equal(["FunctionsGet: 20 s, 1024 MB, 2048 MB of /tmp"], catalog.Functions("Functions", "Get").Select(f => f.ToString()));
        Assert.Equal(["FunctionsDelete: 45 s, 128 MB, 512 MB of /tmp"], catalog.Functions("Functions", "Delete").Select(f => f.ToString()));
    }

    [Fact]
    public async Task Executable_HandlerIsTheAssemblyName_EveryEntryIsItsFunctions()
    {
        var catalog = await CatalogAsync(
            """
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
            [("/repo/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Worker\n      Timeout: 25\n")],
            outputKind: OutputKind.ConsoleApplication,
            assemblyName: "Worker");

        var lambda = catalog.Compilation.SyntaxTrees.Single().GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedLambdaExpressionSyntax>().Single();
        var entry = (IMethodSymbol)catalog.Compilation.GetSemanticModel(lambda.SyntaxTree).GetSymbolInfo(lambda).Symbol!;

        Assert.Equal([25], catalog.Model.Limits.GetFunctions(entry).Select(f => f.TimeoutSeconds));
    }

    private const string ExecutableSource = """
        using Amazon.Lambda.Core;

        public static class Program
        {
            public static void Main()
            {
            }

            public static string Handle(string input, ILambdaContext context) => input;
        }
        """;

    [Theory]
    [InlineData("/repo/template.yaml", "src/Worker/", "/repo/src/Worker", true)]
    [InlineData("/repo/template.yaml", "./src/Worker", "/repo/src/Worker/", true)]
    [InlineData("/repo/deploy/template.yaml", "../src/Worker", "/repo/src/Worker", true)]
    [InlineData("/repo/template.yaml", "src/Other/", "/repo/src/Worker", false)]
    public async Task CustomRuntimeFunction_BelongsToTheProjectItsCodeUriNames(string templatePath, string codeUri, string projectDirectory, bool belongs)
    {
        var catalog = await CatalogAsync(
            ExecutableSource,
            [(templatePath, $"Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: provided.al2023\n      Handler: bootstrap\n      CodeUri: {codeUri}\n      Timeout: 12\n")],
            outputKind: OutputKind.ConsoleApplication,
            assemblyName: "Worker",
            projectDirectory: projectDirectory);

        Assert.Equal(belongs ? [12] : [], catalog.Functions("Program", "Handle").Select(f => f.TimeoutSeconds));
    }

    [Theory]
    [InlineData("C:\\repo", "src\\Worker\\", "C:/repo/src/Worker")]
    [InlineData("/repo/deploy", "../src/./Worker", "/repo/src/Worker")]
    [InlineData("/repo", "/elsewhere/Worker", "/elsewhere/Worker")]
    [InlineData("/", ".", "/")]
    public void CodeUri_IsResolvedAgainstTheTemplatesFolder_AsText(string folder, string codeUri, string expected) =>
        Assert.Equal(expected, ProjectPath.Combine(folder, codeUri));

    [Fact]
    public async Task ToolsDefaultsOfAnExecutable_InTheProjectFolder_DescribeItsFunction()
    {
        const string source = ExecutableSource;
        const string defaults = """{ "function-runtime": "provided.al2023", "function-handler": "bootstrap", "function-timeout": 40 }""";

        var here = await CatalogAsync(source, [("/repo/src/Worker/aws-lambda-tools-defaults.json", defaults)], outputKind: OutputKind.ConsoleApplication, projectDirectory: "/repo/src/Worker");
        var elsewhere = await CatalogAsync(source, [("/repo/aws-lambda-tools-defaults.json", defaults)], outputKind: OutputKind.ConsoleApplication, projectDirectory: "/repo/src/Worker");

        Assert.Equal([40], here.Functions("Program", "Handle").Select(f => f.TimeoutSeconds));
        Assert.Empty(elsewhere.Functions("Program", "Handle"));
    }

    [Fact]
    public async Task GenerateMain_AnnotationsHandlerPicksTheMethodOfEachFunction()
    {
        var catalog = await CatalogAsync(
            Annotated + "\npublic static class Program\n{\n    public static void Main()\n    {\n    }\n}\n",
            [("/repo/template.yaml", """
                Resources:
                  Get:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Blog
                      Timeout: 50
                      Environment:
                        Variables:
                          ANNOTATIONS_HANDLER: Get
                  Delete:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Blog
                      Timeout: 8
                      Environment:
                        Variables:
                          ANNOTATIONS_HANDLER: Delete
                """)],
            outputKind: OutputKind.ConsoleApplication,
            assemblyName: "Blog");

        Assert.Equal([20], catalog.Functions("Functions", "Get").Select(f => f.TimeoutSeconds));
        Assert.Equal([8], catalog.Functions("Functions", "Delete").Select(f => f.TimeoutSeconds));
    }

    [Fact]
    public async Task ClassLibrary_EntryNamedByNoHandlerString_HasNoFunction()
    {
        var catalog = await CatalogAsync(TwoFunctions, [("/repo/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Orders\n")]);

        Assert.Empty(catalog.Functions("Report", "Handle"));
    }

    [Fact]
    public async Task RegionAnswer_GoesThroughTheRegionsEntry()
    {
        var catalog = await CatalogAsync(TwoFunctions, [("/repo/template.yaml", "Resources:\n  ReportFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Orders::Orders.Report::Handle\n      Timeout: 9\n")]);
        var method = catalog.Method("Report", "Handle");
        var block = catalog.Compilation.GetSemanticModel(method.DeclaringSyntaxReferences[0].SyntaxTree).GetOperation(method.DeclaringSyntaxReferences[0].GetSyntax())!;
        var region = catalog.Model.GetInvocationScope(method, [block], CancellationToken.None)!.Regions.Single();

        Assert.Equal(["ReportFn"], catalog.Model.Limits.GetFunctions(region).Select(f => f.Name));
        Assert.Empty(catalog.Model.Limits.GetFunctions((Region?)null));
    }

    private static IReadOnlyList<FunctionLimits> Limits(string text) => DeploymentFile.Read(SourceText.From(text)).Limits;

    private static async Task<Catalog> CatalogAsync(
        string source,
        (string Path, string Text)[] files,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "Orders",
        string? projectDirectory = null)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)], FunctionProject.References, outputKind, assemblyName);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var global = new Dictionary<string, string>();
        if (projectDirectory is not null)
        {
            global[FunctionLimitsCatalog.ProjectDirectoryKey] = projectDirectory;
        }

        var options = new AnalyzerOptions(
            [.. files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text)))],
            new InMemoryConfigOptions(global));
        return new Catalog(compilation, LambdaModel.TryGet(compilation, options)!);
    }

    private sealed record Catalog(Compilation Compilation, LambdaModel Model)
    {
        public IMethodSymbol Method(string type, string name) =>
            Compilation.GetSymbolsWithName(type, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single().GetMembers(name).OfType<IMethodSymbol>().Single();

        public System.Collections.Immutable.ImmutableArray<FunctionLimits> Functions(string type, string name) => Model.Limits.GetFunctions(Method(type, name));
    }
}
