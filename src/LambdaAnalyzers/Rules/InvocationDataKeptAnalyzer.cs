using System.Collections.Concurrent;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0005: code that runs per invocation writes invocation data into a static member or into a member of the handler
/// instance the runtime reuses, or grows a collection held there: the data outlives the invocation and leaks into
/// later ones, which may serve other users.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvocationDataKeptAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Do not keep invocation data in long-lived state";
    private const string Description =
        "Lambda creates the handler's class once per execution environment and invokes it many times, for many users; static members live as " +
        "long. A value of one invocation written into a static member or a member of the reused handler instance is still there in the next " +
        "invocation, and a collection held there that every invocation adds to grows without bound. Keep invocation data in locals and " +
        "parameters, or in a store such as DynamoDB.";

    private static readonly RuleDescriptors s_descriptors =
        new(RuleIdentifiers.InvocationDataKept, Title, RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor Rule = s_descriptors.Create(
        "'{0}' is written on every invocation and kept by the reused handler instance; it leaks into later invocations");

    internal static readonly DiagnosticDescriptor HeldRule = s_descriptors.Create(
        "'{0}' is written on every invocation and kept by an object that a static member or the reused handler instance holds; it leaks " +
        "into later invocations");

    internal static readonly DiagnosticDescriptor StaticRule = s_descriptors.Create(
        "'{0}' is static and written on every invocation; it outlives the invocation and leaks into later ones");

    internal static readonly DiagnosticDescriptor HeadersRule = s_descriptors.Create(
        "'DefaultRequestHeaders' of the shared 'HttpClient' is changed on every invocation; the headers accumulate and leak into later " +
        "invocations; set them once at init or on each HttpRequestMessage");

    internal static readonly DiagnosticDescriptor SettingRule = s_descriptors.Create(
        "'{0}' is set on a shared 'HttpClient' on every invocation; after its first request this throws InvalidOperationException");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Reached.WithTwins(Rule, HeldRule, StaticRule, HeadersRule, SettingRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext, RuleIdentifiers.InvocationDataKept) is not { } scope)
                {
                    return;
                }

                var tree = blockContext.OperationBlocks[0].Syntax.SyntaxTree;
                var intentional = model.State.ResolveIntentional(LambdaOptions.IntentionalMembers(blockContext.Options, tree));
                var analyzer = new BlockAnalyzer(model, scope, new StateHolders(model.State, scope, blockContext.OwningSymbol, intentional));
                var operations = scope.Operations;
                foreach (var assignment in operations.Assignments)
                {
                    analyzer.AnalyzeAssignment(blockContext, assignment);
                }

                foreach (var deconstruction in operations.Deconstructions)
                {
                    analyzer.AnalyzeDeconstruction(blockContext, deconstruction);
                }

                foreach (var argument in operations.Arguments)
                {
                    analyzer.AnalyzeArgument(blockContext, argument);
                }

                foreach (var invocation in operations.Invocations)
                {
                    analyzer.AnalyzeInvocation(blockContext, invocation);
                }
            });
        });
    }

    private sealed class BlockAnalyzer(LambdaModel model, InvocationScope scope, StateHolders holders)
    {
        public void AnalyzeAssignment(OperationBlockAnalysisContext context, IAssignmentOperation assignment)
        {
            var change = model.HttpClientChanges.Get(assignment, out var client, out var setting);
            if (change != HttpClientChange.None)
            {
                AnalyzeHttpClientChange(context, assignment, change, client!, setting);
                return;
            }

            AnalyzeWrite(context, assignment, assignment.Target, assignment.Value, isCompound: assignment is ICompoundAssignmentOperation);
        }

        public void AnalyzeDeconstruction(OperationBlockAnalysisContext context, IDeconstructionAssignmentOperation deconstruction)
        {
            AnalyzeDeconstructedPart(context, deconstruction, deconstruction.Target, deconstruction.Value);
        }

        /// <summary>A <c>ref</c> or <c>out</c> argument stores what the callee computes from the other arguments.</summary>
        public void AnalyzeArgument(OperationBlockAnalysisContext context, IArgumentOperation argument)
        {
            if (!model.State.TryGetRefWrite(argument, out var instance, out var arguments)
                || !holders.TryGetWrittenHolder(argument.Value, out var holder, out _)
                || !IsPerInvocation(argument))
            {
                return;
            }

            var depends = instance is not null && scope.DependsOnInvocation(instance, unknownDepends: false);
            foreach (var other in arguments)
            {
                depends = depends || (other != argument && scope.DependsOnInvocation(other.Value, unknownDepends: false));
            }

            if (depends && !model.OneTimeInitialization.IsGuarded(argument.Value, out _))
            {
                Report(context, holder);
            }
        }

        /// <summary><c>Add</c>, <c>Enqueue</c>, ... on a collection held in a long-lived member: it grows on every invocation.</summary>
        public void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation)
        {
            if (model.HttpClientChanges.Get(invocation, out var client) is var change and not HttpClientChange.None)
            {
                AnalyzeHttpClientChange(context, invocation, change, client!, setting: null);
                return;
            }

            if (!model.State.TryGetGrowth(invocation, out var receiver, out var key)
                || !holders.TryGetHolder(receiver, out var holder)
                || !IsInHandlerCode(invocation)
                || (key is not null && holders.IsCacheAside(holder, StateHolders.Unwrap(receiver).Type, invocation, key)))
            {
                return;
            }

            if (!model.OneTimeInitialization.IsGuarded(invocation, out _))
            {
                Report(context, holder);
            }
        }

        private void AnalyzeDeconstructedPart(OperationBlockAnalysisContext context, IOperation root, IOperation target, IOperation value)
        {
            if (target is ITupleOperation targets)
            {
                var values = StateHolders.Unwrap(value) as ITupleOperation;
                for (var i = 0; i < targets.Elements.Length; i++)
                {
                    var part = values is not null && values.Elements.Length == targets.Elements.Length ? values.Elements[i] : value;
                    AnalyzeDeconstructedPart(context, root, targets.Elements[i], part);
                }

                return;
            }

            if (holders.TryGetHolder(target, out var holder) && IsPerInvocation(root) && scope.DependsOnInvocation(value, unknownDepends: false))
            {
                Report(context, holder);
            }
        }

        private void AnalyzeWrite(OperationBlockAnalysisContext context, IOperation write, IOperation target, IOperation value, bool isCompound)
        {
            if (!holders.TryGetWrittenHolder(target, out var holder, out var indexer)
                || !(indexer is null ? IsPerInvocation(write) : IsInHandlerCode(write)))
            {
                return;
            }

            // A dictionary written through its indexer keeps one entry per key: it grows when the key varies. (A list or
            // array element write replaces an element: only the value matters.)
            var collectionType = indexer?.Instance is { } collection ? StateHolders.Unwrap(collection).Type : null;
            if (indexer is not null && !isCompound && model.State.IsDictionary(collectionType))
            {
                if (holders.IsCacheAside(holder, collectionType, write, indexer.Arguments.IsEmpty ? null : indexer.Arguments[0].Value))
                {
                    return;
                }

                if (!LongLivedState.HasVaryingIndex(indexer) && !scope.DependsOnInvocation(value, unknownDepends: false))
                {
                    return;
                }
            }
            else if (!scope.DependsOnInvocation(value, unknownDepends: false))
            {
                // Constants, counters (+= 1) and values that do not come from the invocation (DateTime.UtcNow).
                return;
            }

            if (model.OneTimeInitialization.IsGuarded(value, out _)
                || (ReferenceEquals(holder.Reference, StateHolders.Unwrap(target)) && holders.IsRefreshOfCachedValue(write, holder)))
            {
                return;
            }

            Report(context, holder);
        }

        /// <summary>A shared client (static, or of the reused instance) changed per invocation, reached code included.</summary>
        private void AnalyzeHttpClientChange(OperationBlockAnalysisContext context, IOperation change, HttpClientChange kind, IOperation client, string? setting)
        {
            if (scope.GetRegion(change) is not { } region || !holders.TryGetHolder(client, out _) || model.OneTimeInitialization.IsGuarded(change, out _))
            {
                return;
            }

            context.ReportDiagnostic(kind == HttpClientChange.Setting
                ? Reached.Create(SettingRule, change.Syntax.GetLocation(), null, null, region, setting)
                : Reached.Create(HeadersRule, change.Syntax.GetLocation(), null, null, region));
        }

        /// <summary>
        /// Per-invocation code, reached code included: there a holder is a static member, or a member of the instance the
        /// runtime reuses (<c>this</c> in a handler class or a base class of one); the fields of an object a reached
        /// method runs on otherwise are not holders (<see cref="StateHolders"/>).
        /// </summary>
        private bool IsPerInvocation(IOperation operation) => scope.GetRegion(operation) is not null;

        /// <summary>
        /// Per-invocation code, not reached through calls: a collection that grows, or an element written, in a method
        /// the handler calls is often a cache or a pool whose guard is in the caller (<c>if (s_rates.Count == 0)
        /// LoadRates();</c>).
        /// </summary>
        private bool IsInHandlerCode(IOperation operation) => scope.GetRegion(operation) is { Kind: not RegionKind.Reached };

        private void Report(OperationBlockAnalysisContext context, StateHolder holder) =>
            context.ReportDiagnostic(Reached.Create(
                holder.IsStatic ? StaticRule : holder.IsOfAHeldObject ? HeldRule : Rule,
                holder.Reference.Syntax.GetLocation(), null, null, scope.GetRegion(holder.Reference), holder.Name));
    }
}
