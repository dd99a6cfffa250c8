using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The invocation scopes of the operation blocks analyzed last. Every rule asks for the scope of a block right after
/// the others, so a few entries serve nearly every request; an entry pushed out is computed again, never wrong. Unlike
/// a table keyed weakly on every block, it costs no handle per block and keeps at most <see cref="Capacity"/> blocks
/// alive; unlike a lock, it never makes one thread wait for another.
/// </summary>
internal sealed class RecentScopes
{
    /// <summary>More blocks than the driver's threads have in progress at once.</summary>
    private const int Capacity = 32;

    private readonly Entry?[] _entries = new Entry?[Capacity];
    private int _added;

    public bool TryGet(IOperation block, out InvocationScope? scope)
    {
        // From the newest entry back: the block asked for is nearly always one of the last few added.
        var newest = Volatile.Read(ref _added);
        for (var i = 0; i < Capacity; i++)
        {
            var entry = Volatile.Read(ref _entries[Slot(newest - i)]);
            if (entry is not null && ReferenceEquals(entry.Block, block))
            {
                scope = entry.Scope;
                return true;
            }
        }

        scope = null;
        return false;
    }

    public void Add(IOperation block, InvocationScope? scope) =>
        Volatile.Write(ref _entries[Slot(Interlocked.Increment(ref _added))], new Entry(block, scope));

    private static int Slot(int index) => (int)((uint)index % Capacity);

    private sealed class Entry(IOperation block, InvocationScope? scope)
    {
        public IOperation Block { get; } = block;

        public InvocationScope? Scope { get; } = scope;
    }
}
