using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.TmpFileNotDeletedAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class TmpFileNotDeletedAnalyzerTests
{
    /// <summary>A report on the creating call; the holder it carries is checked by the <c>..._PassesItsHolder</c> tests.</summary>
    private static DiagnosticResult Created(int markup, string call) =>
        Verify.Diagnostic(TmpFileNotDeletedAnalyzer.Rule).WithLocation(markup).WithArguments(call).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

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

            private static void Process(string path) { }
        }
        """;

    // ---- What the fix gets ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task WriteToALocalPath_PassesItsHolderAndKind()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new TmpFileNotDeletedAnalyzer(), Handler("""
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            File.WriteAllText(path, input);
            """)));

        Assert.Equal(TmpFileNotDeletedAnalyzer.KindWrite, diagnostic.Properties[TmpFileNotDeletedAnalyzer.KindProperty]);
        Assert.Equal(["path"], diagnostic.AdditionalLocations.Select(l => l.SourceTree!.GetText().ToString(l.SourceSpan)));
        Assert.Equal(diagnostic.AdditionalLocations[0].SourceSpan.Start, diagnostic.Location.SourceTree!.ToString().IndexOf("path =", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTempFileNameKeptInALocal_PassesItsHolderAndKind()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new TmpFileNotDeletedAnalyzer(), Handler("""
            var name = Path.GetTempFileName();
            File.WriteAllText(name, input);
            """)));

        Assert.Equal(TmpFileNotDeletedAnalyzer.KindTempFileName, diagnostic.Properties[TmpFileNotDeletedAnalyzer.KindProperty]);
        Assert.Equal(diagnostic.AdditionalLocations.Single().SourceSpan.Start, diagnostic.Location.SourceTree!.ToString().IndexOf("name =", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PathHeldByNoLocal_PassesNoHolder()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new TmpFileNotDeletedAnalyzer(), Handler("""
            File.WriteAllText(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"), input);
            """)));

        Assert.Equal(TmpFileNotDeletedAnalyzer.KindWrite, diagnostic.Properties[TmpFileNotDeletedAnalyzer.KindProperty]);
        Assert.Empty(diagnostic.AdditionalLocations);
    }

    // ---- Reported -------------------------------------------------------------------------------------------------------

    [Fact]
    public Task GuidNameNeverDeleted_ReportsOnTheCreatingCall() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        {|#0:File.WriteAllText(path, input)|};
        """), Created(0, "WriteAllText"));

    [Fact]
    public Task GetTempFileName_ReportsOnIt() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = {|#0:Path.GetTempFileName()|};
        File.WriteAllText(path, input);
        """), Created(0, "GetTempFileName"));

    [Fact]
    public Task RequestIdRandomNameAndTime_Report() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:File.WriteAllText($"/tmp/{context.AwsRequestId}.json", input)|};
        using var a = {|#1:File.Create(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()))|};
        var stamp = DateTime.UtcNow.Ticks;
        using var b = {|#2:new FileStream("/tmp/report-" + stamp, FileMode.CreateNew)|};
        {|#3:Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), input))|};
        """), Created(0, "WriteAllText"), Created(1, "Create"), Created(2, "FileStream"), Created(3, "CreateDirectory"));

    [Fact]
    public Task TransferUtilityDownload_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.S3Events;
        using Amazon.S3.Transfer;

        public class Function
        {
            private readonly ITransferUtility _transfer;

            public Function(ITransferUtility transfer) => _transfer = transfer;

            public async Task<long> Handle(S3Event input, ILambdaContext context)
            {
                var key = input.Records[0].S3.Object.Key;
                var local = Path.Combine(Path.GetTempPath(), Path.GetFileName(key));
                await {|#0:_transfer.DownloadAsync(local, "bucket", key)|};
                return new FileInfo(local).Length;
            }
        }
        """, Created(0, "DownloadAsync"));

    [Fact]
    public Task TopLevelHandlerLambda_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var handler = (string input, ILambdaContext context) =>
        {
            var path = $"/tmp/{Guid.NewGuid():N}.txt";
            {|#0:File.AppendAllText(path, input)|};
            return path;
        };
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, Created(0, "AppendAllText"));

    // ---- Not reported: cleaned up ----------------------------------------------------------------------------------

    [Fact]
    public Task GetTempFileNameThenDelete_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, input);
        }
        finally
        {
            File.Delete(path);
        }
        """));

    [Fact]
    public Task DeletedOnlyOnSomePaths_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
        File.WriteAllText(path, input);
        if (input.Length > 10)
        {
            File.Delete(path);
        }
        """));

    [Fact]
    public Task FileInfoDelete_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = $"/tmp/{Guid.NewGuid()}";
        File.WriteAllText(path, input);
        new FileInfo(path).Delete();
        var other = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        var info = new FileInfo(other);
        using (info.Create()) { }
        info.Delete();
        """));

    [Fact]
    public Task MovedAway_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var partial = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".part");
        File.WriteAllText(partial, input);
        File.Move(partial, "/tmp/latest.json", overwrite: true);
        """));

    [Fact]
    public Task FolderDeleted_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var work = Path.Combine(Path.GetTempPath(), context.AwsRequestId);
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, Guid.NewGuid() + ".txt"), input);
        Directory.Delete(work, recursive: true);
        """));

    [Fact]
    public Task PassedToASourceMethod_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
        File.WriteAllText(path, input);
        Process(path);
        """));

    [Fact]
    public Task DeleteOnClose_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        using var other = File.Create("/tmp/" + Guid.NewGuid(), 4096, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        """));

    [Fact]
    public Task InlineTempFileNameOpenedWithDeleteOnClose_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var stream = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        using var other = File.Create(Path.GetTempFileName(), 4096, FileOptions.DeleteOnClose);
        """));

    [Fact]
    public Task EquivalentExpressionDeleted_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        File.WriteAllText(Path.Combine(Path.GetTempPath(), input), input);
        File.Delete(Path.Combine(Path.GetTempPath(), input));
        """));

    // ---- Not reported: a name that does not change, caches, other places, init code -------------------------------------

    [Fact]
    public Task FixedNameOverwrittenEachTime_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var path = Path.Combine(Path.GetTempPath(), "latest.json");
        File.WriteAllText(path, input);
        File.WriteAllText("/tmp/state.json", input);
        """));

    [Fact]
    public Task FixedNameBuiltThroughManyLocals_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var stamp = "daily";
        var baseName = "report-" + stamp;
        var fileName = baseName + ".csv";
        var path = Path.Combine(Path.GetTempPath(), fileName);
        File.WriteAllText(path, input);
        """));

    [Fact]
    public Task CacheCheckingFileExists_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var cached = Path.Combine(Path.GetTempPath(), "models", input + ".bin");
        if (!File.Exists(cached))
        {
            File.WriteAllBytes(cached, new byte[16]);
        }
        """));

    [Fact]
    public Task OutsideTmpOrUnknown_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        File.WriteAllText($"/mnt/efs/{Guid.NewGuid()}.json", input);
        File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("WORK_DIR")!, Guid.NewGuid().ToString()), input);
        File.WriteAllText(input, input);
        """));

    [Fact]
    public Task OpeningAnExistingFile_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        using var stream = new FileStream(Path.Combine(Path.GetTempPath(), input), FileMode.Open);
        """));

    [Fact]
    public Task InitCode_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly string _scratch = Path.GetTempFileName();

            public Function()
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString()), "warm-up");
            }

            public string Handle(string input, ILambdaContext context) => input;

            private static void Helper() => File.WriteAllText("/tmp/" + Guid.NewGuid(), "x");
        }
        """);

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System;
            using System.IO;

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public class Function
            {
                public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => File.WriteAllText("/tmp/" + Guid.NewGuid(), input);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Function.g.cs", """
                    // <auto-generated/>
                    using System;
                    using System.IO;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public void Handle(string input, ILambdaContext context) => File.WriteAllText("/tmp/" + Guid.NewGuid(), input);
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var p = Path.GetTempFileName(")]
    [InlineData("File.WriteAllText(\"/tmp/\" + Guid.NewGuid(), ")]
    [InlineData("var p = \"/tmp/\" + Guid.NewGuid(); File.WriteAllText(p, input); File.Delete(")]
    [InlineData("var p = \"/tmp/\" + Guid.NewGuid(); File.WriteAllText(p, input); missing.Delete(p);")]
    [InlineData("var p = \"/tmp/\" + Guid.NewGuid(); new FileInfo(p).")]
    [InlineData("var p = p + Guid.NewGuid(); File.WriteAllText(\"/tmp/\" + p, input);")]
    [InlineData("Directory.Delete(); File.Create(\"/tmp/\" + Missing());")]
    [InlineData("using var s = new FileStream(\"/tmp/\" + Guid.NewGuid(), FileMode.Create, FileAccess.Write, FileShare.None, 1, missing);")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", Handler(statement))]);
        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new TmpFileNotDeletedAnalyzer()));
        Assert.Empty(result.Crashes);
    }
}
