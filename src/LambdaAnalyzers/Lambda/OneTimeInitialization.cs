using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Recognizes values that are stored once and reused, even though the code that makes them sits in a handler:
/// <c>_f ??= value</c>, <c>if (_f is null) _f = value</c> (double-checked locks included), <c>Lazy&lt;T&gt;</c>,
/// <c>LazyInitializer.EnsureInitialized</c> and <c>Interlocked.CompareExchange</c>.
/// </summary>
internal sealed class OneTimeInitialization
{
    private readonly INamedTypeSymbol? _lazy;
    private readonly INamedTypeSymbol? _lazyInitializer;
    private readonly INamedTypeSymbol? _interlocked;

    public OneTimeInitialization(Compilation compilation)
    {
        _lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
        _lazyInitializer = compilation.GetTypeByMetadataName("System.Threading.LazyInitializer");
        _interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
    }

    /// <summary>
    /// Whether the value produced by <paramref name="operation"/> is made only when a long-lived member does not hold
    /// one yet. <paramref name="overwritten"/> is the field or property the value is stored into when no such guard
    /// protects it.
    /// </summary>
    public bool IsGuarded(IOperation operation, out ISymbol? overwritten)
    {
        overwritten = null;
        var crossedStatement = false;
        var current = operation;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ICoalesceAssignmentOperation coalesce when !crossedStatement && coalesce.Value == current:
                    return IsMember(coalesce.Target, out _);

                case ISimpleAssignmentOperation assignment when !crossedStatement && assignment.Value == current:
                    if (!IsMember(assignment.Target, out var member))
                    {
                        return false;
                    }

                    if (IsNullChecked(assignment, member!))
                    {
                        return true;
                    }

                    overwritten = member;
                    return false;

                case IArgumentOperation argument when !crossedStatement
                    && argument.Parent is IInvocationOperation invocation
                    && invocation.TargetMethod.ContainingType.IsType(_interlocked)
                    && invocation.TargetMethod.Name == nameof(System.Threading.Interlocked.CompareExchange):
                    return true;

                case IAnonymousFunctionOperation lambda:
                    // The factory of a Lazy<T> or LazyInitializer runs once, whatever its body does.
                    return IsLazyFactory(lambda);

                case ILocalFunctionOperation or IMethodBodyOperation:
                    return false;

                case IExpressionStatementOperation or IVariableDeclaratorOperation or IReturnOperation or IBlockOperation:
                    crossedStatement = true;
                    break;
            }
        }

        return false;
    }

    private bool IsLazyFactory(IAnonymousFunctionOperation lambda)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation argument)
        {
            return false;
        }

        return argument.Parent switch
        {
            IObjectCreationOperation creation => creation.Type.IsType(_lazy),
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType.IsType(_lazyInitializer),
            _ => false,
        };
    }

    private static bool IsMember(IOperation target, out ISymbol? member)
    {
        member = target switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };
        return member is not null;
    }

    /// <summary>
    /// Whether an <c>if</c> that encloses the assignment, or that precedes it in an enclosing block (the early-return
    /// shape), tests the member against null.
    /// </summary>
    private static bool IsNullChecked(IOperation assignment, ISymbol member)
    {
        var current = assignment;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition != current && TestsForNull(conditional.Condition, member):
                    return true;

                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == current)
                        {
                            break;
                        }

                        if (statement is IConditionalOperation earlier && TestsForNull(earlier.Condition, member))
                        {
                            return true;
                        }
                    }

                    break;

                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool TestsForNull(IOperation condition, ISymbol member)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when (IsReferenceTo(binary.LeftOperand, member) && IsNullConstant(binary.RightOperand))
                      || (IsReferenceTo(binary.RightOperand, member) && IsNullConstant(binary.LeftOperand)):
                    return true;

                case IIsPatternOperation pattern when IsReferenceTo(pattern.Value, member):
                    return true;
            }
        }

        return false;
    }

    private static bool IsReferenceTo(IOperation operation, ISymbol member)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return IsMember(operation, out var referenced) && SymbolEqualityComparer.Default.Equals(referenced, member);
    }

    private static bool IsNullConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null };
}
