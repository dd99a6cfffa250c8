using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The BCL types of asynchronous and background work, resolved once per compilation: tasks and task-like types,
/// awaitables, and the APIs that start work on other threads.
/// </summary>
internal sealed class AsyncSymbols
{
    public AsyncSymbols(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        Task = types.Find(KnownTypeNames.SystemThreadingTasksTask);
        TaskOfT = types.Find(KnownTypeNames.SystemThreadingTasksTask1);
        ValueTask = types.Find(KnownTypeNames.SystemThreadingTasksValueTask);
        ValueTaskOfT = types.Find(KnownTypeNames.SystemThreadingTasksValueTask1);
        ConfiguredTaskAwaitable = types.Find(KnownTypeNames.SystemRuntimeCompilerServicesConfiguredTaskAwaitable);
        ConfiguredTaskAwaitableOfT = types.Find(KnownTypeNames.SystemRuntimeCompilerServicesConfiguredTaskAwaitable1);
        ConfiguredValueTaskAwaitable = types.Find(KnownTypeNames.SystemRuntimeCompilerServicesConfiguredValueTaskAwaitable);
        ConfiguredValueTaskAwaitableOfT = types.Find(KnownTypeNames.SystemRuntimeCompilerServicesConfiguredValueTaskAwaitable1);
        AsyncMethodBuilderAttribute = types.Find(KnownTypeNames.SystemRuntimeCompilerServicesAsyncMethodBuilderAttribute);
        AsyncEnumerableOfT = types.Find(KnownTypeNames.SystemCollectionsGenericIAsyncEnumerable1);
        TaskFactory = types.Find(KnownTypeNames.SystemThreadingTasksTaskFactory);
        TaskFactoryOfT = types.Find(KnownTypeNames.SystemThreadingTasksTaskFactory1);
        Parallel = types.Find(KnownTypeNames.SystemThreadingTasksParallel);
        Thread = types.Find(KnownTypeNames.SystemThreadingThread);
        ThreadPool = types.Find(KnownTypeNames.SystemThreadingThreadPool);
        ThreadingTimer = types.Find(KnownTypeNames.SystemThreadingTimer);
        TimersTimer = types.Find(KnownTypeNames.SystemTimersTimer);
    }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitableOfT { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitableOfT { get; }

    public INamedTypeSymbol? AsyncMethodBuilderAttribute { get; }

    public INamedTypeSymbol? AsyncEnumerableOfT { get; }

    public INamedTypeSymbol? TaskFactory { get; }

    public INamedTypeSymbol? TaskFactoryOfT { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? Thread { get; }

    public INamedTypeSymbol? ThreadPool { get; }

    public INamedTypeSymbol? ThreadingTimer { get; }

    public INamedTypeSymbol? TimersTimer { get; }

    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c>.</summary>
    public bool IsTask(ITypeSymbol? type) => type.IsType(Task) || type.IsType(TaskOfT);

    /// <summary><c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsValueTask(ITypeSymbol? type) => type.IsType(ValueTask) || type.IsType(ValueTaskOfT);

    /// <summary>
    /// Whether a value of this type is work in flight that is lost unless awaited: a task, a value task, a configured
    /// awaitable, or a type whose async method builder makes it task-like. <c>IAsyncEnumerable&lt;T&gt;</c> is lazy and
    /// is not.
    /// </summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        // void, string, the numbers, object, arrays and pointers (most calls) are none, and need no comparison.
        if (type is null || type.SpecialType != SpecialType.None
            || type.TypeKind is TypeKind.Error or TypeKind.Array or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic
            || type.IsType(AsyncEnumerableOfT))
        {
            return false;
        }

        if (IsTask(type) || IsValueTask(type)
            || type.IsType(ConfiguredTaskAwaitable) || type.IsType(ConfiguredTaskAwaitableOfT)
            || type.IsType(ConfiguredValueTaskAwaitable) || type.IsType(ConfiguredValueTaskAwaitableOfT))
        {
            return true;
        }

        // Task<T> subclasses, and user task-like types declared with [AsyncMethodBuilder].
        if (type.InheritsFromOrEquals(Task))
        {
            return true;
        }

        if (AsyncMethodBuilderAttribute is not null)
        {
            foreach (var attribute in type.OriginalDefinition.GetAttributes())
            {
                if (attribute.AttributeClass.IsType(AsyncMethodBuilderAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
