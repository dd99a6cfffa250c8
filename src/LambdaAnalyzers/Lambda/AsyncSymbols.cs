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
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ConfiguredTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable");
        ConfiguredTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1");
        ConfiguredValueTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable");
        ConfiguredValueTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1");
        AsyncMethodBuilderAttribute = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.AsyncMethodBuilderAttribute");
        AsyncEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        ThreadingTimer = compilation.GetTypeByMetadataName("System.Threading.Timer");
        TimersTimer = compilation.GetTypeByMetadataName("System.Timers.Timer");
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
        if (type is null || type.TypeKind == TypeKind.Error || type.IsType(AsyncEnumerableOfT))
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
