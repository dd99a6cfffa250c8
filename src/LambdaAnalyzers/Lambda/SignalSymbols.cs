using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The types through which background work tells the handler that it is done (the handler then waits for the
/// signal rather than for the work), and <c>Timeout</c>; resolved once per compilation.
/// </summary>
internal sealed class SignalSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> _exact;
    private readonly INamedTypeSymbol? _waitHandle;

    public SignalSymbols(Compilation compilation)
    {
        Timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
        _waitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
        var exact = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[]
        {
            "System.Threading.Tasks.TaskCompletionSource", "System.Threading.Tasks.TaskCompletionSource`1", "System.Threading.CountdownEvent",
            "System.Threading.ManualResetEventSlim", "System.Threading.SemaphoreSlim", "System.Threading.Barrier",
        })
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                exact.Add(type);
            }
        }

        _exact = exact.ToImmutable();
    }

    public INamedTypeSymbol? Timeout { get; }

    public bool IsSignal(ITypeSymbol type)
    {
        foreach (var candidate in _exact)
        {
            if (type.IsType(candidate))
            {
                return true;
            }
        }

        return type.InheritsFromOrEquals(_waitHandle);
    }
}
