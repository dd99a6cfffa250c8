using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A piece of code that runs per invocation, and why: its root operation, its kind, the function that is its entry,
/// how the invocation's <c>ILambdaContext</c> is reached from it, and where a value hoisted out of it would go.
/// </summary>
internal sealed class Region(IOperation root, RegionKind kind, IMethodSymbol? entry, IParameterSymbol? lambdaContext, HoistTarget hoist, ReachPath? reach = null)
{
    /// <summary>The method body, lambda or local function whose code runs per invocation.</summary>
    public IOperation Root { get; } = root;

    public RegionKind Kind { get; } = kind;

    /// <summary>The handler method, or the lambda or local function that is the root; null when unknown.</summary>
    public IMethodSymbol? Entry { get; } = entry;

    /// <summary>The entry's <c>ILambdaContext</c> parameter, through which the code knows its deadline; null when it has none.</summary>
    public IParameterSymbol? LambdaContext { get; } = lambdaContext;

    public HoistTarget Hoist { get; } = hoist;

    /// <summary>For code a handler reaches through calls: the shortest chain from the entry, and every entry that reaches it.</summary>
    public ReachPath? Reach { get; } = reach;
}
