using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>Runs one analyzer and its fixer, with the testing library's compiler and Fix All checks on.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyCodeFixAsync(string source, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fixer must offer nothing: the source is left as it is.</summary>
    public static Task VerifyNoCodeFixAsync(string source)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.All);

            // A rule may report under one ID with several messages: [|...|] means its first descriptor.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
