using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.WorkLeftRunningAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class WorkLeftRunningAnalyzerTests
{
    /// <summary>A report; the handler method it carries for the await fix is pinned by the <c>..._PassesTheHandler</c> tests.</summary>
    private static DiagnosticResult Lost(DiagnosticDescriptor rule, int markup, string name) =>
        Verify.Diagnostic(rule).WithLocation(markup).WithArguments(name).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult NotAwaited(int markup, string name) => Lost(WorkLeftRunningAnalyzer.TaskRule, markup, name);

    /// <summary>A handler class around <paramref name="body"/>, with helpers that return tasks.</summary>
    private static string InHandler(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
        {{body}}
                return input;
            }

            private Task NotifyAsync(string message) => Task.CompletedTask;
            private Task<int> CountAsync() => Task.FromResult(1);
            private ValueTask FlushAsync() => default;
            private ValueTask<int> ReadAsync() => new(1);
            private async IAsyncEnumerable<int> StreamAsync() { await Task.Yield(); yield return 1; }
        {{members}}
        }
        """;

    // ---- Reported: tasks that are not awaited ------------------------------------------------------------------

    [Fact]
    public Task TaskCallAsStatement_ReportsTheCallWithItsName() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:NotifyAsync(input)|};
        """), NotAwaited(0, "NotifyAsync"));

    [Fact]
    public Task TaskCallAssignedToDiscard_ReportsTheCall() => Verify.VerifyAnalyzerAsync(InHandler("""
                _ = {|#0:NotifyAsync(input)|};
        """), NotAwaited(0, "NotifyAsync"));

    [Theory]
    [InlineData("CountAsync()", "CountAsync")]
    [InlineData("FlushAsync()", "FlushAsync")]
    [InlineData("ReadAsync()", "ReadAsync")]
    [InlineData("NotifyAsync(input).ConfigureAwait(false)", "NotifyAsync")]
    [InlineData("CountAsync().ConfigureAwait(false)", "CountAsync")]
    [InlineData("FlushAsync().ConfigureAwait(false)", "FlushAsync")]
    [InlineData("ReadAsync().ConfigureAwait(false)", "ReadAsync")]
    [InlineData("Task.WhenAll(NotifyAsync(\"a\"), NotifyAsync(\"b\"))", "WhenAll")]
    [InlineData("Task.Delay(100)", "Delay")]
    public Task EveryTaskLikeType_Reports(string call, string name) => Verify.VerifyAnalyzerAsync(InHandler($$"""
                _ = {|#0:{{call}}|};
        """), NotAwaited(0, name));

    [Fact]
    public Task TypeWithAsyncMethodBuilder_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:RunAsync()|};
        """, """
            private async Custom RunAsync() => await Task.Yield();

            [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(CustomBuilder))]
            public sealed class Custom
            {
                public System.Runtime.CompilerServices.TaskAwaiter GetAwaiter() => Task.CompletedTask.GetAwaiter();
            }

            public sealed class CustomBuilder
            {
                public static CustomBuilder Create() => new();
                public Custom Task => new();
                public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine => stateMachine.MoveNext();
                public void SetStateMachine(System.Runtime.CompilerServices.IAsyncStateMachine stateMachine) { }
                public void SetResult() { }
                public void SetException(Exception exception) { }
                public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                    where TAwaiter : System.Runtime.CompilerServices.INotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
                public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                    where TAwaiter : System.Runtime.CompilerServices.ICriticalNotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
            }
        """), NotAwaited(0, "RunAsync"));

    [Fact]
    public Task AwsSdkCallNotAwaited_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public class Function
        {
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();

            public void Handle(string input, ILambdaContext context)
            {
                {|#0:_sqs.SendMessageAsync("https://sqs/queue", input)|};
            }
        }
        """, NotAwaited(0, "SendMessageAsync"));

    [Fact]
    public Task DelegateInvocation_NamesTheDelegate() => Verify.VerifyAnalyzerAsync(InHandler("""
                Func<Task> send = () => NotifyAsync(input);
                {|#0:send()|};
        """), NotAwaited(0, "send"));

    [Fact]
    public Task NullConditionalCall_ReportsTheWholeAccess() => Verify.VerifyAnalyzerAsync(InHandler("""
                Function? other = input.Length > 0 ? this : null;
                {|#0:other?.NotifyAsync(input)|};
                _ = {|#1:other?.CountAsync()|};
        """), NotAwaited(0, "NotifyAsync"), NotAwaited(1, "CountAsync"));

    [Fact]
    public Task TaskReturningCallInVoidLambda_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                var names = new List<string> { input };
                names.ForEach(name => {|#0:NotifyAsync(name)|});
        """), NotAwaited(0, "NotifyAsync"));

    [Fact]
    public async Task NotAwaitedInAHandlerReturningAValue_PassesTheHandler()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new WorkLeftRunningAnalyzer(), """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    SendAsync(input);
                    return input;
                }

                private static Task SendAsync(string message) => Task.CompletedTask;
            }
            """));

        var handler = Assert.Single(diagnostic.AdditionalLocations);
        Assert.StartsWith("public string Handle(", handler.SourceTree!.GetText().ToString(handler.SourceSpan));
    }

    [Fact]
    public async Task NotAwaitedInAHandlerReturningATask_PassesNoHandler()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.ReportAsync(new WorkLeftRunningAnalyzer(), InHandler("""
                    NotifyAsync(input);
            """)));

        Assert.Empty(diagnostic.AdditionalLocations);
    }

    [Fact]
    public Task NonAsyncVoidHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public void Handle(string input, ILambdaContext context) => {|#0:SendAsync(input)|};

            private static Task SendAsync(string message) => Task.CompletedTask;
        }
        """, NotAwaited(0, "SendAsync"));

    // ---- Reported: tasks kept in a local the body never uses -------------------------------------------------

    [Fact]
    public Task TaskInLocalNeverUsed_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                var pending = {|#0:NotifyAsync(input)|};
                Task later;
                later = {|#1:CountAsync()|};
                var _ = {|#2:NotifyAsync("x")|};
        """), NotAwaited(0, "NotifyAsync"), NotAwaited(1, "CountAsync"), NotAwaited(2, "NotifyAsync"));

    [Fact]
    public Task TaskInLocalOnlyInspectedOrOverwritten_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                var pending = {|#0:NotifyAsync(input)|};
                if (pending != null && !pending.IsCompleted && pending is not null)
                {
                    context.Logger.LogInformation(nameof(pending) + pending.Status);
                }

                pending = Task.CompletedTask;
        """), NotAwaited(0, "NotifyAsync"));

    [Fact]
    public Task TaskLocalOfANestedLambda_IsTrackedInThatLambda() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create(async (Stream input) =>
        {
            var forgotten = {|#0:SendAsync("a")|};
            var awaited = SendAsync("b");
            await awaited;
            var captured = SendAsync("c");
            async Task LaterAsync() => await captured;
            await LaterAsync();
            return input;
        }).Build().RunAsync();

        static Task SendAsync(string message) => Task.CompletedTask;
        """, NotAwaited(0, "SendAsync"));

    // ---- Reported: work started on other threads --------------------------------------------------------------

    [Fact]
    public Task TaskRunAndStartNew_Report() => Verify.VerifyAnalyzerAsync(InHandler("""
                _ = {|#0:Task.Run(() => NotifyAsync(input))|};
                {|#1:Task.Factory.StartNew(() => Console.WriteLine(input))|};
                var started = {|#2:Task.Run(() => 42)|};
                {|#3:Task.Run(() => NotifyAsync(input)).ConfigureAwait(false)|};
        """),
        Lost(WorkLeftRunningAnalyzer.StartedTaskRule, 0, "Run"),
        Lost(WorkLeftRunningAnalyzer.StartedTaskRule, 1, "StartNew"),
        Lost(WorkLeftRunningAnalyzer.StartedTaskRule, 2, "Run"),
        Lost(WorkLeftRunningAnalyzer.StartedTaskRule, 3, "Run"));

    [Fact]
    public Task ContinueWithNotAwaited_ReportsTheContinuationOnly() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:NotifyAsync(input).ContinueWith(t => context.Logger.LogError(t.Exception!.Message), TaskContinuationOptions.OnlyOnFaulted)|};
                var count = CountAsync();
                _ = {|#1:count.ContinueWith(t => t.Result + 1)|};
        """), Lost(WorkLeftRunningAnalyzer.ContinuationRule, 0, "ContinueWith"), Lost(WorkLeftRunningAnalyzer.ContinuationRule, 1, "ContinueWith"));

    [Fact]
    public Task ThreadPoolQueue_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:ThreadPool.QueueUserWorkItem(_ => Console.WriteLine(input))|};
                var queued = {|#1:ThreadPool.UnsafeQueueUserWorkItem(_ => Console.WriteLine(input), null)|};
        """), Lost(WorkLeftRunningAnalyzer.QueuedWorkRule, 0, "QueueUserWorkItem"), Lost(WorkLeftRunningAnalyzer.QueuedWorkRule, 1, "UnsafeQueueUserWorkItem"));

    [Fact]
    public Task ThreadStartedAndNotJoined_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:new Thread(() => Console.WriteLine(input)) { IsBackground = true }.Start()|};
                var worker = new Thread(state => Console.WriteLine(state));
                worker.IsBackground = true;
                {|#1:worker.Start(input)|};
        """), Lost(WorkLeftRunningAnalyzer.ThreadRule, 0, "Start"), Lost(WorkLeftRunningAnalyzer.ThreadRule, 1, "Start"));

    [Fact]
    public Task ThreadingTimerNeverDisposed_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                var heartbeat = {|#0:new Timer(_ => Console.WriteLine(input), null, 0, 1000)|};
                heartbeat.Change(0, 500);
                _ = {|#1:new Timer(_ => Console.WriteLine(input), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan)|};
        """),
        Lost(WorkLeftRunningAnalyzer.TimerRule, 0, "System.Threading.Timer"),
        Lost(WorkLeftRunningAnalyzer.TimerRule, 1, "System.Threading.Timer"));

    [Fact]
    public Task TimersTimerStartedAndNotStopped_Reports() => Verify.VerifyAnalyzerAsync(InHandler("""
                var timer = new System.Timers.Timer(1000);
                timer.Elapsed += (sender, e) => Console.WriteLine(input);
                timer.AutoReset = true;
                {|#0:timer.Start()|};
        """), Lost(WorkLeftRunningAnalyzer.TimerRule, 0, "System.Timers.Timer"));

    // ---- Reported: async void -----------------------------------------------------------------------------------

    [Fact]
    public Task AsyncVoidMethodAndLocalFunctionCalls_Report() => Verify.VerifyAnalyzerAsync(InHandler("""
                {|#0:FireAndForget(input)|};
                {|#1:Log()|};

                async void Log() => await NotifyAsync("log");
        """, """
            private async void FireAndForget(string message) => await NotifyAsync(message);
        """), Lost(WorkLeftRunningAnalyzer.AsyncVoidCallRule, 0, "FireAndForget"), Lost(WorkLeftRunningAnalyzer.AsyncVoidCallRule, 1, "Log"));

    [Fact]
    public Task AsyncLambdaPassedAsAction_ReportsTheLambdaHead() => Verify.VerifyAnalyzerAsync(InHandler("""
                var records = new List<string> { input };
                records.ForEach({|#0:async r =>|} await NotifyAsync(r));
                Parallel.ForEach(records, {|#1:async (r) =>|}
                {
                    await NotifyAsync(r);
                });
                Parallel.Invoke({|#2:async () =>|} await NotifyAsync("a"), () => Console.WriteLine("b"));
                records.ForEach({|#3:async delegate (string r)|} { await NotifyAsync(r); });
                using var timer = new Timer({|#4:async _ =>|} await NotifyAsync("tick"));
        """),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaArgumentRule, 0, "ForEach"),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaArgumentRule, 1, "ForEach"),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaArgumentRule, 2, "Invoke"),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaArgumentRule, 3, "ForEach"),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaArgumentRule, 4, "Timer"));

    [Fact]
    public Task AsyncLambdaConvertedToVoidDelegate_ReportsTheDelegateType() => Verify.VerifyAnalyzerAsync(InHandler("""
                Action<string> send = {|#0:async message =>|} await NotifyAsync(message);
                send(input);
                var timer = new System.Timers.Timer(1000);
                timer.Elapsed += {|#1:async (sender, e) =>|} await NotifyAsync("tick");
                timer.Dispose();
        """),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaConversionRule, 0, "Action"),
        Lost(WorkLeftRunningAnalyzer.AsyncLambdaConversionRule, 1, "ElapsedEventHandler"));

    [Fact]
    public async Task Properties_TellTheFixerTheShape()
    {
        var source = InHandler("""
                    NotifyAsync(input);
                    _ = NotifyAsync(input);
                    var pending = NotifyAsync(input);
                    Function? other = null;
                    other?.NotifyAsync(input);
                    ThreadPool.QueueUserWorkItem(_ => { });
                    Fire();
                    Action go = async () => await NotifyAsync(input);
                    _ = Task.Run(() => { });
            """, """
                private async void Fire() => await Task.Yield();
            """);
        var compilation = await AnalyzerRunner.CompileAsync([("Function.cs", source)]);
        var result = await AnalyzerRunner.RunAsync(compilation, [new WorkLeftRunningAnalyzer()]);

        Assert.Empty(result.Crashes);
        var kinds = result.Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.Properties[WorkLeftRunningAnalyzer.KindProperty]));
        Assert.Equal(
            [
                ("NotifyAsync(input)", WorkLeftRunningAnalyzer.KindStatement),
                ("NotifyAsync(input)", WorkLeftRunningAnalyzer.KindDiscarded),
                ("NotifyAsync(input)", WorkLeftRunningAnalyzer.KindLocal),
                ("other?.NotifyAsync(input)", WorkLeftRunningAnalyzer.KindConditionalAccess),
                ("ThreadPool.QueueUserWorkItem(_ => { })", WorkLeftRunningAnalyzer.KindStartedWork),
                ("Fire()", WorkLeftRunningAnalyzer.KindAsyncVoidCall),
                ("async () =>", WorkLeftRunningAnalyzer.KindAsyncLambda),
                ("Task.Run(() => { })", WorkLeftRunningAnalyzer.KindDiscarded),
            ],
            kinds);
    }

    // ---- Reported: every programming model ---------------------------------------------------------------------

    [Fact]
    public Task TopLevelHandlerLambda_ReportsOnlyInsideTheHandler() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        _ = WarmUpAsync();
        var handler = async (string input, ILambdaContext context) =>
        {
            _ = {|#0:SendAsync(input)|};
            await Task.Yield();
            return input;
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

        static Task WarmUpAsync() => Task.CompletedTask;
        static Task SendAsync(string message) => Task.CompletedTask;
        """, NotAwaited(0, "SendAsync"));

    [Fact]
    public Task LambdaFunctionAttribute_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public string Get(string id)
            {
                {|#0:AuditAsync(id)|};
                return id;
            }

            private static Task AuditAsync(string id) => Task.CompletedTask;
        }
        """, NotAwaited(0, "AuditAsync"));

    [Fact]
    public Task LocalFunctionCalledByHandler_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create(HandleAsync).Build().RunAsync();

        async Task<Stream> HandleAsync(Stream input)
        {
            Audit();
            await Task.Yield();
            return input;
        }

        void Audit() => _ = {|#0:Task.Run(() => { })|};
        """, Lost(WorkLeftRunningAnalyzer.StartedTaskRule, 0, "Run"));

    // ---- Not reported: the work is awaited, returned, passed, stored, captured or waited for ------------------

    [Fact]
    public Task TaskAwaitedLater_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var pending = NotifyAsync(input);
                var count = await CountAsync();
                await pending;
                Task assigned;
                await (assigned = NotifyAsync(input));
                var configured = FlushAsync();
                await configured.ConfigureAwait(false);
        """));

    [Fact]
    public Task TaskAwaitedThroughWhenAll_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var first = NotifyAsync("a");
                var second = NotifyAsync("b");
                await Task.WhenAll(first, second);
                var third = CountAsync();
                await Task.WhenAny(third, Task.Delay(1000));
                var fourth = NotifyAsync("d");
                await fourth.WaitAsync(TimeSpan.FromSeconds(1));
        """));

    [Fact]
    public Task TaskAwaitedOnSomePathsOnly_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var pending = NotifyAsync(input);
                if (input.Length > 3)
                {
                    await pending;
                }
        """));

    [Fact]
    public Task TaskReturnedByNonAsyncHandler_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context) => SendAsync(input);

            public Task<int> Count(string input, ILambdaContext context)
            {
                var count = CountAsync();
                return count;
            }

            public Task Run(string input, ILambdaContext context)
            {
                return Task.Run(() => SendAsync(input));
            }

            private static Task SendAsync(string message) => Task.CompletedTask;
            private static Task<int> CountAsync() => Task.FromResult(1);
        }
        """);

    [Fact]
    public Task TaskPassedAsArgument_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                Track(NotifyAsync(input));
                var pending = CountAsync();
                Track(pending);
                NotifyAsync(input).Forget();
        """, """
            private static void Track(Task task) { }
        }

        public static class TaskExtensions
        {
            public static void Forget(this Task task) { }
        """));

    [Fact]
    public Task TaskStoredInFieldCollectionOrOtherVariable_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                _pending = NotifyAsync(input);
                var tasks = new List<Task> { NotifyAsync("a") };
                tasks.Add(NotifyAsync("b"));
                Task[] array = { NotifyAsync("c") };
                var local = NotifyAsync("d");
                var copy = local;
                var stored = NotifyAsync("e");
                _pending = stored;
                var listed = NotifyAsync("f");
                tasks.Add(listed);
                await Task.WhenAll(tasks);
                await copy;
        """, """
            private Task? _pending;
        """));

    [Fact]
    public Task TaskCapturedInLambda_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var pending = NotifyAsync(input);
                Func<Task> later = () => pending;
                var inspected = NotifyAsync(input);
                Func<bool> done = () => inspected.IsCompleted;
                await later();
        """));

    [Fact]
    public Task TaskWaitedForSynchronously_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var first = CountAsync();
                var value = first.Result;
                var second = NotifyAsync(input);
                second.Wait();
                var third = NotifyAsync(input);
                third.GetAwaiter().GetResult();
                var fourth = NotifyAsync(input);
                _ = fourth.ContinueWith(t => 1).Result;
                var fifth = ReadAsync();
                _ = fifth.Result;
                var polled = NotifyAsync(input);
                while (!polled.IsCompleted)
                {
                    Thread.Sleep(10);
                }
        """));

    [Fact]
    public Task CompletedTasksAndLazySequences_DoNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                _ = Task.FromResult(1);
                Task.FromException(new InvalidOperationException());
                _ = Task.FromCanceled(new CancellationToken(true));
                _ = ValueTask.FromResult(2);
                var completed = Task.CompletedTask;
                _ = StreamAsync();
                StreamAsync();
                var sequence = StreamAsync();
        """));

    [Fact]
    public Task ThreadJoined_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var worker = new Thread(() => Console.WriteLine(input));
                worker.Start();
                worker.Join();
                var other = new Thread(() => Console.WriteLine(input));
                other.Start();
                if (!other.Join(TimeSpan.FromSeconds(1)))
                {
                    context.Logger.LogWarning("still running");
                }
        """));

    [Fact]
    public Task ThreadingTimerDisposedOrStopped_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                using var first = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                using (var second = new Timer(_ => Console.WriteLine(input), null, 0, 1000))
                {
                }

                var third = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                third.Dispose();
                var fourth = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                await fourth.DisposeAsync();
                var fifth = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                fifth.Change(Timeout.Infinite, Timeout.Infinite);
                var sixth = new Timer(_ => Console.WriteLine(input), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
                sixth.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Timer? seventh = null;
                seventh = new Timer(_ => seventh?.Dispose(), null, 1000, Timeout.Infinite);
        """));

    [Fact]
    public Task ThreadingTimerThatNeverFires_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var idle = new Timer(_ => Console.WriteLine(input));
                var unscheduled = new Timer(_ => Console.WriteLine(input), null, Timeout.Infinite, 1000);
                var unscheduledSpan = new Timer(_ => Console.WriteLine(input), null, Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(1));
        """));

    [Fact]
    public Task TimerStoredInFieldOrPassed_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                _timer = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                var timer = new Timer(_ => Console.WriteLine(input), null, 0, 1000);
                Keep(timer);
                _timers.Add(new Timer(_ => Console.WriteLine(input), null, 0, 1000));
        """, """
            private Timer? _timer;
            private readonly List<Timer> _timers = new();
            private static void Keep(IDisposable disposable) { }
        """));

    [Fact]
    public Task TimersTimerStoppedOrDisposed_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var first = new System.Timers.Timer(1000);
                first.Start();
                first.Stop();
                var second = new System.Timers.Timer(1000);
                second.Start();
                second.Dispose();
                using var third = new System.Timers.Timer(1000);
                third.Start();
                var fourth = new System.Timers.Timer(1000);
                fourth.Start();
                fourth.Enabled = false;
                var fifth = new System.Timers.Timer(1000);
                fifth.Start();
                fifth.Close();
                _shared.Start();
        """, """
            private readonly System.Timers.Timer _shared = new(1000);
        """));

    [Fact]
    public Task WorkThatSignalsTheBody_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var done = new TaskCompletionSource();
                ThreadPool.QueueUserWorkItem(_ => { Console.WriteLine(input); done.SetResult(); });
                await done.Task;
                using var countdown = new CountdownEvent(1);
                new Thread(() => { Console.WriteLine(input); countdown.Signal(); }).Start();
                countdown.Wait();
                var gate = new ManualResetEvent(false);
                var worker = new Thread(() => gate.Set());
                worker.Start();
                gate.WaitOne();
                var result = new TaskCompletionSource<int>();
                _ = Task.Run(() => result.SetResult(42));
                await result.Task;
        """));

    [Fact]
    public Task StartedWorkAwaited_DoesNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                await Task.Run(() => NotifyAsync(input));
                var started = Task.Factory.StartNew(() => Console.WriteLine(input));
                await started;
                await NotifyAsync(input).ContinueWith(t => context.Logger.LogInformation("sent"));
        """));

    [Fact]
    public Task AsyncLambdasThatAreAwaited_DoNotReport() => Verify.VerifyAnalyzerAsync(InHandler("""
                var records = new List<string> { input };
                await Parallel.ForEachAsync(records, async (r, token) => await NotifyAsync(r));
                await Task.WhenAll(records.Select(async r => await NotifyAsync(r)));
                Func<Task> later = async () => await NotifyAsync(input);
                await later();
                foreach (var record in records)
                {
                    await NotifyAsync(record);
                }
        """).Replace("using System;", "using System;\nusing System.Linq;"));

    [Fact]
    public Task HandlerLambdaItselfAsyncVoid_IsLeftToLMB0003() => Verify.VerifyProgramAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        Action<string, ILambdaContext> handler = async (input, context) => await Task.Yield();
        handler("x", null!);
        """);

    // ---- Not reported: init code and code outside handlers ----------------------------------------------------

    [Fact]
    public Task InitCode_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        // Warm-up before RunAsync runs once, during init.
        _ = WarmUpAsync();
        Task.Run(() => Console.WriteLine("warming"));
        ThreadPool.QueueUserWorkItem(_ => Console.WriteLine("warming"));
        new Thread(() => Console.WriteLine("warming")).Start();
        var timer = new Timer(_ => Console.WriteLine("tick"), null, 0, 1000);
        Action warm = async () => await WarmUpAsync();
        FireAndForget();

        var handler = (Stream input) => Task.FromResult(input);
        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();

        static Task WarmUpAsync() => Task.CompletedTask;
        static async void FireAndForget() => await Task.Yield();
        """);

    [Fact]
    public Task ConstructorAndFieldInitializers_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private readonly Task _warm = Task.Run(() => Console.WriteLine("warming"));

            public Function()
            {
                _ = WarmUpAsync();
                Task.Run(() => Console.WriteLine("warming"));
            }

            public Task<string> Handle(string input, ILambdaContext context) => Task.FromResult(input);

            private static Task WarmUpAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CodeOutsideHandlers_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public class Worker
        {
            public void Start(string input)
            {
                _ = SendAsync(input);
                Task.Run(() => Console.WriteLine(input));
                ThreadPool.QueueUserWorkItem(_ => Console.WriteLine(input));
                new Thread(() => Console.WriteLine(input)).Start();
                Action send = async () => await SendAsync(input);
                Fire();
            }

            private static Task SendAsync(string message) => Task.CompletedTask;
            private static async void Fire() => await Task.Yield();
        }
        """);

    [Fact]
    public Task HelperCalledByHandler_IsReached_AndReportedWithThePath() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context) => await {|#1:Helper(input)|};

            private Task Helper(string input)
            {
                _ = {|#0:SendAsync(input)|};
                return Task.CompletedTask;
            }

            private static Task SendAsync(string message) => Task.CompletedTask;
        }
        """, Verify.Diagnostic(LambdaAnalyzers.Rules.Reached.TwinOf(WorkLeftRunningAnalyzer.TaskRule)).WithLocation(0).WithLocation(1)
            .WithArguments("SendAsync", "Function.Handle", "'Function.Helper'"));

    // ---- Not reported: not a Lambda project, generated code ---------------------------------------------------

    [Fact]
    public Task WithoutAmazonLambdaCore_DoesNotReport() => new Verify.Test
    {
        WithoutLambda = true,
        TestCode = """
            using System.Threading.Tasks;

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { }
            }

            public class Function
            {
                public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
                {
                    _ = SendAsync(input);
                    Task.Run(() => { });
                }

                private static Task SendAsync(string message) => Task.CompletedTask;
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
                    using System.Threading.Tasks;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public void Handle(string input, ILambdaContext context)
                        {
                            _ = SendAsync(input);
                            Task.Run(() => { });
                        }

                        private static Task SendAsync(string message) => Task.CompletedTask;
                    }
                    """),
            },
        },
    }.RunAsync();
}
