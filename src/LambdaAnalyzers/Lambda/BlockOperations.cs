using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The operations of a member's blocks that the rules look at, by kind, in source order: gathered by one walk the
/// first time a rule asks (through the block's <see cref="InvocationScope"/>), then shared by every rule. A rule reads
/// these lists in one callback per block instead of having the driver call it back for every operation of a kind, and
/// no rule walks the blocks itself. Like the driver's operation actions, the lists take in the lambdas and local
/// functions inside the blocks.
/// </summary>
internal sealed class BlockOperations
{
    private BlockOperations(
        ImmutableArray<IInvocationOperation> invocations,
        ImmutableArray<IObjectCreationOperation> objectCreations,
        ImmutableArray<IPropertyReferenceOperation> propertyReferences,
        ImmutableArray<IAssignmentOperation> assignments,
        ImmutableArray<IDeconstructionAssignmentOperation> deconstructions,
        ImmutableArray<IArgumentOperation> arguments,
        ImmutableArray<IAnonymousFunctionOperation> anonymousFunctions,
        ImmutableArray<ILocalFunctionOperation> localFunctions,
        ImmutableArray<ILoopOperation> loops)
    {
        Invocations = invocations;
        ObjectCreations = objectCreations;
        PropertyReferences = propertyReferences;
        Assignments = assignments;
        Deconstructions = deconstructions;
        Arguments = arguments;
        AnonymousFunctions = anonymousFunctions;
        LocalFunctions = localFunctions;
        Loops = loops;
    }

    /// <summary>Method calls.</summary>
    public ImmutableArray<IInvocationOperation> Invocations { get; }

    /// <summary><c>new</c> of a class or struct.</summary>
    public ImmutableArray<IObjectCreationOperation> ObjectCreations { get; }

    public ImmutableArray<IPropertyReferenceOperation> PropertyReferences { get; }

    /// <summary>Simple (<c>=</c>) and compound (<c>+=</c>, ...) assignments.</summary>
    public ImmutableArray<IAssignmentOperation> Assignments { get; }

    public ImmutableArray<IDeconstructionAssignmentOperation> Deconstructions { get; }

    /// <summary>Arguments of calls and creations.</summary>
    public ImmutableArray<IArgumentOperation> Arguments { get; }

    /// <summary>Lambdas and anonymous methods.</summary>
    public ImmutableArray<IAnonymousFunctionOperation> AnonymousFunctions { get; }

    public ImmutableArray<ILocalFunctionOperation> LocalFunctions { get; }

    /// <summary><c>while</c>, <c>do</c>, <c>for</c> and <c>foreach</c> loops.</summary>
    public ImmutableArray<ILoopOperation> Loops { get; }

    // Most blocks hold few kinds: a list is made only for a kind found.
    private static void Add<T>(ref ImmutableArray<T>.Builder? builder, T operation) =>
        (builder ??= ImmutableArray.CreateBuilder<T>()).Add(operation);

    private static ImmutableArray<T> ToImmutable<T>(ImmutableArray<T>.Builder? builder) =>
        builder is null ? ImmutableArray<T>.Empty : builder.ToImmutable();

    /// <summary>Gathers the operations of some blocks in one walk.</summary>
    public static BlockOperations Gather(ImmutableArray<IOperation> blocks)
    {
        ImmutableArray<IInvocationOperation>.Builder? invocations = null;
        ImmutableArray<IObjectCreationOperation>.Builder? objectCreations = null;
        ImmutableArray<IPropertyReferenceOperation>.Builder? propertyReferences = null;
        ImmutableArray<IAssignmentOperation>.Builder? assignments = null;
        ImmutableArray<IDeconstructionAssignmentOperation>.Builder? deconstructions = null;
        ImmutableArray<IArgumentOperation>.Builder? arguments = null;
        ImmutableArray<IAnonymousFunctionOperation>.Builder? anonymousFunctions = null;
        ImmutableArray<ILocalFunctionOperation>.Builder? localFunctions = null;
        ImmutableArray<ILoopOperation>.Builder? loops = null;

        // An explicit stack rather than the iterators of DescendantsAndSelf: children pushed last to first come off in
        // source order.
        var pending = new Stack<IOperation>();
        for (var i = blocks.Length - 1; i >= 0; i--)
        {
            pending.Push(blocks[i]);
        }

        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            foreach (var child in TreeWalk.Children(operation).Reverse())
            {
                pending.Push(child);
            }

            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    Add(ref invocations, (IInvocationOperation)operation);
                    break;
                case OperationKind.ObjectCreation:
                    Add(ref objectCreations, (IObjectCreationOperation)operation);
                    break;
                case OperationKind.PropertyReference:
                    Add(ref propertyReferences, (IPropertyReferenceOperation)operation);
                    break;
                case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment:
                    Add(ref assignments, (IAssignmentOperation)operation);
                    break;
                case OperationKind.DeconstructionAssignment:
                    Add(ref deconstructions, (IDeconstructionAssignmentOperation)operation);
                    break;
                case OperationKind.Argument:
                    Add(ref arguments, (IArgumentOperation)operation);
                    break;
                case OperationKind.AnonymousFunction:
                    Add(ref anonymousFunctions, (IAnonymousFunctionOperation)operation);
                    break;
                case OperationKind.LocalFunction:
                    Add(ref localFunctions, (ILocalFunctionOperation)operation);
                    break;
                case OperationKind.Loop:
                    Add(ref loops, (ILoopOperation)operation);
                    break;
            }
        }

        return new BlockOperations(
            ToImmutable(invocations),
            ToImmutable(objectCreations),
            ToImmutable(propertyReferences),
            ToImmutable(assignments),
            ToImmutable(deconstructions),
            ToImmutable(arguments),
            ToImmutable(anonymousFunctions),
            ToImmutable(localFunctions),
            ToImmutable(loops));
    }
}
