using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.InvocationDataKeptAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LMB0005 in code a handler reaches: a static member written with what a per-invocation call passes, when some call
/// passes invocation data. Collections that grow, and elements written, there are left alone.
/// </summary>
public sealed class InvocationDataKeptReachTests
{
    /// <summary>A static member written at markup 0, reached through <paramref name="through"/> from the call at markup 1.</summary>
    private static DiagnosticResult Static(string member, string through, string entry = "Function.Handle") =>
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.StaticRule)).WithLocation(0).WithLocation(1).WithArguments(member, entry, through);

    private const string Audit = """
        using System.Collections.Generic;

        public static class Audit
        {
            private static string s_lastUser = "";

            public static void Record(string user) => {|#0:s_lastUser|} = user;
        }
        """;

    // ---- Reported ---------------------------------------------------------------------------------------------

    [Fact]
    public Task ParameterGivenInvocationData_WrittenToAStatic_IsReportedWithThePath() => Verify.VerifyAnalyzerAsync(Audit + """

        public record Order(string User);

        public class Function
        {
            public void Handle(Order order, Amazon.Lambda.Core.ILambdaContext context) => {|#1:Audit.Record(order.User)|};
        }
        """, Static("s_lastUser", "'Audit.Record'"));

    [Fact]
    public Task ValueThroughALocalOfTheHandler_AndOneConstantCallBeside_IsReported() => Verify.VerifyAnalyzerAsync(Audit + """

        public class Function
        {
            public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context)
            {
                Audit.Record("system");
                var user = input.Trim();
                {|#1:Audit.Record(user)|};
            }
        }
        """,
        // The path is the first call's; the data comes from the second.
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.StaticRule)).WithLocation(0).WithArguments("s_lastUser", "Function.Handle", "'Audit.Record'")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task ParameterPassedOnByAReachedCaller_AndALambdaParameterOfTheHandler_AreFollowed() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public static class Session
        {
            private static string s_current = "";

            public static void Begin(string user) => Store(user.ToUpperInvariant());

            private static void Store(string name) => {|#0:s_current|} = name;
        }

        public class Function
        {
            public void Handle(List<string> users, ILambdaContext context) => users.ForEach(user => {|#1:Session.Begin(user)|});
        }
        """, Static("s_current", "'Session.Begin', 'Session.Store'"));

    [Fact]
    public Task OverrideThatABaseClassHandlerCalls_WritingAFieldOfTheReusedInstance_IsReported() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public abstract class EventFunction
        {
            public Task FunctionHandler(string input, ILambdaContext context) => {|#1:HandleAsync(input)|};

            protected abstract Task HandleAsync(string input);
        }

        public sealed class OrderFunction : EventFunction
        {
            private string _lastOrder = "";

            protected override Task HandleAsync(string input)
            {
                {|#0:_lastOrder|} = input;
                return Task.CompletedTask;
            }
        }
        """,
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.Rule)).WithLocation(0).WithLocation(1)
            .WithArguments("_lastOrder", "EventFunction.FunctionHandler", "'OrderFunction.HandleAsync'"));

    [Fact]
    public Task GenericBaseWhoseHandlerAHandlerStringNames_WritingItsOwnField_IsReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public abstract class QueueHandler<TMessage>
                {
                    private string _lastBody = "";

                    public Task FunctionHandler(string body, ILambdaContext context)
                    {
                        {|#0:_lastBody|} = body;
                        return HandleAsync(body);
                    }

                    protected abstract Task HandleAsync(string body);
                }

                public sealed class OrderHandler : QueueHandler<int>
                {
                    protected override Task HandleAsync(string body) => Task.CompletedTask;
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::OrderHandler::FunctionHandler
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(InvocationDataKeptAnalyzer.Rule).WithLocation(0).WithArguments("_lastBody"));
        return test.RunAsync();
    }

    private const string WorkerCreatedByAHandler = """
        using Amazon.Lambda.Core;

        public class Worker
        {
            private string _last = "";

            public void Handle(string input, ILambdaContext context) => {|#0:_last|} = input;

            public void Run(string input) { }
        }

        public class Function
        {
            public void Handle(string input, ILambdaContext context) => new Worker().Run(input);
        }
        """;

    [Fact]
    public Task HandlerShapedClassThatAHandlerCreates_WhenAHandlerStringNamesIt_IsStillReused()
    {
        var test = new Verify.Test { TestCode = WorkerCreatedByAHandler };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", """
            Resources:
              Work:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Worker::Handle
              Main:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Function::Handle
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(InvocationDataKeptAnalyzer.Rule).WithLocation(0).WithArguments("_last"));
        return test.RunAsync();
    }

    // ---- Not reported -----------------------------------------------------------------------------------------

    [Fact]
    public Task ConstantsOnly_ValuesFromElsewhere_AndGuardedWrites_AreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;

        public static class Audit
        {
            private static string s_lastUser = "";
            private static string? s_firstUser;
            private static DateTime s_lastSeen;

            public static void Record(string user) => s_lastUser = user;

            public static void First(string user) => s_firstUser ??= user;

            public static void Seen(DateTime when) => s_lastSeen = when;
        }

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                Audit.Record("system");
                Audit.First(input);
                Audit.Seen(DateTime.UtcNow);
            }
        }
        """);

    [Fact]
    public Task CollectionsFilledInAHelper_GuardedByTheCaller_PooledOrCached_AreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public static class Rates
        {
            private static readonly List<decimal> s_rates = new();
            private static readonly Dictionary<string, string> s_names = new();
            private static readonly Stack<byte[]> s_pool = new();

            public static bool IsEmpty => s_rates.Count == 0;

            public static void Load() => s_rates.Add(1.1m);

            public static void Remember(string id, string name) => s_names[id] = name;

            public static void Return(byte[] buffer) => s_pool.Push(buffer);
        }

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                if (Rates.IsEmpty)
                {
                    Rates.Load();
                }

                Rates.Remember(input, input.ToUpperInvariant());
                Rates.Return(new byte[16]);
            }
        }
        """);

    [Fact]
    public Task InstanceMethodRunOnAStatic_OrOnAMemberOfTheReusedInstance_WritingItsOwnField_IsReported() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class AuditLog
        {
            private string _lastUser = "";

            public void Record(string user) => {|#0:_lastUser|} = user;
        }

        public class Tracker
        {
            private string _lastOrder = "";

            public void Track(string order) => Remember(order.Trim());

            private void Remember(string order) => {|#2:_lastOrder|} = order;
        }

        public class Function
        {
            private static readonly AuditLog s_audit = new();
            private readonly Tracker _tracker = new();

            public void Handle(string input, ILambdaContext context)
            {
                {|#1:s_audit.Record(input)|};
                var tracker = _tracker;
                {|#3:tracker.Track(input)|};
            }
        }
        """,
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.HeldRule)).WithLocation(0).WithLocation(1)
            .WithArguments("_lastUser", "Function.Handle", "'AuditLog.Record'"),
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.HeldRule)).WithLocation(2).WithLocation(3)
            .WithArguments("_lastOrder", "Function.Handle", "'Tracker.Track', 'Tracker.Remember'"));

    [Fact]
    public Task InstanceMethodRunOnAnObjectCreatedPerInvocation_OrOnAParameter_IsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class AuditLog
        {
            private string _lastUser = "";

            public void Record(string user) => _lastUser = user;
        }

        public static class Auditing
        {
            public static void RecordWith(AuditLog log, string user) => log.Record(user);
        }

        public class Function
        {
            private static AuditLog Current => new AuditLog();

            private static AuditLog Create() => new AuditLog();

            public void Handle(string input, ILambdaContext context)
            {
                var log = new AuditLog();
                log.Record(input);
                Auditing.RecordWith(new AuditLog(), input);
                Create().Record(input);
                Current.Record(input);
            }
        }
        """);

    [Fact]
    public Task LambdaFunctionClassThatAHandlerAlsoCreates_IsStillReused() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;

        public class Functions
        {
            private string _last = "";

            [LambdaFunction]
            public string Handle(string input, ILambdaContext context) => {|#0:_last|} = input;
        }

        public class Relay
        {
            public string Forward(string input, ILambdaContext context) => new Functions().Handle(input, context);
        }
        """, Verify.Diagnostic(InvocationDataKeptAnalyzer.Rule).WithLocation(0).WithArguments("_last"));

    [Fact]
    public Task ClassAHandlerStringNamesThroughItsBaseClass_IsStillReused_ThoughAHandlerCreatesIt()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;

                public class QueueFunction
                {
                    public void Handle(string input, ILambdaContext context) => Remember(input);

                    protected virtual void Remember(string input) { }
                }

                public class OrderFunction : QueueFunction
                {
                    private string _last = "";

                    protected override void Remember(string input) => {|#0:_last|} = input;
                }

                public class Relay
                {
                    public string Forward(string input, ILambdaContext context) => new OrderFunction().ToString()!;
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::OrderFunction::Handle
              Relay:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Relay::Forward
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.Rule)).WithLocation(0)
            .WithArguments("_last", "QueueFunction.Handle", "'OrderFunction.Remember'").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task HandlerShapedClassThatAHandlerCreates_IsAPerInvocationObject() =>
        Verify.VerifyAnalyzerAsync(WorkerCreatedByAHandler.Replace("{|#0:_last|}", "_last"));

    [Fact]
    public Task InstanceFieldsOfAnObjectCreatedPerInvocation_AndCallsFromInitCode_AreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;

        public class Cart
        {
            private string _owner = "";

            public void Open(string owner) => _owner = owner;
        }

        public static class Defaults
        {
            private static string s_region = "";

            public static void Configure(string region) => s_region = region;
        }

        public class Function
        {
            public Function() => Defaults.Configure(System.Environment.GetEnvironmentVariable("AWS_REGION") ?? "");

            public void Handle(string input, ILambdaContext context) => new Cart().Open(input);
        }
        """);

    [Fact]
    public Task WithReachTurnedOff_IsNotReported()
    {
        var test = new Verify.Test
        {
            TestCode = Audit.Replace("{|#0:", "").Replace("|}", "") + """

                public class Function
                {
                    public void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => Audit.Record(input);
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lambda_analyzers.LMB0005.reach = false
            """));
        return test.RunAsync();
    }
}
