using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<LambdaAnalyzers.Rules.MissingDeadlineAnalyzer, LambdaAnalyzers.Rules.MissingDeadlineFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class MissingDeadlineFixerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        """;

    /// <summary>The helper and margin constant the fix adds to a class (LMB0010's fix adds the same).</summary>
    internal const string Helper = """


            private const int DeadlineMarginMilliseconds = 500;

            // The deadline of this invocation's calls: RemainingTime less a margin, at least 1 ms and at most the 900 s
            // Lambda timeout limit; none when RemainingTime is zero or less (unknown, as under TestLambdaContext).
            private static TimeSpan DeadlineFrom(TimeSpan remainingTime)
            {
                if (remainingTime <= TimeSpan.Zero)
                {
                    return Timeout.InfiniteTimeSpan;
                }

                var deadline = remainingTime - TimeSpan.FromMilliseconds(DeadlineMarginMilliseconds);
                if (deadline < TimeSpan.FromMilliseconds(1))
                {
                    return TimeSpan.FromMilliseconds(1);
                }

                return deadline < TimeSpan.FromSeconds(900) ? deadline : TimeSpan.FromSeconds(900);
            }
        """;

    [Fact]
    public Task OptionalTokenLeftOut_InsertsSourceAndHelperAndPassesTokenPositionally() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task<string> Handle(string key, ILambdaContext context)
            {
                using var response = await _s3.[|GetObjectAsync|]("bucket", key);
                return response.Key;
            }
        }
        """, Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task<string> Handle(string key, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                using var response = await _s3.GetObjectAsync("bucket", key, cts.Token);
                return response.Key;
            }
        """ + Helper + """

        }
        """);

    [Fact]
    public Task TwoCallsInOneHandler_FixAllInsertsOneSourceAndOneHelper() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task<string> Handle(string key, ILambdaContext context)
            {
                await _s3.[|DeleteObjectAsync|]("bucket", key);
                await Task.[|Delay|](1000);
                return key;
            }

            public async Task Other(string key, ILambdaContext lambdaContext)
            {
                await _s3.[|DeleteObjectAsync|]("bucket", key, CancellationToken.None);
            }
        }
        """, Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task<string> Handle(string key, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                await _s3.DeleteObjectAsync("bucket", key, cts.Token);
                await Task.Delay(1000, cts.Token);
                return key;
            }

            public async Task Other(string key, ILambdaContext lambdaContext)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(lambdaContext.RemainingTime));
                await _s3.DeleteObjectAsync("bucket", key, cts.Token);
            }
        """ + Helper + """

        }
        """);

    [Fact]
    public Task MarginOption_ChangesTheNamedConstant() => new Verify.Test
    {
        TestCode = Usings + """
            public class Function
            {
                public async Task Handle(string key, ILambdaContext context)
                {
                    await Task.[|Delay|](1000);
                }
            }
            """,
        FixedCode = Usings + """
            public class Function
            {
                public async Task Handle(string key, ILambdaContext context)
                {
                    using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                    await Task.Delay(1000, cts.Token);
                }
            """ + Helper.Replace("= 500;", "= 2000;") + """

            }
            """,
        TestState = { AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\nlambda_analyzers.deadline_margin_ms = 2000\n") } },
    }.RunAsync();

    [Fact]
    public Task ExistingTokenParameter_IsReused() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context, CancellationToken cancellationToken)
            {
                await Task.[|Delay|](1000);
            }
        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context, CancellationToken cancellationToken)
            {
                await Task.Delay(1000, cancellationToken);
            }
        }
        """);

    [Fact]
    public Task ExistingSourceFromRemainingTimeThroughLocal_IsReused() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                var budget = context.RemainingTime - TimeSpan.FromSeconds(1);
                using var timeout = new CancellationTokenSource(budget);
                await Task.[|Delay|](1000);
            }
        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                var budget = context.RemainingTime - TimeSpan.FromSeconds(1);
                using var timeout = new CancellationTokenSource(budget);
                await Task.Delay(1000, timeout.Token);
            }
        }
        """);

    [Fact]
    public Task ExistingSourceCancelledAfterRemainingTime_IsReused() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                using var source = new CancellationTokenSource();
                source.CancelAfter(context.RemainingTime);
                await Task.[|Delay|](1000);
            }
        }
        """, Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                using var source = new CancellationTokenSource();
                source.CancelAfter(context.RemainingTime);
                await Task.Delay(1000, source.Token);
            }
        }
        """);

    [Fact]
    public Task OptionalParameterAfterAnotherOptional_PassesByName() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                await SaveAsync(key);
            }

            private static Task SaveAsync(string key, int retries = 3, CancellationToken cancellationToken = default) => Task.CompletedTask;
        }
        """.Replace("await SaveAsync(key)", "await [|SaveAsync|](key)"), Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                await SaveAsync(key, cancellationToken: cts.Token);
            }

            private static Task SaveAsync(string key, int retries = 3, CancellationToken cancellationToken = default) => Task.CompletedTask;
        """ + Helper + """

        }
        """);

    [Fact]
    public Task ExpressionBodiedHandler_BecomesABlock() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            public async Task<string> Handle(string key, ILambdaContext context) => (await Task.[|WhenAny|](Task.[|Delay|](1000))).ToString()!;
        }
        """.Replace("Task.[|WhenAny|]", "Task.WhenAny"), Usings + """
        public class Function
        {
            public async Task<string> Handle(string key, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                return (await Task.WhenAny(Task.Delay(1000, cts.Token))).ToString()!;
            }
        """ + Helper + """

        }
        """);

    [Fact]
    public Task SelectLambdaIntoWhenAll_PassesTheHandlersToken() => Verify.VerifyCodeFixAsync(Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string[] keys, ILambdaContext context)
            {
                await Task.WhenAll(keys.Select(k => _s3.[|DeleteObjectAsync|]("bucket", k)));
            }
        }
        """, Usings + """
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string[] keys, ILambdaContext context)
            {
                using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                await Task.WhenAll(keys.Select(k => _s3.DeleteObjectAsync("bucket", k, cts.Token)));
            }
        """ + Helper + """

        }
        """);

    [Fact]
    public Task TopLevelHandlerLambda_GetsALocalFunction() => new Verify.Test
    {
        TestState =
        {
            OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var handler = async (string input, ILambdaContext context) =>
                {
                    await Task.[|Delay|](1000);
                    return input;
                };
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
            },
        },
        FixedState =
        {
            Sources =
            {
                """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var handler = async (string input, ILambdaContext context) =>
                {
                    using var cts = new CancellationTokenSource(DeadlineFrom(context.RemainingTime));
                    await Task.Delay(1000, cts.Token);
                    return input;
                };
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                // The deadline of this invocation's calls: RemainingTime less a margin, at least 1 ms and at most the 900 s
                // Lambda timeout limit; none when RemainingTime is zero or less (unknown, as under TestLambdaContext).
                static TimeSpan DeadlineFrom(TimeSpan remainingTime)
                {
                    const int DeadlineMarginMilliseconds = 500;
                    if (remainingTime <= TimeSpan.Zero)
                    {
                        return Timeout.InfiniteTimeSpan;
                    }

                    var deadline = remainingTime - TimeSpan.FromMilliseconds(DeadlineMarginMilliseconds);
                    if (deadline < TimeSpan.FromMilliseconds(1))
                    {
                        return TimeSpan.FromMilliseconds(1);
                    }

                    return deadline < TimeSpan.FromSeconds(900) ? deadline : TimeSpan.FromSeconds(900);
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task NonAsyncTaskReturningHandler_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public Task Handle(string key, ILambdaContext context)
            {
                return Task.[|Delay|](1000);
            }
        }
        """);

    [Fact]
    public Task CallInStaticLambda_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string[] keys, ILambdaContext context)
            {
                await Task.WhenAll(keys.Select(static k => Task.[|Delay|](k.Length)));
            }
        }
        """);

    [Fact]
    public Task HelperNameTakenByAnotherMember_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(string key, ILambdaContext context)
            {
                await Task.[|Delay|](1000);
            }

            private static string DeadlineFrom(string value) => value;
        }
        """);
}
