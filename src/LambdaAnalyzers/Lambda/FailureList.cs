using System;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A list of failed records that flows into a partial-batch response: a local list given to the response, or the
/// <c>BatchItemFailures</c> of a response held in a local (<see cref="IsResponse"/>).
/// </summary>
internal readonly struct FailureList : IEquatable<FailureList>
{
    public FailureList(ILocalSymbol local, bool isResponse)
    {
        Local = local;
        IsResponse = isResponse;
    }

    /// <summary>The list, or the response whose <c>BatchItemFailures</c> is the list.</summary>
    public ILocalSymbol Local { get; }

    public bool IsResponse { get; }

    public bool Equals(FailureList other) => IsResponse == other.IsResponse && SymbolEqualityComparer.Default.Equals(Local, other.Local);

    public override bool Equals(object? obj) => obj is FailureList other && Equals(other);

    public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Local) * 2) + (IsResponse ? 1 : 0);
}
