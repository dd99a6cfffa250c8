using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The model's file knowledge: where a path points, what a write writes, where a name comes from, and cleanup.</summary>
public sealed class FilesTests
{
    [Theory]
    [InlineData("\"/tmp/report.csv\"", "Tmp")]
    [InlineData("Path.Combine(Path.GetTempPath(), input)", "Tmp")]
    [InlineData("\"report.csv\"", "Relative")]
    [InlineData("\"/mnt/efs/report.csv\"", "Mounted")]
    [InlineData("\"/var/task/report.csv\"", "TaskRoot")]
    [InlineData("\"/opt/report.csv\"", "Layers")]
    [InlineData("Path.Combine(AppContext.BaseDirectory, \"x\")", "BaseDirectory")]
    [InlineData("input", "Unknown")]
    public async Task PathClasses(string path, string expected)
    {
        var compilation = await Handler($"File.WriteAllText({path}, \"x\");");
        var files = FileSystemModel.Get(compilation.Compilation);
        var scope = compilation.Scope("Handle")!;

        Assert.True(files.TryGetWrite(Write(compilation), out var write));
        Assert.Equal(expected, files.Classify(FileSystemModel.Unwrap(write.Path), scope.Locals).ToString());
    }

    [Theory]
    [InlineData("var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString()); File.WriteAllText(path, \"x\");", true)]
    [InlineData("var path = Path.Combine(Path.GetTempPath(), input); File.WriteAllText(path, \"x\");", true)]
    [InlineData("var path = Path.Combine(Path.GetTempPath(), $\"{DateTime.UtcNow:yyyyMMdd}.csv\"); File.WriteAllText(path, \"x\");", true)]
    [InlineData("var path = Path.Combine(Path.GetTempPath(), \"cache.json\"); File.WriteAllText(path, \"x\");", false)]
    public async Task ValueOrigin_DiffersPerInvocation(string body, bool differs)
    {
        var compilation = await Handler(body);
        var files = FileSystemModel.Get(compilation.Compilation);
        var scope = compilation.Scope("Handle")!;
        Assert.True(files.TryGetWrite(Write(compilation), out var write));

        Assert.Equal(differs, new ValueOrigin(files).DiffersPerInvocation(FileSystemModel.Unwrap(write.Path), scope));
    }

    [Theory]
    [InlineData("try { File.WriteAllText(path, \"x\"); } finally { File.Delete(path); }", true)]
    [InlineData("File.WriteAllText(path, \"x\"); File.Move(path, \"/tmp/done\");", true)]
    [InlineData("File.WriteAllText(path, \"x\"); new FileInfo(path).Delete();", true)]
    [InlineData("File.WriteAllText(path, \"x\"); Directory.Delete(folder, true);", true)]
    [InlineData("File.WriteAllText(path, \"x\"); Upload(path);", true)]
    [InlineData("File.WriteAllText(path, \"x\");", false)]
    [InlineData("File.WriteAllText(path, \"x\"); File.Delete(\"/tmp/other\");", false)]
    public async Task FileCleanup_FindsWhatRemovesTheFile(string body, bool cleaned)
    {
        var compilation = await Handler(
            "var folder = Path.Combine(Path.GetTempPath(), input); var path = Path.Combine(folder, Guid.NewGuid().ToString()); " + body);
        var files = FileSystemModel.Get(compilation.Compilation);
        var scope = compilation.Scope("Handle")!;
        var write = Write(compilation);
        Assert.True(files.TryGetWrite(write, out var found));

        Assert.Equal(cleaned, new FileCleanup(files, scope).IsCleanedUp(scope.GetRoot(write)!, FileIdentity.Of(found.Path)));
    }

    [Theory]
    [InlineData("File.WriteAllBytes(\"/tmp/a\", new byte[600 * 1024 * 1024]);", 600L * 1024 * 1024)]
    [InlineData("var buffer = new byte[1024 * 1024]; using var s = File.Create(\"/tmp/a\"); for (var i = 0; i < 700; i++) { s.Write(buffer); }", 700L * 1024 * 1024)]
    [InlineData("var buffer = new byte[1024 * 1024]; using var s = File.Create(\"/tmp/a\"); for (var i = 0; i < 700; i++) { if (i > 3) break; s.Write(buffer); }", null)]
    [InlineData("File.WriteAllBytes(\"/mnt/efs/a\", new byte[600 * 1024 * 1024]);", null)]
    [InlineData("File.WriteAllBytes(\"/tmp/a\", new byte[input.Length]);", null)]
    public async Task TmpWriteSize_IsKnownFromConstantsAndCountedLoops(string body, long? bytes)
    {
        var compilation = await Handler(body);
        var write = compilation.Compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(compilation.OperationOf).OfType<IInvocationOperation>()
            .First(i => i.TargetMethod.Name is "WriteAllBytes" or "Write");

        Assert.Equal(bytes, new TmpWriteSize(FileSystemModel.Get(compilation.Compilation), write).Bytes());
    }

