using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The variable or member an expression denotes, as the chain of symbols that reaches it: <c>_job.Task</c> is
/// [_job, Task], <c>this.Task</c> and <c>Task</c> are [Task]. Members are held by their original definitions, so
/// the same member of two constructions of a generic type is one path. <see cref="None"/> when the expression names
/// no variable or member.
/// </summary>
internal readonly struct AccessPath : IEquatable<AccessPath>
{
    private readonly ImmutableArray<ISymbol> _symbols;

    private AccessPath(ImmutableArray<ISymbol> symbols) => _symbols = symbols;

    public static AccessPath None => default;

    public bool IsNone => _symbols.IsDefault;

    private ImmutableArray<ISymbol> Symbols => _symbols.IsDefault ? ImmutableArray<ISymbol>.Empty : _symbols;

    /// <summary>
    /// The one local, parameter, field or property an expression reads directly, whatever its receiver: the short
    /// answer to "which variable is this" that counters and file names need. Indexers count only when
    /// <paramref name="withIndexers"/>: a file name kept in <c>paths[i]</c> is not one variable.
    /// </summary>
    public static ISymbol? VariableOf(IOperation? operation, bool withIndexers) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property when withIndexers || property.Arguments.IsEmpty => property.Property,
        _ => null,
    };

    /// <summary>The path of a local, a parameter, or a member read without a receiver or through <c>this</c>.</summary>
    public static AccessPath Of(ISymbol root) => new(ImmutableArray.Create(root.OriginalDefinition));

    /// <summary>This path followed by a member; <see cref="None"/> stays none.</summary>
    public AccessPath Add(ISymbol member) => IsNone ? None : new(_symbols.Add(member.OriginalDefinition));

    public bool Equals(AccessPath other)
    {
        if (IsNone || other.IsNone)
        {
            return IsNone == other.IsNone;
        }

        if (_symbols.Length != other._symbols.Length)
        {
            return false;
        }

        for (var i = 0; i < _symbols.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(_symbols[i], other._symbols[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is AccessPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var symbol in Symbols)
        {
            hash = unchecked((hash * 31) + SymbolEqualityComparer.Default.GetHashCode(symbol));
        }

        return hash;
    }

    /// <summary>The names joined by dots (<c>_job.Task</c>), for tests and debugging; empty for <see cref="None"/>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var symbol in Symbols)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(symbol.Name);
        }

        return text.ToString();
    }
}
