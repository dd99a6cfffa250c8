#if NET8_0_OR_GREATER
using System;
using System.Threading.Tasks;

namespace Amazon.Lambda.Core;

public static class SnapshotRestore
{
    public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshotAction) { }

    public static void RegisterAfterRestore(Func<ValueTask> afterRestoreAction) { }
}
#endif
