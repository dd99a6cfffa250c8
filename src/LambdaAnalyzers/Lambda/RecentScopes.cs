using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The invocation scopes of the operation blocks analyzed last. Every rule asks for the scope of a block right after
/// the others, so a few entries serve nearly every request; an entry pushed out is computed again, never wrong. Unlike
/// a table keyed weakly on every block, it costs no handle per block and keeps at most <see cref="Capacity"/> blocks alive.
/// </summary>
internal sealed class RecentScopes
{
    /// <summary>More blocks than the driver's threads have in progress at once.</summary>
    private const int Capacity = 32;

    private readonly object _gate = new();
    private readonly IOperation?[] _blocks = new IOperation?[Capacity];
    private readonly InvocationScope?[] _scopes = new InvocationScope?[Capacity];
    private int _next;

    public bool TryGet(IOperation block, out InvocationScope? scope)
    {
        lock (_gate)
        {
            for (var i = 0; i < Capacity; i++)
            {
                if (ReferenceEquals(_blocks[i], block))
                {
                    scope = _scopes[i];
                    return true;
                }
            }
        }

        scope = null;
        return false;
    }

    public void Add(IOperation block, InvocationScope? scope)
    {
        lock (_gate)
        {
            _blocks[_next] = block;
            _scopes[_next] = scope;
            _next = (_next + 1) % Capacity;
        }
    }
}
