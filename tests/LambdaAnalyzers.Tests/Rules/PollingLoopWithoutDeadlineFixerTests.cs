using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<LambdaAnalyzers.Rules.PollingLoopWithoutDeadlineAnalyzer, LambdaAnalyzers.Rules.MissingDeadlineFixer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>The deadline fix offered where LMB0010 reports the loop: the loop's delays get the handler's deadline.</summary>
public sealed class PollingLoopWithoutDeadlineFixerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        """;

    private const string Helper = MissingDeadlineFixerTests.Helper;

    private const string StatusHelpers = """


            private static Task<string> GetStatusAsync(string id) => Task.FromResult(id);

            private static string GetStatus(string id) => id;
        """;

    [Fact]
    public Task PollingLoop_DelaysGetANewDeadlineAndTheLoopStopsAtIt() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task<string> Handle(string id, ILambdaContext context)
            {
                var status = await GetStatusAsync(id);
                [|while|] (status != "DONE")
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));
                    status = await GetStatusAsync(id);
                    await Task.Delay(100);
                }

                return status;
            }
        """ + StatusHelpers + """

        }
        """, Usings + """
        public class Function
        {
            public async Task<string> Handle(string id, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                var status = await GetStatusAsync(id);
                while (status != "DONE")
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), cts.Token);
                    status = await GetStatusAsync(id);
                    await Task.Delay(100, cts.Token);
                }

                return status;
            }
        """ + StatusHelpers + Helper + """

        }
        """);

    [Fact]
    public Task LoopsInTwoHandlers_FixAllInsertsOneSourcePerHandlerAndOneHelper() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context)
            {
                [|while|] (true)
                {
                    if (GetStatus(id) == "DONE") break;
                    await Task.Delay(1000);
                }

                [|do|]
                {
                    await Task.Delay(2000, CancellationToken.None);
                }
                while (await GetStatusAsync(id) == "PENDING");
            }

            public async Task Other(string id, ILambdaContext lambdaContext)
            {
                [|for|] (;;)
                {
                    if (GetStatus(id) == "DONE") break;
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        """ + StatusHelpers + """

        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                while (true)
                {
                    if (GetStatus(id) == "DONE") break;
                    await Task.Delay(1000, cts.Token);
                }

                do
                {
                    await Task.Delay(2000, cts.Token);
                }
                while (await GetStatusAsync(id) == "PENDING");
            }

            public async Task Other(string id, ILambdaContext lambdaContext)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(lambdaContext.RemainingTime));
                for (;;)
                {
                    if (GetStatus(id) == "DONE") break;
                    await Task.Delay(TimeSpan.FromSeconds(1), cts.Token);
                }
            }
        """ + StatusHelpers + Helper + """

        }
        """);

    [Fact]
    public Task NestedPollingLoops_OneFixGivesEveryDelayTheDeadline() => new Verify.Test
    {
        TestCode = Usings + """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context)
                {
                    [|while|] (true)
                    {
                        [|while|] (GetStatus(id) == "PENDING")
                        {
                            await Task.Delay(500);
                        }

                        if (GetStatus(id) == "DONE") break;
                        await Task.Delay(5000);
                    }
                }
            """ + StatusHelpers + """

            }
            """,
        FixedCode = Usings + """
            public class Function
            {
                public async Task Handle(string id, ILambdaContext context)
                {
                    using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                    while (true)
                    {
                        while (GetStatus(id) == "PENDING")
                        {
                            await Task.Delay(500, cts.Token);
                        }

                        if (GetStatus(id) == "DONE") break;
                        await Task.Delay(5000, cts.Token);
                    }
                }
            """ + StatusHelpers + Helper + """

            }
            """,

        // The outer loop's fix also gives the inner loop's delay its token: both reports go at once.
        NumberOfIncrementalIterations = 1,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task ExistingTokenParameter_IsPassedToTheDelay() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context, CancellationToken cancellationToken)
            {
                [|while|] (GetStatus(id) != "DONE")
                {
                    await Task.Delay(1000);
                }
            }
        """ + StatusHelpers + """

        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context, CancellationToken cancellationToken)
            {
                while (GetStatus(id) != "DONE")
                {
                    await Task.Delay(1000, cancellationToken);
                }
            }
        """ + StatusHelpers + """

        }
        """);

    [Fact]
    public Task ThreadSleepBesideTaskDelay_OnlyTheDelayThatTakesATokenGetsIt() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context)
            {
                [|while|] (GetStatus(id) != "DONE")
                {
                    Thread.Sleep(100);
                    await Task.Delay(1000);
                }
            }
        """ + StatusHelpers + """

        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                while (GetStatus(id) != "DONE")
                {
                    Thread.Sleep(100);
                    await Task.Delay(1000, cts.Token);
                }
            }
        """ + StatusHelpers + Helper + """

        }
        """);

    [Fact]
    public Task OnlyDelaysWithoutATokenOverload_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string id, ILambdaContext context)
            {
                await Task.Yield();
                [|while|] (GetStatus(id) != "DONE")
                {
                    Thread.Sleep(1000);
                    SpinWait.SpinUntil(() => false, 100);
                }
            }
        """ + StatusHelpers + """

        }
        """);

    [Fact]
    public Task HandlerWithoutLambdaContext_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        using Amazon.Lambda.Annotations;

        public class Function
        {
            [LambdaFunction]
            public async Task Handle(string id)
            {
                [|while|] (GetStatus(id) != "DONE")
                {
                    await Task.Delay(1000);
                }
            }
        """ + StatusHelpers + """

        }
        """);

    [Fact]
    public Task NonAsyncHandler_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public string Handle(string id, ILambdaContext context)
            {
                [|while|] (GetStatus(id) != "DONE")
                {
                    Task.Delay(1000).Wait();
                }

                return id;
            }
        """ + StatusHelpers + """

        }
        """);
}
