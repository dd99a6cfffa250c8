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

    /// <summary>The lists of the walk in progress on this thread, kept between walks so that they grow only once.</summary>
    [System.ThreadStatic]
    private static Walk? t_walk;

    /// <summary>Gathers the operations of some blocks in one walk.</summary>
    public static BlockOperations Gather(ImmutableArray<IOperation> blocks)
    {
        // A walk calls nothing that could walk again on this thread; taken while in use, it is replaced.
        var walk = t_walk ?? new Walk();
        t_walk = null;
        try
        {
            return walk.Gather(blocks);
        }
        finally
        {
            t_walk = walk;
        }
    }

    private sealed class Walk
    {
        private const int MaxKeptCapacity = 1024;

        private readonly Stack<IOperation> _pending = new();
        private readonly ImmutableArray<IInvocationOperation>.Builder _invocations = ImmutableArray.CreateBuilder<IInvocationOperation>();
        private readonly ImmutableArray<IObjectCreationOperation>.Builder _objectCreations = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
        private readonly ImmutableArray<IPropertyReferenceOperation>.Builder _propertyReferences = ImmutableArray.CreateBuilder<IPropertyReferenceOperation>();
        private readonly ImmutableArray<IAssignmentOperation>.Builder _assignments = ImmutableArray.CreateBuilder<IAssignmentOperation>();
        private readonly ImmutableArray<IDeconstructionAssignmentOperation>.Builder _deconstructions = ImmutableArray.CreateBuilder<IDeconstructionAssignmentOperation>();
        private readonly ImmutableArray<IArgumentOperation>.Builder _arguments = ImmutableArray.CreateBuilder<IArgumentOperation>();
        private readonly ImmutableArray<IAnonymousFunctionOperation>.Builder _anonymousFunctions = ImmutableArray.CreateBuilder<IAnonymousFunctionOperation>();
        private readonly ImmutableArray<ILocalFunctionOperation>.Builder _localFunctions = ImmutableArray.CreateBuilder<ILocalFunctionOperation>();
        private readonly ImmutableArray<ILoopOperation>.Builder _loops = ImmutableArray.CreateBuilder<ILoopOperation>();

        public BlockOperations Gather(ImmutableArray<IOperation> blocks)
        {
            // An explicit stack rather than the iterators of DescendantsAndSelf: children pushed last to first come off
            // in source order.
            _pending.Clear();
            for (var i = blocks.Length - 1; i >= 0; i--)
            {
                _pending.Push(blocks[i]);
            }

            while (_pending.Count > 0)
            {
                var operation = _pending.Pop();
                foreach (var child in TreeWalk.Children(operation).Reverse())
                {
                    _pending.Push(child);
                }

                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                        _invocations.Add((IInvocationOperation)operation);
                        break;
                    case OperationKind.ObjectCreation:
                        _objectCreations.Add((IObjectCreationOperation)operation);
                        break;
                    case OperationKind.PropertyReference:
                        _propertyReferences.Add((IPropertyReferenceOperation)operation);
                        break;
                    case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment:
                        _assignments.Add((IAssignmentOperation)operation);
                        break;
                    case OperationKind.DeconstructionAssignment:
                        _deconstructions.Add((IDeconstructionAssignmentOperation)operation);
                        break;
                    case OperationKind.Argument:
                        _arguments.Add((IArgumentOperation)operation);
                        break;
                    case OperationKind.AnonymousFunction:
                        _anonymousFunctions.Add((IAnonymousFunctionOperation)operation);
                        break;
                    case OperationKind.LocalFunction:
                        _localFunctions.Add((ILocalFunctionOperation)operation);
                        break;
                    case OperationKind.Loop:
                        _loops.Add((ILoopOperation)operation);
                        break;
                }
            }

            return new BlockOperations(
                Take(_invocations),
                Take(_objectCreations),
                Take(_propertyReferences),
                Take(_assignments),
                Take(_deconstructions),
                Take(_arguments),
                Take(_anonymousFunctions),
                Take(_localFunctions),
                Take(_loops));
        }

        /// <summary>The list's operations, leaving it empty with its capacity for the next walk.</summary>
        private static ImmutableArray<T> Take<T>(ImmutableArray<T>.Builder builder)
        {
            if (builder.Count == 0)
            {
                return ImmutableArray<T>.Empty;
            }

            var operations = builder.ToImmutable();
            builder.Clear();

            // A very large member does not keep its memory for the rest of the analysis.
            if (builder.Capacity > MaxKeptCapacity)
            {
                builder.Capacity = MaxKeptCapacity;
            }

            return operations;
        }
    }
}
