using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Meta;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.HandlerNotAwaitableAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class HandlerNotAwaitableAnalyzerTests
{
    private static DiagnosticResult AsyncVoid(int markup, string method) =>
        Verify.Diagnostic(HandlerNotAwaitableAnalyzer.AsyncVoidRule).WithLocation(markup).WithArguments(method);

    private static DiagnosticResult ValueTask(int markup, string method, string returned, string replacement) =>
        Verify.Diagnostic(HandlerNotAwaitableAnalyzer.ValueTaskRule).WithLocation(markup).WithArguments(method, returned, replacement);

    private static DiagnosticResult ActionLambda(int markup, string registration, string delegateType) =>
        Verify.Diagnostic(HandlerNotAwaitableAnalyzer.ActionLambdaRule).WithLocation(markup).WithArguments(registration, delegateType);

    // ---- Reported: async void ---------------------------------------------------------------------------------

    [Fact]
    public Task AsyncVoidClassLibraryHandler_ReportsOnTheIdentifier() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async void {|#0:FunctionHandler|}(SQSEvent input, ILambdaContext context)
            {
                await Task.Delay(10);
                context.Logger.LogLine(input.Records.Count.ToString());
            }
        }
        """, AsyncVoid(0, "FunctionHandler"));

    [Fact]
    public Task AsyncVoidStaticHandlerTakingOnlyTheContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async void {|#0:Handle|}(ILambdaContext context) => await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    [Fact]
    public Task AsyncVoidLambdaFunctionWithoutContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async void {|#0:Refresh|}(string tenant) => await Task.Delay(10);
        }
        """, AsyncVoid(0, "Refresh"));

    [Fact]
    public Task AsyncVoidHelperTakingTheContext_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context)
            {
                Log(input, context);
                return Task.CompletedTask;
            }

            // Not the handler, but every method with an ILambdaContext counts: an async void helper is lost work too.
            private async void {|#0:Log|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                context.Logger.LogLine(input);
            }
        }
        """, AsyncVoid(0, "Log"));

    [Fact]
    public Task AsyncVoidExplicitInterfaceImplementation_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public interface IHandler
        {
            void Handle(string input, ILambdaContext context);
        }

        public class Function : IHandler
        {
            async void IHandler.{|#0:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    [Fact]
    public Task AsyncVoidPartialMethodImplementation_ReportsOnce() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public partial class Function
        {
            partial void Handle(string input, ILambdaContext context);

            async partial void {|#0:Handle|}(string input, ILambdaContext context) => await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    [Fact]
    public Task AsyncVoidLocalFunctionTakingTheContext_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create(Handle).Build().RunAsync();

        async void {|#0:Handle|}(Stream input, ILambdaContext context)
        {
            await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    [Fact]
    public Task AsyncVoidLocalFunctionRegisteredAsMethodGroup_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create(Handle).Build().RunAsync();

        async void {|#0:Handle|}(Stream input)
        {
            await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    [Fact]
    public Task AsyncVoidMethodRegisteredAsMethodGroupInMain_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        public static class Program
        {
            public static async Task Main()
            {
                using var wrapper = HandlerWrapper.GetHandlerWrapper(Handle);
                using var bootstrap = new LambdaBootstrap(wrapper);
                await bootstrap.RunAsync();
            }

            private static async void {|#0:Handle|}(Stream input) => await Task.Delay(10);
        }
        """, AsyncVoid(0, "Handle"));

    // ---- Reported: ValueTask --------------------------------------------------------------------------------

    [Fact]
    public Task ValueTaskOfTClassLibraryHandler_ReportsWithTheReplacement() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async ValueTask<string> {|#0:FunctionHandler|}(string input, ILambdaContext context)
            {
                await Task.Delay(10);
                return input.ToUpperInvariant();
            }
        }
        """, ValueTask(0, "FunctionHandler", "ValueTask<string>", "Task<string>"));

    [Fact]
    public async Task ValueTaskMethodNamedByAHandlerString_ReportsEvenThoughTheProjectCallsIt()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                namespace Orders
                {
                    public class Function
                    {
                        public async ValueTask<string> {|#0:Handle|}(string input)
                        {
                            await Task.Delay(10);
                            return input;
                        }

                        public async ValueTask<string> Helper(string input) => await Handle(input);
                    }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/aws-lambda-tools-defaults.json", """{ "function-handler": "TestProject::Orders.Function::Handle" }"""));
        test.ExpectedDiagnostics.Add(ValueTask(0, "Handle", "ValueTask<string>", "Task<string>"));
        await test.RunAsync();
    }

    [Fact]
    public Task ValueTaskHandler_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Function
        {
            public static async ValueTask {|#0:Handle|}(ILambdaContext context) => await Task.Delay(10);
        }
        """, ValueTask(0, "Handle", "ValueTask", "Task"));

    [Fact]
    public Task ValueTaskHandlerWithNullableResult_KeepsTheAnnotationInTheMessage() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public ValueTask<string?> {|#0:Handle|}(string input, ILambdaContext context) => new ValueTask<string?>(input);
        }
        """, ValueTask(0, "Handle", "ValueTask<string?>", "Task<string?>"));

    [Fact]
    public Task ValueTaskPrivateHandlerNeverCalled_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        // The runtime finds non-public handler methods too.
        public struct Function
        {
            private async ValueTask<int> {|#0:Count|}(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input.Length;
            }
        }
        """, ValueTask(0, "Count", "ValueTask<int>", "Task<int>"));

    [Fact]
    public Task ValueTaskLambdaFunction_ReportsEvenWhenCalled() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            [LambdaFunction]
            public async ValueTask<int> {|#0:Add|}(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }

            // The generated wrapper calls it without awaiting, whatever else does.
            public async Task<int> Twice(int x) => await Add(x, x);
        }
        """, ValueTask(0, "Add", "ValueTask<int>", "Task<int>"));

    [Fact]
    public Task ValueTaskLambdaFunctionInAnExecutable_Reports() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        await Task.CompletedTask;

        public class Functions
        {
            [LambdaFunction]
            public ValueTask {|#0:Ping|}(ILambdaContext context) => default;
        }
        """, ValueTask(0, "Ping", "ValueTask", "Task"));

    // ---- Reported: async lambda given to a bootstrap as an Action --------------------------------------------

    [Fact]
    public Task AsyncLambdaCastToAction_ReportsOnTheAsyncKeyword() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create((Action<Stream, ILambdaContext>)({|#0:async|} (stream, context) =>
        {
            await Task.Delay(10);
        })).Build().RunAsync();
        """, ActionLambda(0, "Create", "Action<Stream, ILambdaContext>"));

    [Fact]
    public Task AsyncLambdaInNewAction_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        using var wrapper = HandlerWrapper.GetHandlerWrapper(new Action<Stream>({|#0:async|} stream => await stream.FlushAsync()));
        using var bootstrap = new LambdaBootstrap(wrapper);
        await bootstrap.RunAsync();
        """, ActionLambda(0, "GetHandlerWrapper", "Action<Stream>"));

    [Fact]
    public Task AsyncAnonymousMethodAsAction_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        await LambdaBootstrapBuilder.Create(new Action<Stream>({|#0:async|} delegate (Stream stream) { await stream.FlushAsync(); })).Build().RunAsync();
        """, ActionLambda(0, "Create", "Action<Stream>"));

    [Fact]
    public Task ActionLocalHoldingAnAsyncLambda_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        Action<string, ILambdaContext> handler = {|#0:async|} (input, context) =>
        {
            await Task.Delay(10);
            context.Logger.LogLine(input);
        };

        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """, ActionLambda(0, "Create", "Action<string, ILambdaContext>"));

    [Fact]
    public Task ActionLocalInMainRegisteredTwice_ReportsOnce() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        public static class Program
        {
            public static async Task Main(string[] args)
            {
                Action<Stream> handler = {|#0:async|} stream => await stream.FlushAsync();
                var builder = args.Length > 0 ? LambdaBootstrapBuilder.Create(handler) : LambdaBootstrapBuilder.Create(handler);
                await builder.Build().RunAsync();
            }
        }
        """, ActionLambda(0, "Create", "Action<Stream>"));

    // ---- Not reported ------------------------------------------------------------------------------------------

    [Fact]
    public Task AsyncTaskHandlers_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task FunctionHandler(string input, ILambdaContext context) => await Task.Delay(10);

            public async Task<string> Echo(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input;
            }

            [LambdaFunction]
            public async Task<int> Add(int x, int y)
            {
                await Task.Yield();
                return x + y;
            }

            public void Sync(string input, ILambdaContext context) => context.Logger.LogLine(input);
        }
        """);

    [Fact]
    public Task AsyncVoidWithoutContext_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using System.Timers;
        using Amazon.Lambda.Core;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context) => Task.CompletedTask;

            // An event handler: async void is its only shape, and it takes no ILambdaContext.
            private async void OnElapsed(object? sender, ElapsedEventArgs e) => await Task.Yield();
        }
        """);

    [Fact]
    public Task AsyncVoidMethodGroupInAnotherFile_IsKnowinglyNotReported() => new Verify.Test
    {
        TestState =
        {
            OutputKind = OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using Amazon.Lambda.RuntimeSupport;

                await LambdaBootstrapBuilder.Create(Handlers.Handle).Build().RunAsync();
                """,
                """
                using System.IO;
                using System.Threading.Tasks;

                public static class Handlers
                {
                    public static async void Handle(Stream input) => await Task.Delay(10);
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task ValueTaskHelperCalledByTheHandler_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context) => await CountAsync(input, context);

            // Has the shape of a handler, but the project calls it: a helper the handler awaits.
            public async ValueTask<int> CountAsync(string input, ILambdaContext context)
            {
                await Task.Yield();
                return input.Length;
            }
        }
        """);

    [Fact]
    public Task ValueTaskHelperCalledFromAnotherClass_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public static class Telemetry
        {
            public static ValueTask FlushAsync(ILambdaContext context) => default;
        }

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context) => await Telemetry.FlushAsync(context);
        }
        """);

    [Fact]
    public Task ValueTaskHandlerWhoseNameIsUsedInAnotherFile_IsKnowinglyNotReported() => new Verify.Test
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
                    public ValueTask<int> Handle(string input, ILambdaContext context) => new(input.Length);
                }
                """,
                """
                public class Other
                {
                    public void Handle() { }

                    public void Run() => Handle();
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task ValueTaskHandlerNamedInAnotherFileOnlyInCommentsStringsAndDeclarations_Reports() => new Verify.Test
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
                    public ValueTask<int> {|#0:Handle|}(string input, ILambdaContext context) => new(input.Length);
                }
                """,
                """
                using System.Threading.Tasks;

                /// <summary>Calls <c>Handle</c> nowhere; see <see cref="Function.Handle"/>.</summary>
                public class Other
                {
                    // Handle(input, context) is the handler's name.
                    public const string Name = "Handle";

                    public int HandleCount;

                    public void Handled() { }
                }

                public class Another
                {
                    public ValueTask<int> {|#1:Handle|}(string input, Amazon.Lambda.Core.ILambdaContext context) => new(0);
                }
                """,
            },
            ExpectedDiagnostics =
            {
                ValueTask(0, "Handle", "ValueTask<int>", "Task<int>"),
                ValueTask(1, "Handle", "ValueTask<int>", "Task<int>"),
            },
        },
    }.RunAsync();

    [Fact]
    public Task ValueTaskHandlerWhoseNameIsUsedForAnotherMethodInItsFile_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            public ValueTask<int> {|#0:Handle|}(string input, ILambdaContext context) => new(input.Length);

            /// <summary>Not <see cref="Handle(string, ILambdaContext)"/>: a name in a comment is no call.</summary>
            public void Run(Other other) => other.Handle();
        }

        public class Other
        {
            public void Handle() { }
        }
        """, ValueTask(0, "Handle", "ValueTask<int>", "Task<int>"));

    [Fact]
    public Task ValueTaskHelperUsedAsMethodGroup_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly Func<string, ILambdaContext, ValueTask<int>> s_count = CountAsync;

            public async Task<int> Handle(string input, ILambdaContext context) => await s_count(input, context);

            private static ValueTask<int> CountAsync(string input, ILambdaContext context) => new(input.Length);
        }
        """);

    [Fact]
    public Task ValueTaskMethodInAnExecutable_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        await Task.CompletedTask;

        public class Function
        {
            public ValueTask<int> Handle(string input, ILambdaContext context) => new(input.Length);
        }
        """);

    [Theory]
    [InlineData("public ValueTask<int> Handle(string input, string other, ILambdaContext context) => default;")]
    [InlineData("public ValueTask<int> Handle(ILambdaContext context, string input) => default;")]
    [InlineData("public ValueTask<int> Handle<T>(T input, ILambdaContext context) => default;")]
    [InlineData("public ValueTask<int> Handle(ref string input, ILambdaContext context) => default;")]
    [InlineData("public ValueTask<int> Handle(string input) => default;")]
    [InlineData("public ValueTask<int> Handle(string input, ILambdaContext context) => default; public Task Twin(string input, ILambdaContext context) => Handle(input, context).AsTask();")]
    public Task ValueTaskMethodWithoutTheHandlerShape_DoesNotReport(string member) => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            {{member}}
        }
        """);

    [Fact]
    public Task ValueTaskInGenericOrAbstractClass_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function<T>
        {
            public ValueTask Handle(string input, ILambdaContext context) => default;
        }

        public abstract class Base
        {
            public ValueTask Handle(string input, ILambdaContext context) => default;
        }

        public interface IHandler
        {
            ValueTask Handle(string input, ILambdaContext context) => default;
        }
        """);

    [Fact]
    public Task ValueTaskOverrideAndInterfaceImplementation_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public abstract class FunctionBase
        {
            public async Task<string> FunctionHandler(string input, ILambdaContext context) => await ProcessAsync(input, context);

            protected abstract ValueTask<string> ProcessAsync(string input, ILambdaContext context);
        }

        public sealed class Function : FunctionBase
        {
            protected override ValueTask<string> ProcessAsync(string input, ILambdaContext context) => new(input);
        }

        public interface IStep
        {
            ValueTask RunAsync(ILambdaContext context);
        }

        public sealed class Step : IStep
        {
            public ValueTask RunAsync(ILambdaContext context) => default;
        }

        public static class Pipeline
        {
            public static async Task Handle(IStep step, ILambdaContext context) => await step.RunAsync(context);
        }
        """);

    [Fact]
    public Task AsyncLambdaGivenAsFunc_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        // The natural type of an async lambda, and the overload the compiler prefers, return Task.
        var handler = async (string input, ILambdaContext context) => await Task.FromResult(input.Length);
        Func<Stream, Task> raw = async stream => await stream.FlushAsync();
        var first = LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer());
        var second = LambdaBootstrapBuilder.Create(raw);
        var third = LambdaBootstrapBuilder.Create(async (Stream stream, ILambdaContext context) => await stream.FlushAsync());
        await first.Build().RunAsync();
        """);

    [Fact]
    public Task SynchronousLambdaGivenAsAction_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        Action<Stream, ILambdaContext> handler = (stream, context) => context.Logger.LogLine("ping");
        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
        """);

    [Fact]
    public Task ActionLocalAssignedTwice_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.RuntimeSupport;

        // Which lambda the bootstrap gets is not known without flow analysis.
        Action<Stream> handler = stream => stream.Flush();
        if (Environment.GetEnvironmentVariable("ASYNC") is not null)
        {
            handler = async stream => await stream.FlushAsync();
        }

        await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
        """);

    [Fact]
    public Task AsyncActionNotGivenToABootstrap_DoesNotReport() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;

        Action<Stream> onShutdown = async stream => await stream.FlushAsync();
        await LambdaBootstrapBuilder.Create(async (Stream stream, ILambdaContext context) => await stream.FlushAsync()).Build().RunAsync();
        """);

    [Fact]
    public Task Constructors_AreNeverHandlers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Processor
        {
            private readonly Action _flush;

            // A constructor taking an ILambdaContext is no handler, and cannot be async; the Action it keeps is not
            // given to a bootstrap either.
            public Processor(ILambdaContext context)
            {
                _flush = async () => await Task.Delay(10);
                context.Logger.LogLine("created");
            }

            static Processor()
            {
                Action warm = async () => await Task.Yield();
                warm();
            }
        }
        """);

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
                public async void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => await Task.Delay(10);

                public async ValueTask<string> Echo(string input, Amazon.Lambda.Core.ILambdaContext context)
                {
                    await Task.Yield();
                    return input;
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
                    using System.Threading.Tasks;
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public async void Handle(string input, ILambdaContext context) => await Task.Delay(10);

                        public ValueTask<string> Echo(string input, ILambdaContext context) => new(input);
                    }
                    """),
            },
        },
    }.RunAsync();

    // ---- Half-typed code ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "public class Function { public async void Handle(string input, ILambdaContext context) { await Task.Delay(")]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "public class Function { public async ValueTask<Missing> Handle(string input, ILambdaContext context) => default; }")]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "public class Function { public async ValueTask< Handle(string input, ILambdaContext context) => default; }")]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "public class Function { public async void (string input, ILambdaContext context) { } }")]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "public class Function { public ValueTask Handle(string input, ILambdaContext context) => Handle(missing, context); }")]
    [InlineData(OutputKind.ConsoleApplication, "Action<Stream, ILambdaContext> handler = async (stream, context) => await ; await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();")]
    [InlineData(OutputKind.ConsoleApplication, "await LambdaBootstrapBuilder.Create((Action<Stream>)(async s => ")]
    [InlineData(OutputKind.ConsoleApplication, "await LambdaBootstrapBuilder.Create(new Action<Missing>(async s => await Task.Delay(1))).Build().RunAsync();")]
    [InlineData(OutputKind.ConsoleApplication, "await LambdaBootstrapBuilder.Create(Handle).Build().RunAsync(); async void Handle(Stream s, ILambdaContext c) { await ")]
    public async Task HalfTypedCode_NoException(OutputKind kind, string code)
    {
        var source = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;

            """ + code;
        var compilation = await AnalyzerRunner.CompileAsync([("Half.cs", source)], outputKind: kind);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var result = await AnalyzerRunner.RunAsync(compilation, [new HandlerNotAwaitableAnalyzer()]);

        Assert.Empty(result.Crashes);
    }

    [Fact]
    public void Descriptors_ShareTheRuleAndAreReportedWhereTheyCanBeFixed()
    {
        var analyzer = new HandlerNotAwaitableAnalyzer();
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(RuleIdentifiers.HandlerNotAwaitable, d.Id));
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));

        // A compilation-end diagnostic gets no light bulb in the IDE: every shape is decided while analyzing its own member.
        Assert.DoesNotContain(analyzer.SupportedDiagnostics, d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        Assert.Contains(RuleCatalog.Analyzers, a => a is HandlerNotAwaitableAnalyzer);
    }
}
