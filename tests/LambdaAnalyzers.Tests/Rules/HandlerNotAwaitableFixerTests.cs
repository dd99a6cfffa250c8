using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.HandlerNotAwaitableAnalyzer,
    LambdaAnalyzers.Rules.HandlerNotAwaitableFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class HandlerNotAwaitableFixerTests
{
    // ---- async void -> async Task -------------------------------------------------------------------------------

    [Fact]
    public Task AsyncVoidHandler_BecomesAsyncTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            /// <summary>Handles the event.</summary>
            public async void {|LMB0003:FunctionHandler|}(string input, ILambdaContext context)
            {
                await Task.Delay(10);
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            /// <summary>Handles the event.</summary>
            public async Task FunctionHandler(string input, ILambdaContext context)
            {
                await Task.Delay(10);
            }
        }
        """);

    [Fact]
    public Task AsyncVoidHandlerWithoutTheTasksNamespace_GetsTheUsing() => Verify.VerifyCodeFixAsync("""
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async void {|LMB0003:Handle|}(ILambdaContext context) => await System.Threading.Tasks.Task.Yield();
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async Task Handle(ILambdaContext context) => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task AsyncVoidHelperThatIsCalledAndNamed_BecomesAsyncTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context)
            {
                Log(input, context);
                this.Log(nameof(Log), context);
                return Task.CompletedTask;
            }

            /// <see cref="Log(string, ILambdaContext)"/>
            private async void {|LMB0003:Log|}(string message, ILambdaContext context)
            {
                await Task.Yield();
                context.Logger.LogLine(message);
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context)
            {
                Log(input, context);
                this.Log(nameof(Log), context);
                return Task.CompletedTask;
            }

            /// <see cref="Log(string, ILambdaContext)"/>
            private async Task Log(string message, ILambdaContext context)
            {
                await Task.Yield();
                context.Logger.LogLine(message);
            }
        }
        """);

    [Fact]
    public Task AsyncVoidLocalFunction_BecomesAsyncTask() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) =>
            {
                Audit(input, context);
                await Task.Yield();
                return input.Length;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async void {|LMB0003:Audit|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                context.Logger.LogLine(input);
            }
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = async (string input, ILambdaContext context) =>
            {
                Audit(input, context);
                await Task.Yield();
                return input.Length;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async Task Audit(string input, ILambdaContext context)
            {
                await Task.Yield();
                context.Logger.LogLine(input);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task AsyncVoidLambdaFunction_BecomesAsyncTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async void {|LMB0003:Refresh|}(string tenant) => await Task.Delay(10);
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async Task Refresh(string tenant) => await Task.Delay(10);
        }
        """);

    // ---- async void: no fix -------------------------------------------------------------------------------------

    [Fact]
    public Task AsyncVoidOverride_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class FunctionBase
        {
            public virtual void Handle(string input, ILambdaContext context) { }
        }

        public class Function : FunctionBase
        {
            public override async void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """);

    [Fact]
    public Task AsyncVoidVirtual_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public virtual async void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """);

    [Fact]
    public Task AsyncVoidInterfaceImplementations_OfferNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public interface IHandler
        {
            void Handle(string input, ILambdaContext context);
        }

        public class Implicit : IHandler
        {
            public async void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }

        public class Explicit : IHandler
        {
            async void IHandler.{|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """);

    [Fact]
    public Task AsyncVoidPartialMethod_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public partial class Function
        {
            partial void Handle(string input, ILambdaContext context);

            async partial void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """);

    [Theory]
    [InlineData("Action<string, ILambdaContext> a = Handle;")]
    [InlineData("var a = new Action<string, ILambdaContext>(Handle);")]
    [InlineData("Run(this.Handle);")]
    public Task AsyncVoidUsedAsVoidDelegate_OffersNoFix(string use) => Verify.VerifyNoCodeFixAsync($$"""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Register()
            {
                {{use}}
            }

            public async void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);

            private static void Run(Action<string, ILambdaContext> action) { }
        }
        """);

    [Fact]
    public Task AsyncVoidUsedAsVoidDelegateInAnotherDocument_OffersNoFix() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public class Function
                {
                    public async void {|LMB0003:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
                }
                """,
                """
                using System;
                using Amazon.Lambda.Core;

                public static class Registry
                {
                    public static readonly Action<string, ILambdaContext> Handler = new Function().Handle;
                }
                """,
            },
        },
        FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll, MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task AsyncVoidRegisteredAsMethodGroup_OffersNoFix() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;

            await LambdaBootstrapBuilder.Create(Handle).Build().RunAsync();

            async void {|LMB0003:Handle|}(Stream input, ILambdaContext context) => await Task.Delay(10);
            """,
        FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll, MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    // ---- ValueTask -> Task -----------------------------------------------------------------------------------

    [Fact]
    public Task ValueTaskOfT_BecomesTaskOfT() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async ValueTask<IReadOnlyList<string?>> {|LMB0003:FunctionHandler|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                return [input, null];
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<IReadOnlyList<string?>> FunctionHandler(string input, ILambdaContext context)
            {
                await Task.Yield();
                return [input, null];
            }
        }
        """);

    [Fact]
    public Task QualifiedValueTask_BecomesQualifiedTask() => Verify.VerifyCodeFixAsync("""
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async System.Threading.Tasks.ValueTask {|LMB0003:Handle|}(ILambdaContext context) => await System.Threading.Tasks.Task.Yield();
        }
        """, """
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async System.Threading.Tasks.Task Handle(ILambdaContext context) => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task ValueTaskLambdaFunction_BecomesTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async ValueTask<int> {|LMB0003:Add|}(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async Task<int> Add(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }
        }
        """);

    // ---- ValueTask: no fix --------------------------------------------------------------------------------------

    [Fact]
    public Task ValueTaskLambdaFunctionCalledInTheProject_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async ValueTask<int> {|LMB0003:Add|}(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }

            public ValueTask<int> Twice(int x) => Add(x, x);
        }
        """);

    [Fact]
    public Task ValueTaskHandlerCalledFromTheTestProject_OffersNoFix() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public class Function
                {
                    public async ValueTask<string> {|LMB0003:Handle|}(string input, ILambdaContext context)
                    {
                        await Task.Yield();
                        return input;
                    }
                }
                """,
            },
            AdditionalProjects =
            {
                ["FunctionTests"] =
                {
                    Sources =
                    {
                        """
                        using System.Threading.Tasks;

                        public class FunctionTests
                        {
                            public async Task Handle_Echoes() => await new Function().Handle("x", null!);
                        }
                        """,
                    },
                    AdditionalProjectReferences = { "TestProject" },
                },
            },
        },
        FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll, MarkupHandling = MarkupMode.Allow },
        SolutionTransforms = { AddLambdaReferencesToEveryProject },
    }.RunAsync();

    [Theory]
    [InlineData("public ValueTask<int> {|LMB0003:Handle|}(string input, ILambdaContext context) => new(input.Length);")]
    [InlineData("public ValueTask {|LMB0003:Handle|}(string input, ILambdaContext context) => ValueTask.CompletedTask;")]
    [InlineData("[AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] public async ValueTask<int> {|LMB0003:Handle|}(string input, ILambdaContext context) { await Task.Yield(); return 1; }")]
    public Task ValueTaskWhoseBodyWouldChange_OffersNoFix(string member) => Verify.VerifyNoCodeFixAsync($$"""
        using System.Runtime.CompilerServices;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            {{member}}
        }
        """);

    [Fact]
    public Task ValueTaskWhereTaskNamesAnotherType_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Todo
        {
            public sealed record Task(string Title);

            public class Function
            {
                // 'Task' here is the record: the return type cannot simply be renamed.
                public async ValueTask {|LMB0003:Handle|}(string input, ILambdaContext context) => await System.Threading.Tasks.Task.Yield();
            }
        }
        """);

    [Fact]
    public Task ValueTaskOfTWhereTaskNamesAnotherType_StillBindsToTaskOfT() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Todo
        {
            public sealed record Task(string Title);

            public class Function
            {
                public async ValueTask<Task> {|LMB0003:Handle|}(string input, ILambdaContext context)
                {
                    await System.Threading.Tasks.Task.Yield();
                    return new Task(input);
                }
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Todo
        {
            public sealed record Task(string Title);

            public class Function
            {
                public async Task<Task> Handle(string input, ILambdaContext context)
                {
                    await System.Threading.Tasks.Task.Yield();
                    return new Task(input);
                }
            }
        }
        """);

    [Fact]
    public Task ValueTaskLambdaFunctionImplementingAnInterface_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public interface IAdder
        {
            ValueTask<int> Add(int x, int y);
        }

        public class Functions : IAdder
        {
            [LambdaFunction]
            public async ValueTask<int> {|LMB0003:Add|}(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }
        }
        """);

    // ---- Action<...> local -> Func<..., Task> ---------------------------------------------------------------

    [Fact]
    public Task ActionLocal_BecomesFuncReturningTask() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;

            Action<Stream, ILambdaContext> handler = {|LMB0003:async|} (stream, context) =>
            {
                await stream.FlushAsync();
                context.Logger.LogLine("flushed");
            };

            await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
            """,
        FixedCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;

            Func<Stream, ILambdaContext, Task> handler = async (stream, context) =>
            {
                await stream.FlushAsync();
                context.Logger.LogLine("flushed");
            };

            await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
            """,
    }.RunAsync();

    [Fact]
    public Task ActionLocalWithSerializerInMain_BecomesFuncAndGetsTheUsing() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main()
                {
                    System.Action<string, ILambdaContext> handler = {|LMB0003:async|} (input, context) => await System.Threading.Tasks.Task.Delay(input.Length);
                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
            }
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main()
                {
                    System.Func<string, ILambdaContext, Task> handler = async (input, context) => await System.Threading.Tasks.Task.Delay(input.Length);
                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
            }
            """,
    }.RunAsync();

    // ---- Action<...>: no fix --------------------------------------------------------------------------------

    [Theory]
    [InlineData("await LambdaBootstrapBuilder.Create((Action<Stream>)({|LMB0003:async|} s => await s.FlushAsync())).Build().RunAsync();")]
    [InlineData("var handler = new Action<Stream>({|LMB0003:async|} s => await s.FlushAsync()); await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();")]
    [InlineData("Action<Stream, ILambdaContext, MemoryStream> handler = {|LMB0003:async|} (s, c, o) => await s.CopyToAsync(o); await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();")]
    [InlineData("Action<Stream> handler = {|LMB0003:async|} s => await s.FlushAsync(); Keep(handler); await LambdaBootstrapBuilder.Create(handler).Build().RunAsync(); static void Keep(Action<Stream> a) { }")]
    public Task ActionLambdaThatCannotBecomeAFunc_OffersNoFix(string program) => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;

            """ + program,
        FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll, MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    // ---- Fix All --------------------------------------------------------------------------------------------

    [Fact]
    public Task FixAll_MakesEveryAsyncVoidHandlerAsyncTask() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async void {|LMB0003:Upload|}(string input, ILambdaContext context) => await Task.Delay(10);

            public async void {|LMB0003:Download|}(string input, ILambdaContext context)
            {
                Audit(input, context);
                await Task.Delay(10);
            }

            private async void {|LMB0003:Audit|}(string input, ILambdaContext context) => await Task.Yield();
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Upload(string input, ILambdaContext context) => await Task.Delay(10);

            public async Task Download(string input, ILambdaContext context)
            {
                Audit(input, context);
                await Task.Delay(10);
            }

            private async Task Audit(string input, ILambdaContext context) => await Task.Yield();
        }
        """);

    [Fact]
    public Task FixAll_ReturnsTaskFromEveryValueTaskHandler() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async ValueTask<int> {|LMB0003:Count|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input.Length;
            }

            public static async ValueTask {|LMB0003:Ping|}(ILambdaContext context) => await Task.Yield();
        }

        public class Other
        {
            public async ValueTask<string> {|LMB0003:Echo|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input;
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Count(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input.Length;
            }

            public static async Task Ping(ILambdaContext context) => await Task.Yield();
        }

        public class Other
        {
            public async Task<string> Echo(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input;
            }
        }
        """);

    [Fact]
    public Task FixAll_DeclaresEveryActionLocalAsAFunc() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            Action<Stream> raw = {|LMB0003:async|} stream => await stream.FlushAsync();
            Action<string, ILambdaContext> typed = {|LMB0003:async|} (input, context) => await Task.Delay(input.Length);

            var builder = args.Length > 0
                ? LambdaBootstrapBuilder.Create(raw)
                : LambdaBootstrapBuilder.Create(typed, new DefaultLambdaJsonSerializer());
            await builder.Build().RunAsync();
            """,
        FixedCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            Func<Stream, Task> raw = async stream => await stream.FlushAsync();
            Func<string, ILambdaContext, Task> typed = async (input, context) => await Task.Delay(input.Length);

            var builder = args.Length > 0
                ? LambdaBootstrapBuilder.Create(raw)
                : LambdaBootstrapBuilder.Create(typed, new DefaultLambdaJsonSerializer());
            await builder.Build().RunAsync();
            """,
    }.RunAsync();

    [Fact]
    public Task FixAll_OfOneKindLeavesTheOthers() => new Verify.Test
    {
        CodeActionEquivalenceKey = HandlerNotAwaitableFixer.AsyncVoidKey,
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async void {|LMB0003:Upload|}(string input, ILambdaContext context) => await Task.Delay(10);

                public async ValueTask<int> {|LMB0003:Count|}(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    return input.Length;
                }

                public async void {|LMB0003:Download|}(string input, ILambdaContext context) => await Task.Delay(10);
            }
            """,
        FixedState = { MarkupHandling = MarkupMode.Allow },
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Upload(string input, ILambdaContext context) => await Task.Delay(10);

                public async ValueTask<int> {|LMB0003:Count|}(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    return input.Length;
                }

                public async Task Download(string input, ILambdaContext context) => await Task.Delay(10);
            }
            """,
    }.RunAsync();

    [Fact]
    public void EachFixVariantHasItsOwnEquivalenceKey()
    {
        var keys = new[] { HandlerNotAwaitableFixer.AsyncVoidKey, HandlerNotAwaitableFixer.ValueTaskKey, HandlerNotAwaitableFixer.ActionLocalKey };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.NotSame(WellKnownFixAllProviders.BatchFixer, new HandlerNotAwaitableFixer().GetFixAllProvider());
    }

    private static Solution AddLambdaReferencesToEveryProject(Solution solution, ProjectId _)
    {
        foreach (var project in solution.Projects)
        {
            var missing = TestReferences.All.Where(r => !project.MetadataReferences.Contains(r));
            solution = solution.AddMetadataReferences(project.Id, missing);
        }

        return solution;
    }
}
