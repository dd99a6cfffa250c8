using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.BlockingWaitAnalyzer,
    LambdaAnalyzers.Rules.BlockingWaitFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class BlockingWaitFixerTests
{
    private const string Helpers = """

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);

            private static Task SendAsync(string message) => Task.Delay(1);

            private static ValueTask<int> CountAsync() => new ValueTask<int>(1);
        }
        """;

    // ---- Each wait, in a function that is already async --------------------------------------------------------

    [Fact]
    public Task Result_BecomesAwaitAndIsParenthesizedAsAReceiver() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                await Task.Yield();
                var user = GetUserAsync(input).[|Result|];
                var count = CountAsync().[|Result|];
                return GetUserAsync(user).[|Result|].Length + count;
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                await Task.Yield();
                var user = await GetUserAsync(input);
                var count = await CountAsync();
                return (await GetUserAsync(user)).Length + count;
            }
        """ + Helpers);

    [Fact]
    public Task Wait_BecomesAwaitOfTheTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                var sending = SendAsync(input);
                await Task.Yield();
                sending.[|Wait|]();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                var sending = SendAsync(input);
                await Task.Yield();
                await sending;
            }
        """ + Helpers);

    [Fact]
    public Task GetAwaiterGetResult_BecomesAwaitKeepingConfigureAwait() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                SendAsync(input).ConfigureAwait(false).GetAwaiter().[|GetResult|]();
                return GetUserAsync(input).GetAwaiter().[|GetResult|]();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                await SendAsync(input).ConfigureAwait(false);
                return await GetUserAsync(input);
            }
        """ + Helpers);

    [Fact]
    public Task WaitAll_BecomesAwaitWhenAll() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                var first = SendAsync("a");
                var second = SendAsync("b");
                [|Task.WaitAll(first, second)|];
                await Task.Yield();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                var first = SendAsync("a");
                var second = SendAsync("b");
                await Task.WhenAll(first, second);
                await Task.Yield();
            }
        """ + Helpers);

    [Fact]
    public Task ThreadSleep_BecomesAwaitTaskDelayAndImportsTasks() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async System.Threading.Tasks.Task Handle(string input, ILambdaContext context)
            {
                [|Thread.Sleep(TimeSpan.FromMilliseconds(250))|];
                await System.Threading.Tasks.Task.Yield();
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async System.Threading.Tasks.Task Handle(string input, ILambdaContext context)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                await System.Threading.Tasks.Task.Yield();
            }
        }
        """);

    [Fact]
    public Task AsyncHandlerLambda_AwaitsInPlace() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Net.Http;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var http = new HttpClient();
            var handler = async (string input, ILambdaContext context) =>
            {
                var page = http.GetStringAsync("https://example.com/" + input).[|Result|];
                return page.Length;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
        FixedCode = """
            using System.Net.Http;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var http = new HttpClient();
            var handler = async (string input, ILambdaContext context) =>
            {
                var page = await http.GetStringAsync("https://example.com/" + input);
                return page.Length;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
    }.RunAsync();

    // ---- A handler method that is not async becomes async -------------------------------------------------------

    [Fact]
    public Task VoidHandler_BecomesAsyncTaskAndTheTitleSaysSo() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    SendAsync(input).[|Wait|]();
                    context.Logger.LogInformation("sent");
                }
            """ + Helpers,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    await SendAsync(input);
                    context.Logger.LogInformation("sent");
                }
            """ + Helpers,
        CodeActionVerifier = (action, verifier) => verifier.Equal("Await instead of 'Wait' (makes 'Handle' async)", action.Title),
    }.RunAsync();

    [Fact]
    public Task AsyncLocalFunctionCalledByHandler_AwaitsInPlace() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) => await RetryAsync(input);
            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async Task<string> RetryAsync(string input)
            {
                [|Thread.Sleep(100)|];
                await Task.Yield();
                return input;
            }
            """,
        FixedCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) => await RetryAsync(input);
            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async Task<string> RetryAsync(string input)
            {
                await Task.Delay(100);
                await Task.Yield();
                return input;
            }
            """,
        CodeActionVerifier = (action, verifier) => verifier.Equal("Await 'Task.Delay' instead of 'Sleep'", action.Title),
    }.RunAsync();

    [Fact]
    public Task VoidHandlerWithoutTheTasksNamespace_BecomesAsyncTaskAndImportsIt() => Verify.VerifyCodeFixAsync("""
        using System.Threading;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                [|Thread.Sleep(100)|];
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Delay(100);
            }
        }
        """);

    [Fact]
    public Task HandlerReturningAValue_BecomesAsyncTaskOfTAndKeepsItsReturns() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            /// <summary>Looks the user up.</summary>
            public static string? Handle(string input, ILambdaContext context)
            {
                if (input.Length == 0)
                {
                    return null;
                }

                var user = GetUserAsync(input).[|Result|];
                return user;
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            /// <summary>Looks the user up.</summary>
            public static async Task<string?> Handle(string input, ILambdaContext context)
            {
                if (input.Length == 0)
                {
                    return null;
                }

                var user = await GetUserAsync(input);
                return user;
            }
        """ + Helpers);

    [Fact]
    public Task ExpressionBodiedLambdaFunctionWithoutModifiers_BecomesAsyncAndImportsTasks() => Verify.VerifyCodeFixAsync("""
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            int Count(string id) => Load(id).[|Result|].Length;

            private static System.Threading.Tasks.Task<string> Load(string id) => System.Threading.Tasks.Task.FromResult(id);
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            async Task<int> Count(string id) => (await Load(id)).Length;

            private static System.Threading.Tasks.Task<string> Load(string id) => System.Threading.Tasks.Task.FromResult(id);
        }
        """);

    // ---- Fix All ---------------------------------------------------------------------------------------------------

    [Fact]
    public Task FixAll_TwoSitesInOneNonAsyncHandler_MakeItAsyncOnce() => Verify.VerifyCodeFixAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                SendAsync(input).[|Wait|]();
                [|Thread.Sleep(100)|];
                return GetUserAsync(input).[|Result|];
            }
        """ + Helpers, """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                await SendAsync(input);
                await Task.Delay(100);
                return await GetUserAsync(input);
            }
        """ + Helpers);

    [Fact]
    public Task FixAll_NestedWaitsSeveralHandlersAndAnUnfixableOne() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                private readonly object _gate = new();

                public string Lookup(string input, ILambdaContext context)
                {
                    return GetUserAsync(GetUserAsync(input).[|Result|]).[|Result|];
                }

                public async Task Notify(string input, ILambdaContext context)
                {
                    var first = SendAsync("a");
                    var second = SendAsync("b");
                    [|Task.WaitAll(first, second)|];
                    lock (_gate)
                    {
                        SendAsync(input).[|Wait|]();
                    }

                    await Task.Yield();
                }
            """ + Helpers,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                private readonly object _gate = new();

                public async Task<string> Lookup(string input, ILambdaContext context)
                {
                    return await GetUserAsync(await GetUserAsync(input));
                }

                public async Task Notify(string input, ILambdaContext context)
                {
                    var first = SendAsync("a");
                    var second = SendAsync("b");
                    await Task.WhenAll(first, second);
                    lock (_gate)
                    {
                        SendAsync(input).[|Wait|]();
                    }

                    await Task.Yield();
                }
            """ + Helpers,
        FixedState = { MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    // ---- No fix ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var index = [|Task.WaitAny(SendAsync(\"a\"), SendAsync(\"b\"))|];")]
    [InlineData("var done = SendAsync(input).[|Wait|](1000);")]
    [InlineData("[|Task.WaitAll(new[] { SendAsync(\"a\") }, 1000)|];")]
    [InlineData("Task<string>? maybe = input.Length > 0 ? GetUserAsync(input) : null; var name = maybe?.[|Result|];")]
    [InlineData("lock (_gate) { SendAsync(input).[|Wait|](); }")]
    [InlineData("var names = from id in new[] { input } select GetUserAsync(id).[|Result|];")]
    [InlineData("try { } catch (System.Exception) when (GetUserAsync(input).[|Result|].Length > 0) { }")]
    [InlineData("System.Threading.Tasks.Parallel.ForEach(new[] { input }, id => SendAsync(id).[|Wait|]());")]
    [InlineData("void Local() => SendAsync(input).[|Wait|](); Local();")]
    [InlineData("System.Action send = async () => { await Task.Yield(); }; System.Func<string> get = () => GetUserAsync(input).[|Result|];")]
    public Task WhereNoAwaitCanGo_OffersNoFix(string statements) => Verify.VerifyNoCodeFixAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly object _gate = new();

            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Yield();
        """ + statements + """

            }
        """ + Helpers);

    [Fact]
    public Task UnsafeCode_OffersNoFix() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public unsafe class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    SendAsync(input).[|Wait|]();
                }
            """ + Helpers,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public unsafe class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    SendAsync(input).[|Wait|]();
                }
            """ + Helpers,
        SolutionTransforms =
        {
            (solution, projectId) => solution.WithProjectCompilationOptions(
                projectId,
                ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)),
        },
    }.RunAsync();

    [Fact]
    public Task UnsafeBlockInAsyncHandler_OffersNoFix() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    unsafe
                    {
                        SendAsync(input).[|Wait|]();
                    }
                }
            """ + Helpers,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    unsafe
                    {
                        SendAsync(input).[|Wait|]();
                    }
                }
            """ + Helpers,
        SolutionTransforms =
        {
            (solution, projectId) => solution.WithProjectCompilationOptions(
                projectId,
                ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)),
        },
    }.RunAsync();

    [Fact]
    public Task HandlerWithOutParameter_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context, out int length)
            {
                var user = GetUserAsync(input).[|Result|];
                length = user.Length;
                return user;
            }
        """ + Helpers);

    [Fact]
    public Task HandlerCalledFromElsewhere_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => GetUserAsync(input).[|Result|];
        """ + Helpers + """

        public class FunctionTests
        {
            public void Handles() => new Function().Handle("id", null!);
        }
        """);

    [Fact]
    public Task HandlerRegisteredAsAMethodGroup_OffersNoFix() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;

            public static class Program
            {
                public static async Task Main()
                {
                    using var wrapper = HandlerWrapper.GetHandlerWrapper((System.Action<Stream>)Handle);
                    using var bootstrap = new LambdaBootstrap(wrapper);
                    await bootstrap.RunAsync();
                }

                private static void Handle(Stream input)
                {
                    Task.Delay(1).[|Wait|]();
                }
            }
            """,
        FixedCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;

            public static class Program
            {
                public static async Task Main()
                {
                    using var wrapper = HandlerWrapper.GetHandlerWrapper((System.Action<Stream>)Handle);
                    using var bootstrap = new LambdaBootstrap(wrapper);
                    await bootstrap.RunAsync();
                }

                private static void Handle(Stream input)
                {
                    Task.Delay(1).[|Wait|]();
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task OverrideAndInterfaceImplementation_OfferNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public interface IHandler
        {
            string Handle(string input, ILambdaContext context);
        }

        public abstract class FunctionBase
        {
            public abstract string Process(string input, ILambdaContext context);
        }

        public class Function : FunctionBase, IHandler
        {
            public string Handle(string input, ILambdaContext context) => GetUserAsync(input).[|Result|];

            public override string Process(string input, ILambdaContext context) => GetUserAsync(input).[|Result|];
        """ + Helpers);

    [Fact]
    public Task HandlerReturningATaskWithoutAsync_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context)
            {
                SendAsync(input).[|Wait|]();
                return Task.CompletedTask;
            }
        """ + Helpers);

    [Fact]
    public Task HandlerWithSpanLocalOrIterator_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public int Handle(string input, ILambdaContext context)
            {
                ReadOnlySpan<char> span = input.AsSpan();
                return span.Length + GetUserAsync(input).[|Result|].Length;
            }

            public IEnumerable<string> Stream(string input, ILambdaContext context)
            {
                yield return GetUserAsync(input).[|Result|];
            }
        """ + Helpers);
}
