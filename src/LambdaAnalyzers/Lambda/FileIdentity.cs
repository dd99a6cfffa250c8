using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>What names a file: a local, parameter, field or property, or else the path expression itself.</summary>
internal readonly struct FileIdentity(ISymbol? symbol, IOperation? value)
{
    public ISymbol? Symbol { get; } = symbol;

    public IOperation? Value { get; } = value;

    /// <summary>The identity of a path expression: the variable or member it reads, or the expression.</summary>
    public static FileIdentity Of(IOperation value)
    {
        value = FileSystemModel.Unwrap(value);
        return new FileIdentity(ReferencedSymbol(value), value);
    }

    /// <summary>The local, field or property that keeps a created value, or the value itself.</summary>
    public static FileIdentity HolderOf(IOperation value)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => new FileIdentity(declarator.Symbol, null),
            ISimpleAssignmentOperation assignment when assignment.Value == current && ReferencedSymbol(assignment.Target) is { } target =>
                new FileIdentity(target, null),
            _ => new FileIdentity(null, value),
        };
    }

    /// <summary>Whether an expression names this file: the same local, parameter, field or property, or an equivalent expression.</summary>
    public bool IsNamedBy(IOperation candidate)
    {
        candidate = FileSystemModel.Unwrap(candidate);
        if (Symbol is not null)
        {
            return SymbolEqualityComparer.Default.Equals(ReferencedSymbol(candidate), Symbol);
        }

        return Value is { } value && candidate.Syntax != value.Syntax && candidate.Syntax.IsEquivalentTo(value.Syntax, topLevel: false);
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => AccessPath.VariableOf(operation, withIndexers: false);
}
