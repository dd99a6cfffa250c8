using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over markup sources that compile against .NET 8, the Lambda stand-ins and the AWS SDK.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies an executable: top-level statements or a <c>Main</c> method.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, TestState = { OutputKind = OutputKind.ConsoleApplication } };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        /// <summary>Leave out the Lambda stand-ins: the compilation is not a Lambda project.</summary>
        public bool WithoutLambda
        {
            set
            {
                if (value)
                {
                    TestState.AdditionalReferences.Clear();
                    TestState.AdditionalReferences.AddRange(TestReferences.AwsSdk);
                }
            }
        }

        /// <summary>An <c>.editorconfig</c> section for every C# file.</summary>
        public string EditorConfig
        {
            set => TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + value + "\n"));
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