    [Theory]
    [InlineData("File.WriteAllText(\"/a\", \"x\")")]
    [InlineData("File.WriteAllTextAsync(\"/a\", \"x\")")]
    [InlineData("File.WriteAllBytes(\"/a\", bytes)")]
    [InlineData("File.WriteAllBytesAsync(\"/a\", bytes)")]
    [InlineData("File.WriteAllLines(\"/a\", lines)")]
    [InlineData("File.WriteAllLinesAsync(\"/a\", lines)")]
    [InlineData("File.AppendAllText(\"/a\", \"x\")")]
    [InlineData("File.AppendAllTextAsync(\"/a\", \"x\")")]
    [InlineData("File.AppendAllLines(\"/a\", lines)")]
    [InlineData("File.AppendAllLinesAsync(\"/a\", lines)")]
    [InlineData("File.Create(\"/a\")")]
    [InlineData("File.CreateText(\"/a\")")]
    [InlineData("File.AppendText(\"/a\")")]
    [InlineData("File.OpenWrite(\"/a\")")]
    [InlineData("File.Copy(\"/b\", \"/a\")")]
    [InlineData("File.Move(\"/b\", \"/a\")")]
    [InlineData("File.Open(\"/a\", FileMode.Create)")]
    [InlineData("new FileStream(\"/a\", FileMode.Create)")]
    [InlineData("new StreamWriter(\"/a\")")]
    [InlineData("Directory.CreateDirectory(\"/a\")")]
    [InlineData("ZipFile.ExtractToDirectory(\"/b\", \"/a\")")]
    [InlineData("ZipFile.CreateFromDirectory(\"/b\", \"/a\")")]
    [InlineData("archive.ExtractToDirectory(\"/a\")")]
    [InlineData("archive.Entries[0].ExtractToFile(\"/a\")")]
    [InlineData("new FileInfo(\"/b\").CopyTo(\"/a\")")]
    [InlineData("new FileInfo(\"/b\").MoveTo(\"/a\")")]
    [InlineData("transfer.Download(\"/a\", \"bucket\", \"key\")")]
    [InlineData("transfer.DownloadAsync(\"/a\", \"bucket\", \"key\")")]
    [InlineData("transfer.DownloadDirectory(\"bucket\", \"prefix\", \"/a\")")]
    [InlineData("response.WriteResponseStreamToFileAsync(\"/a\", false, default)")]
    public async Task EveryWritingCall_IsAWrite_ToItsDestination(string call)
    {
        var compilation = await ModelCompilation.CreateAsync($$"""
            using System.IO;
            using System.IO.Compression;
            using Amazon.Lambda.Core;
            using Amazon.S3.Model;
            using Amazon.S3.Transfer;

            public class Function
            {
                public void Handle(byte[] bytes, string[] lines, ZipArchive archive, TransferUtility transfer, GetObjectResponse response, ILambdaContext context)
                {
                    {{call}};
                }
            }
            """);
        var files = FileSystemModel.Get(compilation.Compilation);
        var writes = compilation.Compilation.SyntaxTrees.Single().GetRoot().DescendantNodes()
            .Where(n => n is InvocationExpressionSyntax or ObjectCreationExpressionSyntax)
            .Select(compilation.OperationOf)
            .Where(o => files.TryGetWrite(o, out _))
            .ToList();

        files.TryGetWrite(Assert.Single(writes), out var write);
        Assert.Equal("\"/a\"", write.Path.Syntax.ToString());
    }

    private static Task<ModelCompilation> Handler(string body) => ModelCompilation.CreateAsync($$"""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                {{body}}
            }

            private static void Upload(string path) { }
        }
        """);

    private static IOperation Write(ModelCompilation compilation) =>
        compilation.Compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(compilation.OperationOf)
            .First(o => o is IInvocationOperation { TargetMethod.Name: "WriteAllText" });
}
