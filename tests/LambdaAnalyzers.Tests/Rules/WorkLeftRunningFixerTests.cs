using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.WorkLeftRunningAnalyzer,
    LambdaAnalyzers.Rules.WorkLeftRunningFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class WorkLeftRunningFixerTests
{
    private const string Helpers = """

            private static Task NotifyAsync(string message) => Task.CompletedTask;

            private static Task<int> CountAsync() => Task.FromResult(1);

            private static ValueTask FlushAsync() => default;

            private static void Work() { }
        }
        """;

    // ---- In a function that is already async --------------------------------------------------------------------

    [Fact]
    public Task DiscardedTaskRun_BecomesAwaitTaskRun() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                _ = [|Task.Run(Work)|];
                await NotifyAsync(input);
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Run(Work);
                await NotifyAsync(input);
            }
        """ + Helpers);

    [Fact]
    public Task CallAsStatement_IsAwaitedKeepingConfigureAwaitAndComments() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                // Tell the customer.
                [|NotifyAsync(input)|]; // fire and forget
                [|FlushAsync().ConfigureAwait(false)|];
                _ = [|CountAsync()|];
                return await CountAsync();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                // Tell the customer.
                await NotifyAsync(input); // fire and forget
                await FlushAsync().ConfigureAwait(false);
                await CountAsync();
                return await CountAsync();
            }
        """ + Helpers);

    [Fact]
    public Task AsyncHandlerLambda_AwaitsInPlace() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) =>
            {
                _ = [|AuditAsync(input)|];
                await Task.Yield();
                return input;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            static Task AuditAsync(string input) => Task.CompletedTask;
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) =>
            {
                await AuditAsync(input);
                await Task.Yield();
                return input;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            static Task AuditAsync(string input) => Task.CompletedTask;
            """,
    }.RunAsync();

    // ---- A handler method that is not async becomes async -------------------------------------------------------

    [Fact]
    public Task VoidHandler_BecomesAsyncTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                _ = [|Task.Run(Work)|];
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Run(Work);
            }
        """ + Helpers);

    [Fact]
    public Task HandlerReturningAValue_BecomesAsyncTaskOfT() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public static string Handle(string input, ILambdaContext context)
            {
                [|NotifyAsync(input)|];
                return input.ToUpperInvariant();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public static async Task<string> Handle(string input, ILambdaContext context)
            {
                await NotifyAsync(input);
                return input.ToUpperInvariant();
            }
        """ + Helpers);

    // ---- Fix All ---------------------------------------------------------------------------------------------------

    [Fact]
    public Task FixAll_TwoSitesInOneNonAsyncHandler_MakeItAsyncOnce() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                _ = [|NotifyAsync(input)|];
                [|FlushAsync()|];
                return input;
            }

            public async Task Other(string input, ILambdaContext context)
            {
                _ = [|Task.Run(Work)|];
                await Task.Yield();
            }
        """ + Helpers, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                await NotifyAsync(input);
                await FlushAsync();
                return input;
            }

            public async Task Other(string input, ILambdaContext context)
            {
                await Task.Run(Work);
                await Task.Yield();
            }
        """ + Helpers);

    // ---- No fix ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var pending = [|NotifyAsync(input)|];")]
    [InlineData("_ = [|_next?.NotifyAsync(input)|];")]
    [InlineData("[|LogLater(input)|];")]
    [InlineData("new List<string> { input }.ForEach([|async item =>|] await NotifyAsync(item));")]
    [InlineData("[|ThreadPool.QueueUserWorkItem(_ => Work())|];")]
    [InlineData("lock (_gate) { _ = [|NotifyAsync(input)|]; }")]
    [InlineData("Parallel.ForEach(new[] { input }, item => { _ = [|NotifyAsync(item)|]; });")]
    [InlineData("void Local() => [|NotifyAsync(input)|]; Local();")]
    public Task WhereNoAwaitCanGoOrNoTaskToAwait_OffersNoFix(string statements) => new Verify.Test
    {
        TestCode = Shape(statements),
        FixedCode = Shape(statements),
        FixedState = { MarkupHandling = MarkupMode.Allow },
        MarkupOptions = MarkupOptions.UseFirstDescriptor,
    }.RunAsync();

    private static string Shape(string statements) => """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly object _gate = new();
            private readonly Function? _next = null;

            public async Task Handle(string input, ILambdaContext context)
            {
                await Task.Yield();
        """ + statements + """

            }

            public Task NotifyAsync(string message) => Task.CompletedTask;

            private async void LogLater(string message) => await Task.Yield();

            private static void Work() { }
        }
        """;

    [Fact]
    public Task HandlerCalledFromElsewhere_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                _ = [|NotifyAsync(input)|];
            }
        """ + Helpers + """

        public class FunctionTests
        {
            public void Handles() => new Function().Handle("id", null!);
        }
        """);

    [Fact]
    public Task HandlerWithRefParameter_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context, ref int attempts)
            {
                attempts++;
                _ = [|NotifyAsync(input)|];
            }
        """ + Helpers);
}
