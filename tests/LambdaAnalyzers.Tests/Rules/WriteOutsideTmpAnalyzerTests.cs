using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.WriteOutsideTmpAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class WriteOutsideTmpAnalyzerTests
{
    private static DiagnosticResult TaskRoot(int markup, string path) =>
        Verify.Diagnostic(WriteOutsideTmpAnalyzer.Rule).WithLocation(markup).WithArguments(path);

    private static DiagnosticResult Layers(int markup, string path) =>
        Verify.Diagnostic(WriteOutsideTmpAnalyzer.LayersRule).WithLocation(markup).WithArguments(path);

    private static DiagnosticResult WorkingDirectory(int markup, string path) =>
        Verify.Diagnostic(WriteOutsideTmpAnalyzer.WorkingDirectoryRule).WithLocation(markup).WithArguments(path);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Run(source, OutputKind.DynamicallyLinkedLibrary, expected);

    private static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected) => Run(source, OutputKind.ConsoleApplication, expected);

    private static Task Run(string source, OutputKind kind, DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, TestState = { OutputKind = kind } };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string Handler(string body) => $$"""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                {{body}}
                await Task.Yield();
                return input;
            }
        }
        """;

    // ---- What the fix gets -------------------------------------------------------------------------------------------

    [Fact]
    public async Task ConstantOnlyWritesUse_PassesTheConstantFix()
    {
        var diagnostics = await AnalyzerRunner.ReportAsync(new WriteOutsideTmpAnalyzer(), Handler("""
            const string Output = "/var/task/output.json";
            File.WriteAllText(Output, input);
            File.AppendAllText(Path.Combine(Path.GetTempPath(), Output), input);
            """));

        // The combined write still points under /var/task (Combine keeps a rooted second path) and is reported without a fix.
        var diagnostic = Assert.Single(diagnostics, d => d.Properties.ContainsKey(WriteOutsideTmpAnalyzer.FixProperty));
        Assert.Equal(WriteOutsideTmpAnalyzer.FixConstant, diagnostic.Properties[WriteOutsideTmpAnalyzer.FixProperty]);
        Assert.Equal("output.json", diagnostic.Properties[WriteOutsideTmpAnalyzer.RelativePartProperty]);
    }

    [Fact]
    public async Task ConstantAlsoReadElsewhere_PassesNoFix()
    {
        var diagnostics = await AnalyzerRunner.ReportAsync(new WriteOutsideTmpAnalyzer(), Handler("""
            const string Output = "/var/task/output.json";
            File.WriteAllText(Output, input);
            Console.WriteLine(Output);
            """));

        Assert.Empty(Assert.Single(diagnostics).Properties);
    }

    // ---- Reported: the read-only places ---------------------------------------------------------------------------

    [Fact]
    public Task RelativeLiteral_ReportsOnThePathWithTheVarTaskMessage() => VerifyAsync(Handler("""
        File.WriteAllText({|#0:"output.json"|}, input);
        """), TaskRoot(0, "output.json"));

    [Fact]
    public Task VarTaskLiteral_Reports() => VerifyAsync(Handler("""
        await File.WriteAllTextAsync({|#0:"/var/task/cache/state.json"|}, input);
        """), TaskRoot(0, "/var/task/cache/state.json"));

    [Fact]
    public Task OptLiteral_ReportsWithTheOptMessage() => VerifyAsync(Handler("""
        File.AppendAllText({|#0:"/opt/extensions/log.txt"|}, input);
        """), Layers(0, "/opt/extensions/log.txt"));

    [Fact]
    public Task AppContextBaseDirectory_ReportsTheExpression() => VerifyAsync(Handler("""
        File.WriteAllBytes({|#0:Path.Combine(AppContext.BaseDirectory, "report.pdf")|}, new byte[1]);
        """), TaskRoot(0, "Path.Combine(AppContext.BaseDirectory, \"report.pdf\")"));

    [Fact]
    public Task CurrentDirectory_ReportsWithTheWorkingDirectoryMessage() => VerifyAsync(Handler("""
        File.WriteAllText({|#0:Path.Combine(Environment.CurrentDirectory, "a.txt")|}, input);
        File.WriteAllText({|#1:Directory.GetCurrentDirectory() + "/b.txt"|}, input);
        """),
        WorkingDirectory(0, "Path.Combine(Environment.CurrentDirectory, \"a.txt\")"),
        WorkingDirectory(1, "Directory.GetCurrentDirectory() + \"/b.txt\""));

    [Fact]
    public Task AssemblyLocationFolder_Reports() => VerifyAsync(Handler("""
        var folder = Path.GetDirectoryName(typeof(Function).Assembly.Location)!;
        File.WriteAllText({|#0:Path.Join(folder, "out.txt")|}, input);
        """), TaskRoot(0, "Path.Join(folder, \"out.txt\")"));

    [Fact]
    public Task InterpolationAndConcatenation_Report() => VerifyAsync(Handler("""
        File.WriteAllText({|#0:$"out-{input}.json"|}, input);
        File.WriteAllText({|#1:"out-" + input + ".json"|}, input);
        File.WriteAllText({|#2:$"{AppContext.BaseDirectory}/x.json"|}, input);
        """),
        TaskRoot(0, "$\"out-{input}.json\""),
        TaskRoot(1, "\"out-\" + input + \".json\""),
        TaskRoot(2, "$\"{AppContext.BaseDirectory}/x.json\""));

    [Fact]
    public Task LocalAssignedOnce_ReportsOnTheArgument() => VerifyAsync(Handler("""
        var path = "exports/today.csv";
        using var writer = new StreamWriter({|#0:path|});
        writer.Write(input);
        """), TaskRoot(0, "exports/today.csv"));

    [Fact]
    public Task EveryKindOfWrite_Reports() => VerifyAsync("""
        using System.IO;
        using System.IO.Compression;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;

        public class Function
        {
            private readonly ITransferUtility _transfer;

            public Function(ITransferUtility transfer) => _transfer = transfer;

            public async Task Handle(GetObjectResponse response, ILambdaContext context)
            {
                File.Copy("/tmp/a", {|#0:"b"|});
                File.Move("/tmp/a", {|#1:"c"|}, overwrite: true);
                using (var s = File.Create({|#2:"d"|})) { }
                using (var s = File.OpenWrite({|#3:"e"|})) { }
                using (var s = File.Open({|#4:"f"|}, FileMode.Open)) { }
                using (var s = new FileStream({|#5:"g"|}, FileMode.Create, FileAccess.Write)) { }
                using (var s = new FileStream({|#6:"h"|}, FileMode.Open)) { }
                Directory.CreateDirectory({|#7:"i"|});
                ZipFile.ExtractToDirectory("/tmp/archive.zip", {|#8:"j"|});
                {|#9:new FileInfo("k")|}.Create().Dispose();
                await _transfer.DownloadAsync({|#10:"l"|}, "bucket", "key");
                await _transfer.DownloadDirectoryAsync("bucket", "prefix", {|#11:"m"|});
                _transfer.Download({|#12:new TransferUtilityDownloadRequest { BucketName = "bucket", Key = "key", FilePath = "n" }|});
                await response.WriteResponseStreamToFileAsync({|#13:"o"|}, false, default);
            }
        }
        """,
        TaskRoot(0, "b"), TaskRoot(1, "c"), TaskRoot(2, "d"), TaskRoot(3, "e"), TaskRoot(4, "f"), TaskRoot(5, "g"), TaskRoot(6, "h"),
        TaskRoot(7, "i"), TaskRoot(8, "j"), TaskRoot(9, "new FileInfo(\"k\")"), TaskRoot(10, "l"), TaskRoot(11, "m"),
        TaskRoot(12, "new TransferUtilityDownloadRequest { BucketName = \"bucket\", Key = \"key\", FilePath = \"n\" }"), TaskRoot(13, "o"));

    [Fact]
    public Task InitCodeAndHelpers_Report() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly string s_marker = WriteMarker();

            public Function()
            {
                Directory.CreateDirectory({|#0:"cache"|});
            }

            public string Handle(string input, ILambdaContext context) => input;

            private static string WriteMarker()
            {
                File.WriteAllText({|#1:"marker"|}, "started");
                return "marker";
            }
        }
        """, TaskRoot(0, "cache"), TaskRoot(1, "marker"));

    [Fact]
    public Task TopLevelProgram_Reports() => VerifyProgramAsync("""
        using System.IO;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        File.WriteAllText({|#0:"started.txt"|}, "init");
        var handler = (string input, ILambdaContext context) =>
        {
            File.AppendAllText({|#1:"requests.log"|}, input);
            return input;
        };
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, TaskRoot(0, "started.txt"), TaskRoot(1, "requests.log"));

    // ---- Not reported: writable places --------------------------------------------------------------------------------

    [Fact]
    public Task TmpPaths_DoNotReport() => VerifyAsync(Handler("""
        File.WriteAllText("/tmp/out.json", input);
        File.WriteAllText("/tmp", input);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "a.json"), input);
        File.WriteAllText(Path.GetTempFileName(), input);
        File.WriteAllText($"/tmp/{input}.json", input);
        File.WriteAllText(Path.GetTempPath() + "b.json", input);
        File.WriteAllText(Path.Combine("data", "/tmp/c.json"), input);
        """));

    [Fact]
    public Task GetFullPathAgainstTheTempFolder_DoesNotReport() => VerifyAsync(Handler("""
        File.WriteAllText(Path.GetFullPath("report.csv", Path.GetTempPath()), input);
        File.WriteAllText(Path.GetFullPath(basePath: Path.GetTempPath(), path: "other.csv"), input);
        """));

    [Fact]
    public Task GetFullPathOfARelativePathAgainstTheTaskRoot_Reports() => VerifyAsync(Handler("""
        File.WriteAllText({|#0:Path.GetFullPath("report.csv", "/var/task")|}, input);
        """), TaskRoot(0, "Path.GetFullPath(\"report.csv\", \"/var/task\")"));

    [Fact]
    public Task EfsPath_DoesNotReport() => VerifyAsync(Handler("""
        File.WriteAllText("/mnt/efs/shared/state.json", input);
        Directory.CreateDirectory("/mnt/data");
        """));

    [Fact]
    public Task EfsPathThroughAConstant_DoesNotReport() => VerifyAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const string EfsRoot = "/mnt/efs";

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText(Path.Combine(EfsRoot, "state.json"), input);
                File.WriteAllText(EfsRoot + "/other.json", input);
            }
        }
        """);

    [Fact]
    public Task DevNullAndProc_DoNotReport() => VerifyAsync(Handler("""
        File.WriteAllText("/dev/null", input);
        using var stream = new FileStream("/dev/stdout", FileMode.Open, FileAccess.Write);
        File.WriteAllText("/proc/self/oom_score_adj", "0");
        """));

    [Fact]
    public Task UnknownPaths_DoNotReport() => VerifyAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly string _folder = Environment.GetEnvironmentVariable("OUTPUT_DIR") ?? "/tmp";
            private static readonly string s_name = "x.json";

            public void Handle(string input, ILambdaContext context)
            {
                File.WriteAllText(input, input);
                File.WriteAllText(Path.Combine(_folder, "a.json"), input);
                File.WriteAllText(Environment.GetEnvironmentVariable("TARGET")!, input);
                File.WriteAllText(s_name, input);
                File.WriteAllText($"{input}/b.json", input);
                var reassigned = "c.json";
                reassigned = input;
                File.WriteAllText(reassigned, input);
                File.WriteAllText("/home/sbx_user1051/d.json", input);
                File.WriteAllText("../e.json", input);
                File.WriteAllText("~/f.json", input);
                File.WriteAllText("C:\\temp\\g.json", input);
                File.WriteAllText(input.Length > 3 ? "h.json" : "/tmp/h.json", input);
            }
        }
        """);

    [Fact]
    public Task Reads_DoNotReport() => VerifyAsync(Handler("""
        var text = File.ReadAllText("appsettings.json");
        using var a = File.OpenRead("data/table.csv");
        using var b = new FileStream("model.bin", FileMode.Open, FileAccess.Read);
        using var c = File.Open("/var/task/model.bin", FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new StreamReader("lookup.txt");
        File.Copy("template.docx", "/tmp/template.docx");
        var exists = File.Exists("flag");
        """));

    [Fact]
    public Task TestProjectWithTestUtilities_DoesNotReport() => new Verify.Test
    {
        TestCode = """
            using System.IO;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.TestUtilities;

            public class FunctionTest
            {
                public void WritesFixture()
                {
                    File.WriteAllText("fixture.json", "{}");
                    var context = new TestLambdaContext();
                }
            }
            """,
        TestState = { AdditionalReferences = { TestReferences.TestUtilities } },
    }.RunAsync();

    [Fact]
    public async Task TestProjectWithXunit_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.IO;
                using Amazon.Lambda.Core;

                public class FunctionTest
                {
                    [Xunit.Fact]
                    public void WritesFixture() => File.WriteAllText("fixture.json", "{}");
                }
                """,
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.TestState.AdditionalReferences.Add(await LibraryReference.CreateAsync("xunit.core", "namespace Xunit { public class FactAttribute : System.Attribute { } }"));
        await test.RunAsync();
    }

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.IO;

            public class Exporter
            {
                public void Export(string data) => File.WriteAllText("output.json", data);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Function.g.cs", """
                        // <auto-generated/>
                        using System.IO;
                        using Amazon.Lambda.Core;

                        public class Function
                        {
                            public void Handle(string input, ILambdaContext context) => File.WriteAllText("output.json", input);
                        }
                        """),
                },
            },
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        return test.RunAsync();
    }

    // ---- Half-typed code ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("File.WriteAllText(")]
    [InlineData("File.WriteAllText(\"out.json\"")]
    [InlineData("File.WriteAllText(missing, input);")]
    [InlineData("File.WriteAllText(Path.Combine(, input);")]
    [InlineData("File.WriteAllText(Path.Combine(AppContext.BaseDirectory, missing), input);")]
    [InlineData("new FileStream(\"x\", FileMode.")]
    [InlineData("new FileStream(\"x\", missing, FileAccess.Write);")]
    [InlineData("File.Open(\"x\", (FileMode)99);")]
    [InlineData("new FileInfo(missing).Create();")]
    [InlineData("var p = $\"{missing}\"; File.WriteAllText(p, input);")]
    [InlineData("File.WriteAllText($\"\", input);")]
    [InlineData("var p = p + \"x\"; File.WriteAllText(p, input);")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = Handler(statement);
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", source)], FunctionProject.References);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new WriteOutsideTmpAnalyzer()));
        Assert.Empty(result.Crashes);
    }
}
