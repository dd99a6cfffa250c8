using System.Collections.Immutable;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.BlockingWaitAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class BlockingWaitAnalyzerTests
{
    /// <summary>A report of a descriptor; the handler method it carries for the await fix is pinned by the <c>..._PassesTheHandler</c> tests.</summary>
    private static DiagnosticResult Reported(DiagnosticDescriptor descriptor) =>
        Verify.Diagnostic(descriptor).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task WaitInAHandlerReturningAValue_PassesTheHandler()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new BlockingWaitAnalyzer(), """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => LoadAsync(input).Result;

                private static Task<string> LoadAsync(string key) => Task.FromResult(key);
            }
            """));

        var handler = Assert.Single(diagnostic.AdditionalLocations);
        Assert.StartsWith("public string Handle(", handler.SourceTree!.GetText().ToString(handler.SourceSpan));
    }

    [Fact]
    public async Task WaitInALambdaOfAHandlerReturningATask_PassesNoHandler()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new BlockingWaitAnalyzer(), """
            using System;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public Task<string> Handle(string input, ILambdaContext context)
                {
                    Func<string> load = () => LoadAsync(input).Result;
                    return Task.FromResult(load());
                }

                private static Task<string> LoadAsync(string key) => Task.FromResult(key);
            }
            """));

        Assert.Empty(diagnostic.AdditionalLocations);
    }

    private static DiagnosticResult Blocks(int markup, string member, string task) =>
        Reported(BlockingWaitAnalyzer.Rule).WithLocation(markup).WithArguments(member, task);

    private static DiagnosticResult BlocksUnnamed(int markup, string member) =>
        Reported(BlockingWaitAnalyzer.UnnamedTaskRule).WithLocation(markup).WithArguments(member);

    /// <summary>A handler class with the async helpers the tests wait on.</summary>
    private static string Handler(string body, string declarations = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        {{declarations}}

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                {{body}}
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);

            private static Task SendAsync(string message) => Task.Delay(1);

            private static ValueTask<int> CountAsync() => new ValueTask<int>(1);

            private static ValueTask FlushAsync() => default;
        }
        """;

    /// <summary>The same handler, made async.</summary>
    private static string AsyncHandler(string body) => Handler(body).Replace("public string Handle", "public async Task<string> Handle");

    // ---- Reported: each kind of wait, span and message ------------------------------------------------------------

    [Fact]
    public Task ResultOfCall_ReportsOnTheMemberNameWithTheMethod() => Verify.VerifyAnalyzerAsync(Handler("""
        var user = GetUserAsync(input).{|#0:Result|};
        return user;
        """), Blocks(0, "Result", "GetUserAsync"));

    [Fact]
    public Task WaitOnLocal_ReportsWithTheLocal() => Verify.VerifyAnalyzerAsync(Handler("""
        var sending = SendAsync(input);
        sending.{|#0:Wait|}();
        return input;
        """), Blocks(0, "Wait", "sending"));

    [Fact]
    public Task WaitWithTimeout_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var sending = SendAsync(input);
        return sending.{|#0:Wait|}(TimeSpan.FromSeconds(1)) ? "sent" : "late";
        """), Blocks(0, "Wait", "sending"));

    [Fact]
    public Task GetAwaiterGetResultThroughConfigureAwait_ReportsOnGetResultWithTheMethod() => Verify.VerifyAnalyzerAsync(Handler("""
        SendAsync(input).ConfigureAwait(false).GetAwaiter().{|#0:GetResult|}();
        return GetUserAsync(input).GetAwaiter().{|#1:GetResult|}();
        """), Blocks(0, "GetResult", "SendAsync"), Blocks(1, "GetResult", "GetUserAsync"));

    [Fact]
    public Task ValueTaskResultAndGetResult_Report() => Verify.VerifyAnalyzerAsync(Handler("""
        var count = CountAsync().{|#0:Result|};
        FlushAsync().GetAwaiter().{|#1:GetResult|}();
        return count.ToString();
        """), Blocks(0, "Result", "CountAsync"), Blocks(1, "GetResult", "FlushAsync"));

    [Fact]
    public Task WaitAll_ReportsOnTheInvocation() => Verify.VerifyAnalyzerAsync(Handler("""
        var first = SendAsync("a");
        var second = SendAsync("b");
        {|#0:Task.WaitAll(first, second)|};
        return input;
        """), Reported(BlockingWaitAnalyzer.WaitAllRule).WithLocation(0).WithArguments("WaitAll", "Task.WhenAll"));

    [Fact]
    public Task WaitAny_ReportsOnTheInvocation() => Verify.VerifyAnalyzerAsync(Handler("""
        var tasks = new[] { SendAsync("a"), SendAsync("b") };
        var index = {|#0:Task.WaitAny(tasks)|};
        return index.ToString();
        """), Reported(BlockingWaitAnalyzer.WaitAnyRule).WithLocation(0).WithArguments("WaitAny", "Task.WhenAny"));

    [Fact]
    public Task ThreadSleep_ReportsOnTheInvocation() => Verify.VerifyAnalyzerAsync(Handler("""
        {|#0:Thread.Sleep(250)|};
        {|#1:Thread.Sleep(TimeSpan.FromMilliseconds(250))|};
        return input;
        """),
        Reported(BlockingWaitAnalyzer.SleepRule).WithLocation(0).WithArguments("Sleep", "Task.Delay"),
        Reported(BlockingWaitAnalyzer.SleepRule).WithLocation(1).WithArguments("Sleep", "Task.Delay"));

    [Fact]
    public Task TaskWithoutAName_ReportsTheUnnamedMessage() => Verify.VerifyAnalyzerAsync(Handler("""
        return (input.Length > 0 ? GetUserAsync(input) : GetUserAsync("anonymous")).{|#0:Result|};
        """), BlocksUnnamed(0, "Result"));

    [Fact]
    public Task FieldPropertyAndElement_ReportWithTheirNames() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly Task<string> _settings = Task.Run(() => "settings");
            private readonly TaskCompletionSource<string> _ready = new();
            private readonly List<Task<string>> _pending = new();

            public string Handle(string input, ILambdaContext context)
            {
                return _settings.{|#0:Result|} + _ready.Task.{|#1:Result|} + _pending[0].{|#2:Result|};
            }
        }
        """, Blocks(0, "Result", "_settings"), Blocks(1, "Result", "Task"), Blocks(2, "Result", "_pending"));

    [Fact]
    public Task ConditionalAccess_ReportsOnTheMemberName() => Verify.VerifyAnalyzerAsync(Handler("""
        Task<string>? maybe = input.Length > 0 ? GetUserAsync(input) : null;
        return maybe?.{|#0:Result|} ?? "";
        """), Blocks(0, "Result", "maybe"));

    [Fact]
    public Task TaskAwaitedOnlyLaterInTheText_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var name = user.{|#0:Result|};
                await user;
                return name;
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """, Blocks(0, "Result", "user"));

    [Fact]
    public Task AnotherTaskAwaitedEarlier_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var other = GetUserAsync("other");
                await other;
                return user.{|#0:Result|};
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """, Blocks(0, "Result", "user"));

    [Fact]
    public Task IsCompletedOfAnotherTask_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var user = GetUserAsync(input);
        var other = GetUserAsync("other");
        return other.IsCompleted ? user.{|#0:Result|} : "";
        """), Blocks(0, "Result", "user"));

    [Fact]
    public Task WaitAllOfTasksNotAllAwaited_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context)
            {
                var first = Task.Delay(1);
                var second = Task.Delay(2);
                await first;
                {|#0:Task.WaitAll(first, second)|};
            }
        }
        """, Reported(BlockingWaitAnalyzer.WaitAllRule).WithLocation(0).WithArguments("WaitAll", "Task.WhenAll"));

    [Fact]
    public Task ParallelPerRecordWork_Reports() => Verify.VerifyAnalyzerAsync(Handler("""
        var ids = input.Split(',');
        Parallel.ForEach(ids, id =>
        {
            SendAsync(id).{|#0:Wait|}();
            {|#1:Thread.Sleep(10)|};
        });
        return ids.Select(id => GetUserAsync(id).{|#2:Result|}).First();
        """),
        Blocks(0, "Wait", "SendAsync"),
        Reported(BlockingWaitAnalyzer.SleepRule).WithLocation(1).WithArguments("Sleep", "Task.Delay"),
        Blocks(2, "Result", "GetUserAsync"));

    // ---- Reported: the programming models ------------------------------------------------------------------------

    [Fact]
    public Task TopLevelHandlerLambda_ReportsOnlyInsideTheHandler() => Verify.VerifyProgramAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var http = new HttpClient();
        var config = http.GetStringAsync("https://config.example.com").Result;
        var handler = (string input, ILambdaContext context) =>
        {
            return http.GetStringAsync("https://example.com/" + input).{|#0:Result|} + config;
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, Blocks(0, "Result", "GetStringAsync"));

    [Fact]
    public Task LocalFunctionCalledByHandler_Reports() => Verify.VerifyProgramAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var handler = (string input, ILambdaContext context) => Retry(input);
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

        string Retry(string input)
        {
            {|#0:Thread.Sleep(100)|};
            return input;
        }
        """, Reported(BlockingWaitAnalyzer.SleepRule).WithLocation(0).WithArguments("Sleep", "Task.Delay"));

    [Fact]
    public Task LambdaFunctionAttributeWithoutContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public string Get(string id) => LoadAsync(id).{|#0:Result|};

            private static Task<string> LoadAsync(string id) => Task.FromResult(id);
        }
        """, Blocks(0, "Result", "LoadAsync"));

    [Fact]
    public Task BootstrapMethodGroupHandler_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        public static class Program
        {
            public static async Task Main()
            {
                Task.Delay(1).Wait();
                using var wrapper = HandlerWrapper.GetHandlerWrapper((System.Func<Stream, Task<Stream>>)Handle);
                using var bootstrap = new LambdaBootstrap(wrapper);
                await bootstrap.RunAsync();
            }

            private static Task<Stream> Handle(Stream input)
            {
                Task.Delay(1).{|#0:Wait|}();
                return Task.FromResult(input);
            }
        }
        """, Blocks(0, "Wait", "Delay"));

    // ---- Not reported: awaited or waited for earlier in the text -------------------------------------------------

    [Fact]
    public Task TaskAwaitedEarlier_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var audit = Task.Delay(1);
                await user;
                await audit.ConfigureAwait(false);
                audit.Wait();
                return user.Result + user.GetAwaiter().GetResult();
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    [Fact]
    public Task TasksAwaitedThroughWhenAll_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var account = GetUserAsync("account");
                await Task.WhenAll(user, account).ConfigureAwait(false);
                return user.Result + account.Result;
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    [Fact]
    public Task CollectionAwaitedThroughWhenAll_ElementsLoopAndSelect_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string[] ids, ILambdaContext context)
            {
                var lookups = ids.Select(GetUserAsync).ToList();
                await Task.WhenAll(lookups);
                var names = new List<string>();
                foreach (var lookup in lookups)
                {
                    names.Add(lookup.Result);
                }

                return lookups[0].Result + string.Join(",", lookups.Select(l => l.Result)) + names.Count;
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    [Fact]
    public Task MembersAwaitedThroughWhenAllOfSelect_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public sealed record Job(string Id, Task<string> Work);

        public class Function
        {
            public async Task<string> Handle(List<Job> jobs, ILambdaContext context)
            {
                await Task.WhenAll(jobs.Select(job => job.Work));
                return string.Join(",", jobs.Select(job => job.Work.Result)) + jobs[0].Work.Result;
            }
        }
        """);

    [Fact]
    public Task TasksAwaitedThroughWhenAny_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var timeout = Task.Delay(TimeSpan.FromSeconds(2));
                var first = await Task.WhenAny(user, timeout);
                return first == user ? user.Result : "timed out";
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    [Fact]
    public Task TaskReturnedByAnAwaitedWhenAny_DoesNotReport() => Verify.VerifyAnalyzerAsync(AsyncHandler("""
        var user = GetUserAsync(input);
        var account = GetUserAsync("account");
        var done = await Task.WhenAny(user, account);
        return done.Result + (await Task.WhenAny(user, account).ConfigureAwait(false)).GetAwaiter().GetResult();
        """));

    [Fact]
    public Task TasksPassedToAnAwaitedWhenAny_Report() => Verify.VerifyAnalyzerAsync(AsyncHandler("""
        var user = GetUserAsync(input);
        var account = GetUserAsync("account");
        await Task.WhenAny(user, Task.Delay(1000));
        var either = Task.WhenAny(account, Task.Delay(1000));
        await either;
        return user.{|#0:Result|} + account.{|#1:Result|};
        """), Blocks(0, "Result", "user"), Blocks(1, "Result", "account"));

    [Fact]
    public Task WhenAllHeldInALocalAndAwaited_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var user = GetUserAsync(input);
                var account = GetUserAsync("account");
                var both = Task.WhenAll(user, account);
                await both;
                return user.Result + account.Result;
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    [Fact]
    public Task WaitAllOfTasksAwaitedThroughWhenAll_InAnyArrayForm_DoesNotReport() => Verify.VerifyAnalyzerAsync(AsyncHandler("""
        var first = SendAsync("a");
        var second = SendAsync("b");
        await Task.WhenAll(first, second);
        Task.WaitAll(first, second);
        Task.WaitAll(new[] { first, second });
        Task.WaitAll(new Task[] { first, second }, 1000);
        Task.WaitAll([first, second]);
        Task.WaitAny(new[] { first, SendAsync("c") });
        return input;
        """));

    [Fact]
    public Task TaskWaitedForEarlier_ReportsOnlyTheFirstWait() => Verify.VerifyAnalyzerAsync(Handler("""
        var user = GetUserAsync(input);
        user.{|#0:Wait|}();
        return user.Result;
        """), Blocks(0, "Wait", "user"));

    // ---- Not reported: completion checked by an enclosing condition ---------------------------------------------

    [Fact]
    public Task IsCompletedCheckedInIf_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var user = GetUserAsync(input);
        if (user.IsCompleted)
        {
            return user.Result;
        }

        return "pending";
        """));

    [Fact]
    public Task IsCompletedSuccessfullyCheckedInConditionalExpression_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var count = CountAsync();
        var user = GetUserAsync(input);
        var name = user.IsCompletedSuccessfully ? user.GetAwaiter().GetResult() : "pending";
        return count.IsCompletedSuccessfully && count.Result > 0 ? name : "none";
        """));

    [Fact]
    public Task IsCompletedCheckedInAPropertyPattern_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var user = GetUserAsync(input);
        if (user is { IsCompletedSuccessfully: true })
        {
            return user.Result;
        }

        return GetUserAsync("cached") is { IsCompleted: true } cached ? cached.Result : "pending";
        """));

    // ---- Not reported: tasks that are already complete -----------------------------------------------------------

    [Fact]
    public Task FromResultAndCompletedTask_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        Task.CompletedTask.Wait();
        ValueTask.CompletedTask.GetAwaiter().GetResult();
        var cached = Task.FromResult(input);
        var value = new ValueTask<int>(42);
        return Task.FromResult("x").Result + cached.Result + value.Result + ValueTask.FromResult(1).Result;
        """));

    [Fact]
    public Task LocalAssignedOnlyCompletedTasks_DoesNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        Task<string> cached = Task.FromResult(input);
        if (input.Length == 0)
        {
            cached = Task.FromResult("empty");
        }

        return cached.Result;
        """));

    [Fact]
    public Task ContinuationAntecedent_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var length = await GetUserAsync(input).ContinueWith(previous => previous.Result.Length);
                var all = await Task.Factory.ContinueWhenAll(new[] { GetUserAsync("a"), GetUserAsync("b") }, done => done[0].Result + done[1].Result);
                return all + length;
            }

            private static Task<string> GetUserAsync(string id) => Task.FromResult(id);
        }
        """);

    // ---- Not reported: init code and code outside handlers -------------------------------------------------------

    [Fact]
    public Task InitCode_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly string s_config = new HttpClient().GetStringAsync("https://config.example.com").Result;
            private readonly string _secret;

            static Function()
            {
                Thread.Sleep(10);
            }

            public Function()
            {
                _secret = LoadSecretAsync().GetAwaiter().GetResult();
            }

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input + s_config + _secret;
            }

            private static Task<string> LoadSecretAsync() => Task.FromResult("secret");
        }
        """);

    [Fact]
    public Task TopLevelInitBeforeRunAsync_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        var warmUp = Task.Run(() => "warm");
        warmUp.Wait();
        Thread.Sleep(10);
        Task.WaitAll(Task.Delay(1), Task.Delay(2));
        var handler = (string input, ILambdaContext context) => input + warmUp.Result;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """);

    [Fact]
    public Task CodeOutsideHandlers_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        public class ReportWriter
        {
            public string Write(string input)
            {
                Thread.Sleep(10);
                Task.Delay(1).Wait();
                return Task.Run(() => input).Result;
            }
        }
        """);

    // ---- Not reported: not a wait ---------------------------------------------------------------------------------

    [Fact]
    public Task SleepZeroNameOfAndStoredAwaiter_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        Thread.Sleep(0);
        var user = GetUserAsync(input);
        var awaiter = user.GetAwaiter();
        return nameof(user.Result) + (awaiter.IsCompleted ? awaiter.GetResult() : "");
        """));

    [Fact]
    public Task OtherTypesWithResultOrWaitMembers_DoNotReport() => Verify.VerifyAnalyzerAsync(Handler("""
        var lazy = new Lazy<string>(() => input);
        using var signal = new ManualResetEventSlim(true);
        signal.Wait();
        var outcome = new Outcome { Result = lazy.Value };
        return outcome.Result;
        """, "public sealed class Outcome { public string Result { get; set; } = \"\"; public void Wait() { } }"));

    // ---- Not reported: not a Lambda project, generated code -------------------------------------------------------

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public class Function
            {
                public string Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
                {
                    Thread.Sleep(10);
                    return Task.Run(() => input).Result;
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Function.g.cs", """
                    // <auto-generated/>
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public string Handle(string input, ILambdaContext context)
                        {
                            Thread.Sleep(10);
                            return Task.Run(() => input).Result;
                        }
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var user = GetUserAsync(input).")]
    [InlineData("var user = GetUserAsync(input).Res")]
    [InlineData("var user = GetUserAsync(.Result;")]
    [InlineData("Missing().Result.Wait();")]
    [InlineData("Task.WaitAll(")]
    [InlineData("Task.WaitAll(missing, GetUserAsync(input)")]
    [InlineData("Thread.Sleep(")]
    [InlineData("Thread.Sleep(missing);")]
    [InlineData("var t = GetUserAsync(input); if (t.IsCompleted && t.Result == ")]
    [InlineData("await Task.WhenAll(; var r = GetUserAsync(input).Result;")]
    [InlineData("foreach (var t in missing) { var r = t.Result; }")]
    [InlineData("var r = missing.Select(t => t.Result).ToList();")]
    [InlineData("var r = GetUserAsync(input).ContinueWith(p => p.Result.).Result;")]
    [InlineData("var r = GetUserAsync(input) is { IsCompleted: true } done ? done.Result : ")]
    [InlineData("var x = nameof(GetUserAsync(input).Result")]
    public async Task HalfTypedStatement_DoesNotThrowAndStillReportsTheControl(string statement)
    {
        var source = AsyncHandler("Thread.Sleep(5);\n" + statement + "\nreturn input;");
        var compilation = await AnalyzerRunner.CompileAsync([("Broken.cs", source)]);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingWaitAnalyzer()));

        Assert.Empty(result.Crashes);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIdentifiers.BlockingWait && d.GetMessage().StartsWith("'Sleep'", StringComparison.Ordinal));
    }

    // ---- Options: severity -----------------------------------------------------------------------------------------

    [Fact]
    public Task RaisedToWarningInEditorConfig_ReportsAsWarning() => new Verify.Test
    {
        TestCode = Handler("""
            {|#0:Thread.Sleep(250)|};
            return input;
            """),
        EditorConfig = "dotnet_diagnostic.LMB0004.severity = warning",
        ExpectedDiagnostics =
        {
            Reported(BlockingWaitAnalyzer.SleepRule).WithLocation(0).WithArguments("Sleep", "Task.Delay").WithSeverity(DiagnosticSeverity.Warning),
        },
    }.RunAsync();

    [Fact]
    public void DefaultSeverityIsInfo() => Assert.Equal(DiagnosticSeverity.Info, BlockingWaitAnalyzer.Rule.DefaultSeverity);
}
