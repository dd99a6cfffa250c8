using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The <see cref="AccessPath"/> of expressions in one member's operation blocks. Elements of a collection share the
/// collection's path (<c>tasks[0]</c> is <c>tasks</c>); a <c>foreach</c> variable takes the path of the collection it
/// iterates, and the first parameter of a lambda passed to a call the path of what the call works on
/// (<c>tasks.Select(t =&gt; t.Result)</c>: <c>t</c> is <c>tasks</c>). The antecedent a continuation receives keeps
/// its own path: it is complete whatever its receiver is (see <see cref="TaskCompletion"/>).
/// </summary>
internal sealed class AccessPaths
{
    /// <summary>How many collections, sources and receivers are followed.</summary>
    public const int MaxDepth = LocalAssignments.AccessPathDepth;

    private readonly TaskMembers _members;
    private readonly Dictionary<ISymbol, IOperation> _sources = new(SymbolEqualityComparer.Default);

    public AccessPaths(ImmutableArray<IOperation> blocks, TaskMembers members)
    {
        _members = members;
        foreach (var block in blocks)
        {
            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
            {
                switch (operation)
                {
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            _sources[local] = loop.Collection;
                        }

                        break;

                    case IInvocationOperation call when members.Get(call.TargetMethod) != TaskMember.Continuation
                        && SourceOfLambdas(call) is { } source:
                        foreach (var argument in call.Arguments)
                        {
                            if (FirstLambdaParameter(argument, source) is { } parameter)
                            {
                                _sources[parameter] = source;
                            }
                        }

                        break;
                }
            }
        }
    }

    /// <summary>
    /// What a <c>foreach</c> variable iterates, or what the call that receives a lambda works on, for the lambda's
    /// first parameter; null for any other symbol.
    /// </summary>
    public IOperation? SourceOf(ISymbol symbol) => _sources.TryGetValue(symbol, out var source) ? source : null;

    /// <summary>The path of an expression; <see cref="AccessPath.None"/> when it names no variable or member.</summary>
    public AccessPath Of(IOperation operation) => Of(operation, 0);

    /// <summary>What a call hands to the lambdas it receives: its receiver, or the first argument of an extension method.</summary>
    public static IOperation? SourceOfLambdas(IInvocationOperation call) =>
        call.Instance ?? (call.TargetMethod.IsExtensionMethod && !call.Arguments.IsEmpty ? call.Arguments[0].Value : null);

    /// <summary>The first parameter of a lambda passed as an argument, unless the lambda is the call's source itself.</summary>
    public static IParameterSymbol? FirstLambdaParameter(IArgumentOperation argument, IOperation? source) =>
        argument.Value != source
            && HandlerDiscovery.UnwrapDelegate(argument.Value) is IAnonymousFunctionOperation { Symbol.Parameters.IsEmpty: false } lambda
            ? lambda.Symbol.Parameters[0]
            : null;

    private AccessPath Of(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return AccessPath.None;
        }

        operation = _members.Strip(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _sources.TryGetValue(local.Local, out var collection) ? Of(collection, depth + 1) : AccessPath.Of(local.Local);

            case IParameterReferenceOperation parameter:
                return _sources.TryGetValue(parameter.Parameter, out var source) ? Of(source, depth + 1) : AccessPath.Of(parameter.Parameter);

            case IFieldReferenceOperation field:
                return MemberPath(field.Instance, field.Field, depth);

            case IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: { } indexed }:
                return Of(indexed, depth + 1);

            case IPropertyReferenceOperation property:
                return MemberPath(property.Instance, property.Property, depth);

            case IArrayElementReferenceOperation element:
                return Of(element.ArrayReference, depth + 1);

            default:
                return AccessPath.None;
        }
    }

    private AccessPath MemberPath(IOperation? instance, ISymbol member, int depth) =>
        instance is null or IInstanceReferenceOperation ? AccessPath.Of(member) : Of(instance, depth + 1).Add(member);
}
