using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.BatchRecordNotReportedAnalyzer>;
using VerifyFix = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.BatchRecordNotReportedAnalyzer,
    LambdaAnalyzers.Rules.BatchRecordNotReportedFixer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0015 in a method whose response the handler returns: the per-record loop of a processor the handler delegates
/// the batch to.
/// </summary>
public sealed class BatchRecordNotReportedReachTests
{
    private const string Entry = "Function.Handle";

    private static DiagnosticResult Dropped(string through, string consequence = "it is deleted") =>
        Verify.Diagnostic(Reached.TwinOf(BatchRecordNotReportedAnalyzer.DroppedRule)).WithLocation(0).WithLocation(1)
            .WithArguments(consequence, Entry, through).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A handler that returns <paramref name="call"/>, and a processor class with <paramref name="processor"/>.</summary>
    private static string Delegating(string call, string processor) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            private readonly BatchProcessor _processor = new();

            public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
            {
                {{call}}
            }
        }

        public class BatchProcessor
        {
            {{processor}}

            private static Task ProcessAsync(SQSEvent.SQSMessage message) => Task.CompletedTask;
        }
        """;

    private const string DroppingProcessor = """
        public async Task<SQSBatchResponse> ProcessAsync(SQSEvent evnt)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>();
            foreach (var message in evnt.Records)
            {
                try
                {
                    await ProcessAsync(message);
                }
                {|#0:catch (Exception ex)|}
                {
                    Console.WriteLine(ex.Message);
                }
            }

            return new SQSBatchResponse(failures);
        }
        """;

    // ---- Reported ---------------------------------------------------------------------------------------------

    [Fact]
    public Task LoopOfAProcessorWhoseResponseTheHandlerReturns_IsReportedWithTheChain() => VerifyAsync(
        Delegating("return await {|#1:_processor.ProcessAsync(evnt)|};", DroppingProcessor),
        Dropped("'BatchProcessor.ProcessAsync'"));

    [Fact]
    public Task ResponseReturnedWithoutAwait_ThroughConfigureAwait_OrByAnArrow_IsReported() => VerifyAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context) => {|#1:Batches.RunAsync(evnt)|};
        }

        public static class Batches
        {
            public static async Task<SQSBatchResponse> RunAsync(SQSEvent evnt) => (await Inner.ProcessAsync(evnt).ConfigureAwait(false));
        }

        public static class Inner
        {
            public static async Task<SQSBatchResponse> ProcessAsync(SQSEvent evnt)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    {|#0:catch (Exception)|}
                    {
                    }
                }

                return new SQSBatchResponse(failures);
            }
        }
        """, Dropped("'Batches.RunAsync', 'Inner.ProcessAsync'"));

    [Fact]
    public Task WrongIdentifierInAReachedFailureFactory_IsReportedWithTheChain() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    catch (Exception)
                    {
                        failures.Add({|#1:Failures.Of(message)|});
                    }
                }

                return new SQSBatchResponse(failures);
            }
        }

        public static class Failures
        {
            public static SQSBatchResponse.BatchItemFailure Of(SQSEvent.SQSMessage message) =>
                new() { ItemIdentifier = {|#0:message.ReceiptHandle|} };
        }
        """,
        Verify.Diagnostic(Reached.TwinOf(BatchRecordNotReportedAnalyzer.IdentifierRule)).WithLocation(0).WithLocation(1)
            .WithArguments("'ReceiptHandle'", "'MessageId'", Entry, "'Failures.Of'"));

    // ---- Not reported -----------------------------------------------------------------------------------------

    [Fact]
    public Task ProcessorWhoseResponseTheHandlerDiscards_IsNotReported() => VerifyAsync(Delegating(
        """
        var ignored = await _processor.ProcessAsync(evnt);
        return new SQSBatchResponse(new List<SQSBatchResponse.BatchItemFailure>());
        """,
        DroppingProcessor.Replace("{|#0:", "").Replace("|}", "")));

    [Fact]
    public Task ProcessorWhoseResponseALocalFunctionReturns_IsNotReported() => VerifyAsync(Delegating(
        """
        async Task<SQSBatchResponse> TryAsync() => await _processor.ProcessAsync(evnt);
        await TryAsync();
        return new SQSBatchResponse(new List<SQSBatchResponse.BatchItemFailure>());
        """,
        DroppingProcessor.Replace("{|#0:", "").Replace("|}", "")));

    [Fact]
    public Task ProcessorCalledByAHandlerWithoutPartialBatchResponse_IsNotReported() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task Handle(SQSEvent evnt, ILambdaContext context) => await Processor.ProcessAsync(evnt);
        }

        public static class Processor
        {
            public static async Task<SQSBatchResponse> ProcessAsync(SQSEvent evnt)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in evnt.Records)
                {
                    try
                    {
                        await Task.Delay(message.Body.Length);
                    }
                    catch (Exception)
                    {
                    }
                }

                return new SQSBatchResponse(failures);
            }
        }
        """);

    [Fact]
    public Task WithReachTurnedOff_IsNotReported()
    {
        var test = new Verify.Test
        {
            TestCode = Delegating("return await _processor.ProcessAsync(evnt);", DroppingProcessor.Replace("{|#0:", "").Replace("|}", "")),
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lambda_analyzers.LMB0015.reach = false
            """));
        return test.RunAsync();
    }

    // ---- Fix --------------------------------------------------------------------------------------------------

    [Fact]
    public Task FixInTheProcessor_AddsTheMessageToItsFailureList()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                public Task<SQSBatchResponse> Handle(SQSEvent evnt, ILambdaContext context) => Processor.ProcessAsync(evnt);
            }

            public static class Processor
            {
                public static async Task<SQSBatchResponse> ProcessAsync(SQSEvent evnt)
                {
                    var failures = new List<SQSBatchResponse.BatchItemFailure>();
                    foreach (var message in evnt.Records)
                    {
                        try
                        {
                            await Task.Delay(message.Body.Length);
                        }
                        {|#0:catch (Exception ex)|}
                        {
                            Console.WriteLine(ex.Message);
                        }
                    }

                    return new SQSBatchResponse(failures);
                }
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = Source.Replace("{|#0:", "").Replace("|}", "").Replace(
                "Console.WriteLine(ex.Message);",
                "failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });\n                Console.WriteLine(ex.Message);"),
        };
        FunctionProject.WithoutTestUtilities(test.TestState);
        FunctionProject.WithoutTestUtilities(test.FixedState);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Reached.TwinOf(BatchRecordNotReportedAnalyzer.DroppedRule))
            .WithLocation(0).WithArguments("it is deleted", Entry, "'Processor.ProcessAsync'")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }
}
