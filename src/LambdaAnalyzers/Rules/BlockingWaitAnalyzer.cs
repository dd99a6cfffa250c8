using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0004: <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll</c>, <c>Task.WaitAny</c>
/// or <c>Thread.Sleep</c> in code that runs per invocation: the thread is held until the work completes, which starves
/// the process when several invocations (multi-concurrency) or parallel per-record work share it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Do not block on async work in a handler";
    private const string Description =
        "A blocking wait holds a thread-pool thread until the awaited work completes. With multi-concurrency (Lambda Managed Instances, " +
        "several invocations in one process) or parallel per-record work, the blocked threads starve the rest of the process and the thread " +
        "pool grows slowly to compensate. Await the task instead (Task.WhenAll for WaitAll, Task.Delay for Thread.Sleep).";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.BlockingWait, Title, RuleCategories.Performance, DiagnosticSeverity.Info, Description);

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' blocks a thread until '{1}' completes; await it instead");

    internal static readonly DiagnosticDescriptor UnnamedTaskRule = s_descriptors.Create(
        "'{0}' blocks a thread until the task completes; await it instead");

    internal static readonly DiagnosticDescriptor WaitAllRule = s_descriptors.Create(
        "'{0}' blocks a thread until every task completes; await '{1}' instead");

    internal static readonly DiagnosticDescriptor WaitAnyRule = s_descriptors.Create(
        "'{0}' blocks a thread until one of the tasks completes; await '{1}' instead");

    internal static readonly DiagnosticDescriptor SleepRule = s_descriptors.Create(
        "'{0}' blocks a thread for the whole delay; await '{1}' instead");

    /// <summary>Diagnostic property: which wait was found, one of the <c>Kind*</c> constants.</summary>
    internal const string KindProperty = "Kind";

    // Additional locations: the declaration of the handler method around the wait when that method returns void or a
    // plain value (SyncHandlerMethod), which the await fix may make async.

    internal const string KindResult = "Result";
    internal const string KindGetResult = "GetResult";
    internal const string KindWait = "Wait";
    internal const string KindWaitAll = "WaitAll";
    internal const string KindWaitAny = "WaitAny";
    internal const string KindSleep = "Sleep";

    private static readonly ImmutableDictionary<string, string?> s_result = KindOf(KindResult);
    private static readonly ImmutableDictionary<string, string?> s_getResult = KindOf(KindGetResult);
    private static readonly ImmutableDictionary<string, string?> s_wait = KindOf(KindWait);
    private static readonly ImmutableDictionary<string, string?> s_waitAll = KindOf(KindWaitAll);
    private static readonly ImmutableDictionary<string, string?> s_waitAny = KindOf(KindWaitAny);
    private static readonly ImmutableDictionary<string, string?> s_sleep = KindOf(KindSleep);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Reached.WithTwins(Rule, UnnamedTaskRule, WaitAllRule, WaitAnyRule, SleepRule);

    private static ImmutableDictionary<string, string?> KindOf(string kind) => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model || model.TaskMembers is not { } members)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.BlockingWait) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(members, scope, model.Async, parameter => model.ReachedParameterGetsUnawaitedTask(parameter, blockContext.CancellationToken));
                foreach (var call in scope.Operations.Invocations)
                {
                    analyzer.AnalyzeCall(call);
                }

                foreach (var reference in scope.Operations.PropertyReferences)
                {
                    analyzer.AnalyzePropertyReference(reference);
                }

                analyzer.ReportAll(blockContext);
            });
        });
    }

    /// <summary>A blocking wait found in per-invocation code, judged once the whole block is known.</summary>
    private sealed class FoundWait(IOperation operation, TaskMember kind, Location location, ImmutableArray<IOperation> tasks)
    {
        public IOperation Operation { get; } = operation;

        public TaskMember Kind { get; } = kind;

        public Location Location { get; } = location;

        /// <summary>The task waited for; for WaitAll and WaitAny, the tasks or the array passed; empty for Sleep.</summary>
        public ImmutableArray<IOperation> Tasks { get; } = tasks;
    }

    private sealed class BlockAnalyzer(TaskMembers members, InvocationScope scope, AsyncSymbols symbols, Func<IParameterSymbol, bool> getsUnawaitedTask)
    {
        private readonly List<FoundWait> _waits = [];

        public void AnalyzeCall(IInvocationOperation call)
        {
            var kind = members.Get(call.TargetMethod);
            if (kind == TaskMember.Sleep)
            {
                // Thread.Sleep(0) yields the rest of the time slice; it does not wait.
                if (call.Arguments.Length != 1 || call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: 0 })
                {
                    Add(call, kind, ImmutableArray<IOperation>.Empty);
                }
            }
            else if (members.WaitedTasks(call) is { IsDefault: false } tasks)
            {
                Add(call, kind, tasks);
            }
        }

        public void AnalyzePropertyReference(IPropertyReferenceOperation reference)
        {
            if (members.Get(reference.Property) == TaskMember.Result && reference.Instance is { } task)
            {
                Add(reference, TaskMember.Result, ImmutableArray.Create(task));
            }
        }

        private void Add(IOperation operation, TaskMember kind, ImmutableArray<IOperation> tasks)
        {
            if (scope.GetRegion(operation) is not { } region || IsInNameOf(operation))
            {
                return;
            }

            // In code a handler reaches, a wait blocks for sure only on work this method started, or on a task parameter
            // some per-invocation call passes unawaited: a task it was given may be one its caller already awaited (a
            // synchronous wrapper).
            if (region.Kind == RegionKind.Reached && kind != TaskMember.Sleep && !StartedHere(tasks))
            {
                return;
            }

            _waits.Add(new FoundWait(operation, kind, LocationOf(operation, kind), tasks));
        }

        private bool StartedHere(ImmutableArray<IOperation> tasks)
        {
            foreach (var task in tasks)
            {
                if (!TaskFlow.IsStartedIn(task, scope.Locals)
                    && !(Wrappers.ConversionsAndParentheses(task) is IParameterReferenceOperation
                        {
                            Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) },
                        } parameter
                        && getsUnawaitedTask(parameter.Parameter)))
                {
                    return false;
                }
            }

            return !tasks.IsEmpty;
        }

        public void ReportAll(OperationBlockAnalysisContext context)
        {
            if (_waits.Count == 0)
            {
                return;
            }

            var completion = new TaskCompletion(context.OperationBlocks, members, scope.Locals);
            foreach (var wait in _waits)
            {
                if (!IsComplete(wait, completion))
                {
                    context.ReportDiagnostic(CreateDiagnostic(wait));
                }
            }
        }

        /// <summary>Whether every task of a wait (one, for WaitAny) is complete where it waits: then it does not block.</summary>
        private static bool IsComplete(FoundWait wait, TaskCompletion completion)
        {
            if (wait.Kind == TaskMember.Sleep || wait.Tasks.IsEmpty)
            {
                return false;
            }

            var position = wait.Operation.Syntax.SpanStart;
            var any = false;
            var all = true;
            foreach (var task in wait.Tasks)
            {
                var complete = completion.IsComplete(task, position);
                any |= complete;
                all &= complete;
            }

            return wait.Kind == TaskMember.WaitAny ? any : all;
        }

        private Diagnostic CreateDiagnostic(FoundWait wait)
        {
            var (properties, member) = wait.Kind switch
            {
                TaskMember.Result => (s_result, KindResult),
                TaskMember.GetResult => (s_getResult, KindGetResult),
                TaskMember.WaitAll => (s_waitAll, KindWaitAll),
                TaskMember.WaitAny => (s_waitAny, KindWaitAny),
                TaskMember.Sleep => (s_sleep, KindSleep),
                _ => (s_wait, KindWait),
            };
            // A handler method that can become async, for the await fix.
            var region = scope.GetRegion(wait.Operation);
            var handler = SyncHandlerMethod.GetDeclaration(region, symbols) is { } declaration ? [declaration] : Array.Empty<Location>();
            return wait.Kind switch
            {
                TaskMember.WaitAll => Reached.Create(WaitAllRule, wait.Location, handler, properties, region, member, "Task.WhenAll"),
                TaskMember.WaitAny => Reached.Create(WaitAnyRule, wait.Location, handler, properties, region, member, "Task.WhenAny"),
                TaskMember.Sleep => Reached.Create(SleepRule, wait.Location, handler, properties, region, member, "Task.Delay"),
                _ => TaskName(wait.Tasks[0]) is { } name
                    ? Reached.Create(Rule, wait.Location, handler, properties, region, member, name)
                    : Reached.Create(UnnamedTaskRule, wait.Location, handler, properties, region, member),
            };
        }

        private static bool IsInNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member name for instance waits (<c>Result</c>, <c>Wait</c>, <c>GetResult</c>); the whole call otherwise.</summary>
        private static Location LocationOf(IOperation operation, TaskMember kind)
        {
            var syntax = operation.Syntax;
            if (kind is TaskMember.Result or TaskMember.Wait or TaskMember.WaitWithArguments or TaskMember.GetResult)
            {
                var access = syntax is InvocationExpressionSyntax call ? call.Expression : syntax;
                switch (access)
                {
                    case MemberAccessExpressionSyntax memberAccess:
                        return memberAccess.Name.GetLocation();
                    case MemberBindingExpressionSyntax memberBinding:
                        return memberBinding.Name.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        /// <summary>What the message calls the task: the method that returned it, or the variable or member holding it.</summary>
        private string? TaskName(IOperation task)
        {
            task = members.Strip(task);
            return task switch
            {
                IInvocationOperation call => call.TargetMethod.Name,
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.Name,
                IPropertyReferenceOperation { Instance: { } collection } => TaskName(collection),
                IArrayElementReferenceOperation element => TaskName(element.ArrayReference),
                _ => null,
            };
        }
    }
}
