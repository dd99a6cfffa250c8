using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>One reason the class-library runtime cannot call a handler method, with the type it concerns.</summary>
internal readonly struct CallabilityProblem
{
    public CallabilityProblem(CallabilityProblemKind kind, ITypeSymbol? type = null, int parameterCount = 0)
    {
        Kind = kind;
        Type = type;
        ParameterCount = parameterCount;
    }

    public CallabilityProblemKind Kind { get; }

    /// <summary>
    /// The type the problem is about: the class to create (<see cref="CallabilityProblemKind.NoPublicConstructor"/>), the
    /// second parameter's type, the input, or the data returned; null for the others.
    /// </summary>
    public ITypeSymbol? Type { get; }

    /// <summary>How many parameters the method has, for <see cref="CallabilityProblemKind.TooManyParameters"/>.</summary>
    public int ParameterCount { get; }
}
