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

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.BlockingWait,
        Title,
        "'{0}' blocks a thread until '{1}' completes; await it instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BlockingWait));

    internal static readonly DiagnosticDescriptor UnnamedTaskRule = new(
        RuleIdentifiers.BlockingWait,
        Title,
        "'{0}' blocks a thread until the task completes; await it instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BlockingWait));

    internal static readonly DiagnosticDescriptor WaitAllRule = new(
        RuleIdentifiers.BlockingWait,
        Title,
        "'{0}' blocks a thread until every task completes; await '{1}' instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BlockingWait));

    internal static readonly DiagnosticDescriptor WaitAnyRule = new(
        RuleIdentifiers.BlockingWait,
        Title,
        "'{0}' blocks a thread until one of the tasks completes; await '{1}' instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BlockingWait));

    internal static readonly DiagnosticDescriptor SleepRule = new(
        RuleIdentifiers.BlockingWait,
        Title,
        "'{0}' blocks a thread for the whole delay; await '{1}' instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BlockingWait));

    /// <summary>Diagnostic property: which wait was found, one of the <c>Kind*</c> constants.</summary>
    internal const string KindProperty = "Kind";

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
        ImmutableArray.Create(Rule, UnnamedTaskRule, WaitAllRule, WaitAnyRule, SleepRule);

    private static ImmutableDictionary<string, string?> KindOf(string kind) => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext.Compilation) is not { } model
                || WaitMembers.TryCreate(model.Async) is not { } members)
            {
                return;
            }

            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(members, scope);
                blockContext.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
                blockContext.RegisterOperationAction(analyzer.AnalyzePropertyReference, OperationKind.PropertyReference);
                blockContext.RegisterOperationBlockEndAction(analyzer.ReportAll);
            });
        });
    }

    /// <summary>What a member of the BCL means to this rule.</summary>
    private enum Member
    {
        None,
        Result,
        Wait,
        WaitWithArguments,
        GetAwaiter,
        GetResult,
        WaitAll,
        WaitAny,
        Sleep,
        WhenAllOrAny,
        Completed,
        ConfigureAwait,
        Continuation,
        CompletionCheck,
    }

    /// <summary>The members this rule looks at, resolved once per compilation.</summary>
    private sealed class WaitMembers
    {
        private readonly Dictionary<ISymbol, Member> _members = new(SymbolEqualityComparer.Default);

        private WaitMembers()
        {
        }

        public static WaitMembers? TryCreate(AsyncSymbols async)
        {
            if (async.Task is not { } task)
            {
                return null;
            }

            var members = new WaitMembers();
            foreach (var member in task.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { Name: "Wait", IsStatic: false } wait:
                        members.Add(wait, wait.Parameters.IsEmpty ? Member.Wait : Member.WaitWithArguments);
                        break;
                    case IMethodSymbol { Name: "WaitAll", IsStatic: true } waitAll:
                        members.Add(waitAll, Member.WaitAll);
                        break;
                    case IMethodSymbol { Name: "WaitAny", IsStatic: true } waitAny:
                        members.Add(waitAny, Member.WaitAny);
                        break;
                    case IMethodSymbol { Name: "WhenAll" or "WhenAny", IsStatic: true } whenAllOrAny:
                        members.Add(whenAllOrAny, Member.WhenAllOrAny);
                        break;
                }
            }

            foreach (var type in new[] { task, async.ValueTask })
            {
                members.AddAll(type, Member.Completed, "FromResult", "FromException", "FromCanceled", "CompletedTask");
            }

            foreach (var type in new[] { task, async.TaskOfT, async.ValueTask, async.ValueTaskOfT })
            {
                members.AddAll(type, Member.ConfigureAwait, "ConfigureAwait");
                members.AddAll(type, Member.CompletionCheck, "IsCompleted", "IsCompletedSuccessfully");
            }

            members.AddAll(async.TaskOfT, Member.Result, "Result");
            members.AddAll(async.ValueTaskOfT, Member.Result, "Result");
            members.AddAll(task, Member.Continuation, "ContinueWith");
            members.AddAll(async.TaskOfT, Member.Continuation, "ContinueWith");
            members.AddAll(async.TaskFactory, Member.Continuation, "ContinueWhenAll", "ContinueWhenAny");
            members.AddAll(async.TaskFactoryOfT, Member.Continuation, "ContinueWhenAll", "ContinueWhenAny");

            // new ValueTask<T>(result) is complete.
            if (async.ValueTaskOfT is { } valueTaskOfT)
            {
                foreach (var constructor in valueTaskOfT.InstanceConstructors)
                {
                    if (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.TypeKind == TypeKind.TypeParameter)
                    {
                        members.Add(constructor, Member.Completed);
                    }
                }
            }

            // GetAwaiter() of every awaitable the BCL defines, and GetResult() of the awaiters they return.
            foreach (var type in new[]
            {
                task, async.TaskOfT, async.ValueTask, async.ValueTaskOfT, async.ConfiguredTaskAwaitable,
                async.ConfiguredTaskAwaitableOfT, async.ConfiguredValueTaskAwaitable, async.ConfiguredValueTaskAwaitableOfT,
            })
            {
                if (type is null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers("GetAwaiter"))
                {
                    if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false } getAwaiter)
                    {
                        members.Add(getAwaiter, Member.GetAwaiter);
                        members.AddAll(getAwaiter.ReturnType.OriginalDefinition as INamedTypeSymbol, Member.GetResult, "GetResult");
                    }
                }
            }

            if (async.Thread is { } thread)
            {
                foreach (var member in thread.GetMembers("Sleep"))
                {
                    if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } sleep)
                    {
                        members.Add(sleep, Member.Sleep);
                    }
                }
            }

            return members;
        }

        /// <summary>Conversions, parentheses and <c>ConfigureAwait(...)</c> change nothing about which task it is.</summary>
        public IOperation Strip(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    case IInvocationOperation { Instance: { } instance } invocation when Get(invocation.TargetMethod) == Member.ConfigureAwait:
                        operation = instance;
                        break;
                    case IConditionalAccessInstanceOperation accessed when ReceiverOf(accessed) is { } receiver:
                        operation = receiver;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>What <c>x?.Result</c> reads the member of: the operand of the innermost enclosing <c>?.</c>.</summary>
        private static IOperation? ReceiverOf(IConditionalAccessInstanceOperation accessed)
        {
            IOperation child = accessed;
            for (var current = accessed.Parent; current is not null; child = current, current = current.Parent)
            {
                if (current is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        public Member Get(ISymbol? symbol) =>
            symbol is not null && _members.TryGetValue(symbol.OriginalDefinition, out var member) ? member : Member.None;

        private void Add(ISymbol symbol, Member member) => _members[symbol.OriginalDefinition] = member;

        private void AddAll(INamedTypeSymbol? type, Member member, params string[] names)
        {
            if (type is null)
            {
                return;
            }

            foreach (var name in names)
            {
                foreach (var symbol in type.GetMembers(name))
                {
                    if (symbol is IMethodSymbol or IPropertySymbol)
                    {
                        Add(symbol, member);
                    }
                }
            }
        }
    }

    /// <summary>A blocking wait found in per-invocation code, judged once the whole block is known.</summary>
    private sealed class FoundWait(IOperation operation, Member kind, Location location, ImmutableArray<IOperation> tasks)
    {
        public IOperation Operation { get; } = operation;

        public Member Kind { get; } = kind;

        public Location Location { get; } = location;

        /// <summary>The task waited for; for WaitAll and WaitAny, the tasks or the array passed; empty for Sleep.</summary>
        public ImmutableArray<IOperation> Tasks { get; } = tasks;
    }

    private sealed class BlockAnalyzer(WaitMembers members, InvocationScope scope)
    {
        private readonly object _gate = new();
        private readonly List<FoundWait> _waits = [];

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var kind = members.Get(invocation.TargetMethod);
            ImmutableArray<IOperation> tasks;
            switch (kind)
            {
                case Member.Wait or Member.WaitWithArguments when invocation.Instance is { } task:
                    tasks = ImmutableArray.Create(task);
                    break;

                // Only the GetAwaiter().GetResult() idiom: an awaiter kept in a variable is usually a hand-written
                // await (IsCompleted, OnCompleted, then GetResult), which does not block.
                case Member.GetResult when invocation.Instance is IInvocationOperation { Instance: { } task } getAwaiter
                    && members.Get(getAwaiter.TargetMethod) == Member.GetAwaiter:
                    tasks = ImmutableArray.Create(task);
                    break;

                case Member.WaitAll or Member.WaitAny:
                    tasks = TasksOf(invocation);
                    break;

                // Thread.Sleep(0) yields the rest of the time slice; it does not wait.
                case Member.Sleep when invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 }:
                    return;

                case Member.Sleep:
                    tasks = ImmutableArray<IOperation>.Empty;
                    break;

                default:
                    return;
            }

            Add(invocation, kind, tasks);
        }

        public void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (members.Get(reference.Property) == Member.Result && reference.Instance is { } task)
            {
                Add(reference, Member.Result, ImmutableArray.Create(task));
            }
        }

        private void Add(IOperation operation, Member kind, ImmutableArray<IOperation> tasks)
        {
            if (!scope.Contains(operation) || IsInNameOf(operation))
            {
                return;
            }

            var wait = new FoundWait(operation, kind, LocationOf(operation, kind), tasks);
            lock (_gate)
            {
                _waits.Add(wait);
            }
        }

        public void ReportAll(OperationBlockAnalysisContext context)
        {
            List<FoundWait> waits;
            lock (_gate)
            {
                if (_waits.Count == 0)
                {
                    return;
                }

                waits = [.. _waits];
            }

            var facts = new BlockFacts(members, scope, context.OperationBlocks);
            foreach (var wait in waits)
            {
                if (!facts.IsComplete(wait))
                {
                    context.ReportDiagnostic(CreateDiagnostic(wait));
                }
            }
        }

        private Diagnostic CreateDiagnostic(FoundWait wait)
        {
            var (properties, member) = wait.Kind switch
            {
                Member.Result => (s_result, KindResult),
                Member.GetResult => (s_getResult, KindGetResult),
                Member.WaitAll => (s_waitAll, KindWaitAll),
                Member.WaitAny => (s_waitAny, KindWaitAny),
                Member.Sleep => (s_sleep, KindSleep),
                _ => (s_wait, KindWait),
            };
            return wait.Kind switch
            {
                Member.WaitAll => Diagnostic.Create(WaitAllRule, wait.Location, properties, member, "Task.WhenAll"),
                Member.WaitAny => Diagnostic.Create(WaitAnyRule, wait.Location, properties, member, "Task.WhenAny"),
                Member.Sleep => Diagnostic.Create(SleepRule, wait.Location, properties, member, "Task.Delay"),
                _ => TaskName(wait.Tasks[0]) is { } name
                    ? Diagnostic.Create(Rule, wait.Location, properties, member, name)
                    : Diagnostic.Create(UnnamedTaskRule, wait.Location, properties, member),
            };
        }

        /// <summary>The tasks of WaitAll/WaitAny: each element of a <c>params</c> array, or the array passed.</summary>
        private static ImmutableArray<IOperation> TasksOf(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type is not IArrayTypeSymbol)
                {
                    continue;
                }

                return argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                    ? initializer.ElementValues
                    : ImmutableArray.Create(argument.Value);
            }

            return ImmutableArray<IOperation>.Empty;
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

        /// <summary>The member name for instance waits (<c>Result</c>, <c>Wait</c>, <c>GetResult</c>); the invocation otherwise.</summary>
        private static Location LocationOf(IOperation operation, Member kind)
        {
            var syntax = operation.Syntax;
            if (kind is Member.Result or Member.Wait or Member.WaitWithArguments or Member.GetResult)
            {
                var access = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
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
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.Name,
                IPropertyReferenceOperation { Instance: { } collection } => TaskName(collection),
                IArrayElementReferenceOperation element => TaskName(element.ArrayReference),
                _ => null,
            };
        }

        /// <summary>
        /// What the operation blocks say about which tasks are complete at a given point of the text: awaited (directly,
        /// or through an awaited <c>Task.WhenAll</c>/<c>WhenAny</c>), already waited for, or their <c>IsCompleted</c>
        /// checked. Flow-insensitive: anything earlier in the text counts.
        /// </summary>
        private sealed class BlockFacts
        {
            private const int MaxDepth = 8;

            private readonly WaitMembers _members;
            private readonly InvocationScope _scope;
            private readonly Dictionary<ILocalSymbol, IOperation> _foreachCollections = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<IParameterSymbol, IOperation> _lambdaSources = new(SymbolEqualityComparer.Default);
            private readonly HashSet<IParameterSymbol> _antecedents = new(SymbolEqualityComparer.Default);
            private readonly List<(ImmutableArray<ISymbol> Path, int End)> _completions = [];

            public BlockFacts(WaitMembers members, InvocationScope scope, ImmutableArray<IOperation> blocks)
            {
                _members = members;
                _scope = scope;

                var awaits = new List<IAwaitOperation>();
                var waited = new List<(ImmutableArray<IOperation> Tasks, int End)>();
                var checks = new List<IPropertyReferenceOperation>();
                var patterns = new List<IRecursivePatternOperation>();
                foreach (var block in blocks)
                {
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        switch (operation)
                        {
                            case IAwaitOperation awaitOperation:
                                awaits.Add(awaitOperation);
                                break;
                            case IPropertyReferenceOperation property when members.Get(property.Property) == Member.CompletionCheck:
                                checks.Add(property);
                                break;
                            case IRecursivePatternOperation pattern when ChecksCompletion(pattern):
                                patterns.Add(pattern);
                                break;
                            case IForEachLoopOperation loop:
                                foreach (var local in loop.Locals)
                                {
                                    _foreachCollections[local] = loop.Collection;
                                }

                                break;
                            case IInvocationOperation invocation:
                                CollectLambdaArguments(invocation);
                                if (WaitedTasks(invocation) is { IsDefaultOrEmpty: false } tasks)
                                {
                                    waited.Add((tasks, invocation.Syntax.Span.End));
                                }

                                break;
                            case IPropertyReferenceOperation { Instance: { } task } result when members.Get(result.Property) == Member.Result:
                                waited.Add((ImmutableArray.Create(task), result.Syntax.Span.End));
                                break;
                        }
                    }
                }

                // Every path is computed once the maps above are complete.
                foreach (var awaitOperation in awaits)
                {
                    AddAwaited(awaitOperation.Operation, awaitOperation.Syntax.Span.End, 0);
                }

                foreach (var check in checks)
                {
                    if (check.Instance is { } instance)
                    {
                        AddCompletion(instance, check.Syntax.Span.End);
                    }
                }

                // task is { IsCompleted: true } completed: both the tested value and the pattern's variable.
                foreach (var pattern in patterns)
                {
                    var end = pattern.Syntax.Span.End;
                    if (pattern.DeclaredSymbol is ILocalSymbol local)
                    {
                        _completions.Add((ImmutableArray.Create<ISymbol>(local), end));
                    }

                    if (pattern.Parent is IIsPatternOperation { Value: { } tested })
                    {
                        AddCompletion(tested, end);
                    }
                }

                // A task that was blocked on once is complete afterwards (the first wait in a handler is reported; one in
                // init code is not).
                foreach (var (tasks, end) in waited)
                {
                    foreach (var task in tasks)
                    {
                        AddAllPaths(task, end);
                    }
                }
            }

            private bool ChecksCompletion(IRecursivePatternOperation pattern)
            {
                foreach (var subpattern in pattern.PropertySubpatterns)
                {
                    if (subpattern.Member is IPropertyReferenceOperation property && _members.Get(property.Property) == Member.CompletionCheck)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The tasks a Wait, WaitAll or GetAwaiter().GetResult() leaves complete; default for anything else.</summary>
            private ImmutableArray<IOperation> WaitedTasks(IInvocationOperation invocation) => _members.Get(invocation.TargetMethod) switch
            {
                Member.Wait or Member.WaitWithArguments when invocation.Instance is { } task => ImmutableArray.Create(task),
                Member.GetResult when invocation.Instance is IInvocationOperation { Instance: { } task } getAwaiter
                    && _members.Get(getAwaiter.TargetMethod) == Member.GetAwaiter => ImmutableArray.Create(task),
                Member.WaitAll => TasksOf(invocation),
                _ => default,
            };

            public bool IsComplete(FoundWait wait)
            {
                if (wait.Kind == Member.Sleep || wait.Tasks.IsEmpty)
                {
                    return false;
                }

                var position = wait.Operation.Syntax.SpanStart;
                var any = false;
                var all = true;
                foreach (var task in wait.Tasks)
                {
                    var complete = IsComplete(task, position);
                    any |= complete;
                    all &= complete;
                }

                return wait.Kind == Member.WaitAny ? any : all;
            }

            private bool IsComplete(IOperation task, int position)
            {
                if (IsKnownComplete(task, 0))
                {
                    return true;
                }

                var path = PathOf(task, 0);
                if (path.IsDefault)
                {
                    return false;
                }

                foreach (var (completed, end) in _completions)
                {
                    if (end <= position && SamePath(completed, path))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// <c>Task.FromResult</c>, <c>Task.CompletedTask</c> and their kin, the antecedent a continuation receives (and
            /// its elements), or a local only ever assigned such a task.
            /// </summary>
            private bool IsKnownComplete(IOperation task, int depth)
            {
                task = _members.Strip(task);
                switch (task)
                {
                    case IInvocationOperation invocation when _members.Get(invocation.TargetMethod) == Member.Completed:
                    case IPropertyReferenceOperation property when _members.Get(property.Property) == Member.Completed:
                    case IObjectCreationOperation creation when _members.Get(creation.Constructor) == Member.Completed:
                    case IDefaultValueOperation:
                        return true;
                    case IParameterReferenceOperation parameter:
                        return _antecedents.Contains(parameter.Parameter)
                            || depth < MaxDepth && _lambdaSources.TryGetValue(parameter.Parameter, out var source) && IsKnownComplete(source, depth + 1);
                    case IArrayElementReferenceOperation element:
                        return depth < MaxDepth && IsKnownComplete(element.ArrayReference, depth + 1);
                    case IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: { } indexed }:
                        return depth < MaxDepth && IsKnownComplete(indexed, depth + 1);
                    case ILocalReferenceOperation local when _foreachCollections.TryGetValue(local.Local, out var collection):
                        return depth < MaxDepth && IsKnownComplete(collection, depth + 1);
                    case ILocalReferenceOperation local when depth < 3:
                        var assigned = _scope.Locals.Get(local.Local);
                        if (assigned.Count == 0)
                        {
                            return false;
                        }

                        foreach (var value in assigned)
                        {
                            if (value is null || !IsKnownComplete(value, depth + 1))
                            {
                                return false;
                            }
                        }

                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>
            /// The first parameter of a lambda passed to a method maps to the collection (or receiver) the method works on:
            /// <c>tasks.Select(t => t.Result)</c> waits on the elements of <c>tasks</c>. The antecedent of a continuation is
            /// complete.
            /// </summary>
            private void CollectLambdaArguments(IInvocationOperation invocation)
            {
                var isContinuation = _members.Get(invocation.TargetMethod) == Member.Continuation;
                var source = invocation.Instance
                    ?? (invocation.TargetMethod.IsExtensionMethod && !invocation.Arguments.IsEmpty ? invocation.Arguments[0].Value : null);
                foreach (var argument in invocation.Arguments)
                {
                    if (HandlerDiscovery.UnwrapDelegate(argument.Value) is not IAnonymousFunctionOperation { Symbol.Parameters.IsEmpty: false } lambda
                        || argument.Value == source)
                    {
                        continue;
                    }

                    var first = lambda.Symbol.Parameters[0];

                    if (isContinuation)
                    {
                        _antecedents.Add(first);
                    }
                    else if (source is not null)
                    {
                        _lambdaSources[first] = source;
                    }
                }
            }

            private void AddAwaited(IOperation awaited, int end, int depth)
            {
                awaited = _members.Strip(awaited);
                if (awaited is IInvocationOperation invocation && _members.Get(invocation.TargetMethod) == Member.WhenAllOrAny)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        AddAllPaths(argument.Value, end);
                    }

                    return;
                }

                // var all = Task.WhenAll(a, b); await all;
                if (awaited is ILocalReferenceOperation local && depth == 0 && _scope.Locals.GetSingleAssignment(local.Local) is { } value)
                {
                    AddAwaited(value, end, depth + 1);
                }

                AddCompletion(awaited, end);
            }

            /// <summary>Every variable and member an expression reads: the tasks handed to WhenAll, WaitAll, ...</summary>
            private void AddAllPaths(IOperation operation, int end)
            {
                foreach (var part in operation.DescendantsAndSelf())
                {
                    if (part is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                        or IPropertyReferenceOperation or IArrayElementReferenceOperation)
                    {
                        AddCompletion(part, end);
                    }
                }
            }

            private void AddCompletion(IOperation task, int end)
            {
                var path = PathOf(task, 0);
                if (!path.IsDefault)
                {
                    _completions.Add((path, end));
                }
            }

            /// <summary>
            /// Which task an expression names, as the chain of symbols that reaches it (<c>_job.Task</c> is [_job, Task]).
            /// Elements of a collection share the collection's path; loop variables and lambda parameters take the path of
            /// what they iterate. Default when the expression names no variable or member.
            /// </summary>
            private ImmutableArray<ISymbol> PathOf(IOperation operation, int depth)
            {
                if (depth > MaxDepth)
                {
                    return default;
                }

                operation = _members.Strip(operation);
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return _foreachCollections.TryGetValue(local.Local, out var collection)
                            ? PathOf(collection, depth + 1)
                            : ImmutableArray.Create<ISymbol>(local.Local);

                    case IParameterReferenceOperation parameter:
                        return _lambdaSources.TryGetValue(parameter.Parameter, out var source)
                            ? PathOf(source, depth + 1)
                            : ImmutableArray.Create<ISymbol>(parameter.Parameter);

                    case IFieldReferenceOperation field:
                        return MemberPath(field.Instance, field.Field, depth);

                    case IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: { } indexed }:
                        return PathOf(indexed, depth + 1);

                    case IPropertyReferenceOperation property:
                        return MemberPath(property.Instance, property.Property, depth);

                    case IArrayElementReferenceOperation element:
                        return PathOf(element.ArrayReference, depth + 1);

                    default:
                        return default;
                }
            }

            private ImmutableArray<ISymbol> MemberPath(IOperation? instance, ISymbol member, int depth)
            {
                if (instance is null or IInstanceReferenceOperation)
                {
                    return ImmutableArray.Create(member.OriginalDefinition);
                }

                var owner = PathOf(instance, depth + 1);
                return owner.IsDefault ? default : owner.Add(member.OriginalDefinition);
            }

            private static bool SamePath(ImmutableArray<ISymbol> left, ImmutableArray<ISymbol> right)
            {
                if (left.Length != right.Length)
                {
                    return false;
                }

                for (var i = 0; i < left.Length; i++)
                {
                    if (!SymbolEqualityComparer.Default.Equals(left[i], right[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
