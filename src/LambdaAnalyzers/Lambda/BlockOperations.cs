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

    /// <summary>Gathers the operations of some blocks in one walk.</summary>
    public static BlockOperations Gather(ImmutableArray<IOperation> blocks)
    {
        var invocations = ImmutableArray.CreateBuilder<IInvocationOperation>();
        var objectCreations = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
        var propertyReferences = ImmutableArray.CreateBuilder<IPropertyReferenceOperation>();
        var assignments = ImmutableArray.CreateBuilder<IAssignmentOperation>();
        var deconstructions = ImmutableArray.CreateBuilder<IDeconstructionAssignmentOperation>();
        var arguments = ImmutableArray.CreateBuilder<IArgumentOperation>();
        var anonymousFunctions = ImmutableArray.CreateBuilder<IAnonymousFunctionOperation>();
        var localFunctions = ImmutableArray.CreateBuilder<ILocalFunctionOperation>();
        var loops = ImmutableArray.CreateBuilder<ILoopOperation>();
        foreach (var block in blocks)
        {
            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
            {
                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                        invocations.Add((IInvocationOperation)operation);
                        break;
                    case OperationKind.ObjectCreation:
                        objectCreations.Add((IObjectCreationOperation)operation);
                        break;
                    case OperationKind.PropertyReference:
                        propertyReferences.Add((IPropertyReferenceOperation)operation);
                        break;
                    case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment:
                        assignments.Add((IAssignmentOperation)operation);
                        break;
                    case OperationKind.DeconstructionAssignment:
                        deconstructions.Add((IDeconstructionAssignmentOperation)operation);
                        break;
                    case OperationKind.Argument:
                        arguments.Add((IArgumentOperation)operation);
                        break;
                    case OperationKind.AnonymousFunction:
                        anonymousFunctions.Add((IAnonymousFunctionOperation)operation);
                        break;
                    case OperationKind.LocalFunction:
                        localFunctions.Add((ILocalFunctionOperation)operation);
                        break;
                    case OperationKind.Loop:
                        loops.Add((ILoopOperation)operation);
                        break;
                }
            }
        }

        return new BlockOperations(
            invocations.ToImmutable(),
            objectCreations.ToImmutable(),
            propertyReferences.ToImmutable(),
            assignments.ToImmutable(),
            deconstructions.ToImmutable(),
            arguments.ToImmutable(),
            anonymousFunctions.ToImmutable(),
            localFunctions.ToImmutable(),
            loops.ToImmutable());
    }
}
