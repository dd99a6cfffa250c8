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
        var types = KnownTypes.Get(compilation);
        Timeout = types.Find(KnownTypeNames.SystemThreadingTimeout);
        _waitHandle = types.Find(KnownTypeNames.SystemThreadingWaitHandle);
        var exact = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[]
        {
            KnownTypeNames.SystemThreadingTasksTaskCompletionSource, KnownTypeNames.SystemThreadingTasksTaskCompletionSource1,
            KnownTypeNames.SystemThreadingCountdownEvent, KnownTypeNames.SystemThreadingManualResetEventSlim,
            KnownTypeNames.SystemThreadingSemaphoreSlim, KnownTypeNames.SystemThreadingBarrier,
        })
        {
            if (types.Find(name) is { } type)
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
