using Xunit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>A small library compiled in memory under a given assembly name, for libraries the feed does not serve.</summary>
internal static class LibraryReference
{
    public static async Task<MetadataReference> CreateAsync(string assemblyName, string source)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
