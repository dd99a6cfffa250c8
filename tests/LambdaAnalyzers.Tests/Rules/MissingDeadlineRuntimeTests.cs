using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Amazon.Lambda.TestUtilities;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// The LMB0009 fix at run time: the fixer's output for a handler is compiled, loaded and invoked with the
/// RemainingTime values a real or test context reports, and the token it passes must behave.
/// </summary>
public sealed class MissingDeadlineRuntimeTests
{
    private const string Source = """
        using System;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                return await Probe.ObserveAsync(input);
            }
        }

        public static class Probe
        {
            /// <summary>Whether the token is cancelled after 200 ms, and how long it took to be cancelled (up to 1 s).</summary>
            public static async Task<string> ObserveAsync(string input, CancellationToken cancellationToken = default)
            {
                var watch = Stopwatch.StartNew();
                await Task.Delay(200);
                var cancelledAt200 = cancellationToken.IsCancellationRequested;
                var left = TimeSpan.FromSeconds(1) - watch.Elapsed;
                var cancelledWithin1s = cancellationToken.WaitHandle.WaitOne(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                return cancelledAt200 + ";" + cancelledWithin1s + ";" + cancellationToken.CanBeCanceled;
            }
        }
        """;

    private static readonly Lazy<Task<Assembly>> s_fixedAssembly = new(CompileFixedHandlerAsync);

    public static TheoryData<string, bool, bool> Cases => new()
    {
        // RemainingTime, cancelled after 200 ms, cancelled within 1 s
        { "00:00:00", false, false },
        { "-00:00:01", false, false },
        { "00:00:00.100", true, true },
        { "00:00:03", false, false },
        { "max", false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FixedHandler_TokenFollowsRemainingTime(string remaining, bool cancelledAt200Milliseconds, bool cancelledWithinOneSecond)
    {
        var assembly = await s_fixedAssembly.Value;
        var function = Activator.CreateInstance(assembly.GetType("Function")!)!;
        var context = new TestLambdaContext { RemainingTime = remaining == "max" ? TimeSpan.MaxValue : TimeSpan.Parse(remaining, System.Globalization.CultureInfo.InvariantCulture) };

        // No exception in any case: a negative or huge TimeSpan given to CancellationTokenSource would throw here.
        var result = await (Task<string>)function.GetType().GetMethod("Handle")!.Invoke(function, ["input", context])!;

        var parts = result.Split(';');
        Assert.Equal(cancelledAt200Milliseconds, bool.Parse(parts[0]));
        Assert.Equal(cancelledWithinOneSecond, bool.Parse(parts[1]));
        Assert.True(bool.Parse(parts[2]), "the handler passed a token that can be cancelled");
    }

    [Fact]
    public async Task FixedHandler_UsesTheDeadlineSourceAndHelper()
    {
        var text = await ApplyFixAsync();
        Assert.Contains("using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));", text, StringComparison.Ordinal);
        Assert.Contains("await Probe.ObserveAsync(input, cts.Token)", text, StringComparison.Ordinal);
        Assert.Contains("private static TimeSpan DeadlineFrom(TimeSpan remainingTime)", text, StringComparison.Ordinal);
    }

    private static async Task<Assembly> CompileFixedHandlerAsync()
    {
        var text = await ApplyFixAsync();
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", text)], assemblyName: "DeadlineRuntime" + Guid.NewGuid().ToString("N"));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("DeadlineRuntime", isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Runs the analyzer and applies the fixer's code action, as the IDE does, in an ad-hoc workspace.</summary>
    private static async Task<string> ApplyFixAsync()
    {
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Runtime",
                "Runtime",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: framework.AddRange(TestReferences.All)));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Function.cs", SourceText.From(Source));
        var document = solution.GetDocument(documentId)!;

        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MissingDeadlineAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MissingDeadlineFixer().RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
    }
}
