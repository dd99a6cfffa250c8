using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Deadlines and delays, resolved once per compilation: <c>ILambdaContext.RemainingTime</c>, cancellation tokens, the
/// APIs that wait, and the "same method plus a CancellationToken" overloads (looked up once per method symbol).
/// </summary>
internal sealed class DeadlineSymbols
{
    private static readonly ConditionalWeakTable<Compilation, DeadlineSymbols> s_symbols = new();

    private readonly ConcurrentDictionary<IMethodSymbol, IMethodSymbol?> _overloads = new(SymbolEqualityComparer.Default);
    private readonly IAssemblySymbol _assembly;
    private readonly INamedTypeSymbol? _obsolete;
    private readonly INamedTypeSymbol? _taskFactory;
    private readonly INamedTypeSymbol? _taskFactoryOfT;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _environment;

    private DeadlineSymbols(Compilation compilation, LambdaSymbols lambda)
    {
        _assembly = compilation.Assembly;
        var types = KnownTypes.Get(compilation);
        _obsolete = types.Find(KnownTypeNames.SystemObsoleteAttribute);
        _taskFactory = types.Find(KnownTypeNames.SystemThreadingTasksTaskFactory);
        _taskFactoryOfT = types.Find(KnownTypeNames.SystemThreadingTasksTaskFactory1);
        _taskOfT = types.Find(KnownTypeNames.SystemThreadingTasksTask1);
        CancellationToken = types.Find(KnownTypeNames.SystemThreadingCancellationToken);
        CancellationTokenSource = types.Find(KnownTypeNames.SystemThreadingCancellationTokenSource);
        TimeSpan = types.Find(KnownTypeNames.SystemTimeSpan);
        DateTime = types.Find(KnownTypeNames.SystemDateTime);
        DateTimeOffset = types.Find(KnownTypeNames.SystemDateTimeOffset);
        Stopwatch = types.Find(KnownTypeNames.SystemDiagnosticsStopwatch);
        _environment = types.Find(KnownTypeNames.SystemEnvironment);
        Task = types.Find(KnownTypeNames.SystemThreadingTasksTask);
        Thread = types.Find(KnownTypeNames.SystemThreadingThread);
        SpinWait = types.Find(KnownTypeNames.SystemThreadingSpinWait);
        WaitHandle = types.Find(KnownTypeNames.SystemThreadingWaitHandle);
        RemainingTime = FindMember<IPropertySymbol>(lambda.LambdaContext, "RemainingTime");
        InfiniteTimeSpan = FindMember<IFieldSymbol>(types.Find(KnownTypeNames.SystemThreadingTimeout), "InfiniteTimeSpan");
        TimeSpanZero = FindMember<IFieldSymbol>(TimeSpan, "Zero");
        TimeSpanUnits = ConstantDuration.GetTimeSpanUnits(TimeSpan);
        CancellationTokenNone = CancellationToken is null ? null : FindMember<IPropertySymbol>(CancellationToken, "None");

        var delays = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        AddMethods(delays, Task, "Delay", withParametersOnly: false);
        AddMethods(delays, Thread, "Sleep", withParametersOnly: false);
        AddMethods(delays, SpinWait, "SpinUntil", withParametersOnly: false);
        AddMethods(delays, WaitHandle, "WaitOne", withParametersOnly: true);
        Delays = delays.ToImmutable();

        var whenAll = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        AddMethods(whenAll, Task, "WhenAll", withParametersOnly: false);
        AddMethods(whenAll, Task, "WhenAny", withParametersOnly: false);
        WhenAllOrAny = whenAll.ToImmutable();
    }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? CancellationTokenSource { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? DateTime { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? Stopwatch { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? Thread { get; }

    public INamedTypeSymbol? SpinWait { get; }

    public INamedTypeSymbol? WaitHandle { get; }

    /// <summary><c>ILambdaContext.RemainingTime</c>.</summary>
    public IPropertySymbol? RemainingTime { get; }

    public IPropertySymbol? CancellationTokenNone { get; }

    /// <summary><c>Timeout.InfiniteTimeSpan</c>.</summary>
    public IFieldSymbol? InfiniteTimeSpan { get; }

    public IFieldSymbol? TimeSpanZero { get; }

    /// <summary>TimeSpan's factories and constructors, with the ticks of one unit of each parameter (see <see cref="ConstantDuration"/>).</summary>
    public ImmutableDictionary<IMethodSymbol, ImmutableArray<long>> TimeSpanUnits { get; }

    /// <summary><c>Task.Delay</c>, <c>Thread.Sleep</c>, <c>SpinWait.SpinUntil</c> and <c>WaitHandle.WaitOne(timeout)</c>.</summary>
    public ImmutableHashSet<IMethodSymbol> Delays { get; }

    /// <summary><c>Task.WhenAll</c> and <c>Task.WhenAny</c>, every overload.</summary>
    public ImmutableHashSet<IMethodSymbol> WhenAllOrAny { get; }

    public static DeadlineSymbols Get(LambdaModel model) =>
        s_symbols.GetValue(model.Compilation, c => new DeadlineSymbols(c, model.Symbols));

    public bool IsCancellationToken(ITypeSymbol? type) => type.IsType(CancellationToken);

    /// <summary>
    /// Members of <c>Task</c> and <c>Task&lt;T&gt;</c> (other than <c>Delay</c>) and <c>TaskFactory</c>, whose token only
    /// governs the scheduling of a delegate or the wait for a task already running (<c>ContinueWith</c>,
    /// <c>WaitAsync(timeout)</c>), not the work itself.
    /// </summary>
    public bool IsSchedulingMethod(IMethodSymbol method) =>
        method.ContainingType is { } type
        && (((type.IsType(Task) || type.IsType(_taskOfT)) && !Delays.Contains(method.OriginalDefinition))
            || type.IsType(_taskFactory) || type.IsType(_taskFactoryOfT));

    /// <summary><c>Environment.TickCount</c> and <c>Environment.TickCount64</c>: reading them measures time.</summary>
    public bool IsTickCount(IPropertySymbol property) =>
        property is { IsStatic: true, Name: "TickCount" or "TickCount64" } && property.ContainingType.IsType(_environment);

    /// <summary>A read of <c>ILambdaContext.RemainingTime</c> (on the interface or an implementation of it).</summary>
    public bool IsRemainingTime(IPropertySymbol property)
    {
        if (RemainingTime is null || property.Name != RemainingTime.Name)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, RemainingTime))
        {
            return true;
        }

        foreach (var implemented in property.ExplicitInterfaceImplementations)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, RemainingTime))
            {
                return true;
            }
        }

        return property.ContainingType is { } type
            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(RemainingTime), property);
    }

    /// <summary>Whether an argument gives a CancellationToken parameter no token: left out, <c>default</c> or <c>CancellationToken.None</c>.</summary>
    public bool GivesNoToken(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.DefaultValue || IsNoToken(argument.Value);

    public bool IsNoToken(IOperation value)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        return value switch
        {
            IDefaultValueOperation => true,
            IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property, CancellationTokenNone),
            _ => value.ConstantValue is { HasValue: true, Value: null },
        };
    }

    /// <summary>
    /// The token parameter the fix of a call passes the deadline to, or null when the call already gets a token or can
    /// take none. With <paramref name="optionalOnly"/> (LMB0009), a required token given <c>None</c> is taken for a
    /// deliberate choice; a polling loop's delay must stop at the deadline whatever it was given.
    /// </summary>
    public IParameterSymbol? GetMissingToken(IInvocationOperation invocation, bool optionalOnly)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsCancellationToken(parameter.Type))
            {
                return (parameter.IsOptional || !optionalOnly) && GivesNoToken(argument) ? parameter : null;
            }
        }

        // Task.Run, ContinueWith, TaskFactory: their token only stops work that has not started; the work itself
        // gets its token inside the delegate.
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction || IsSchedulingMethod(method) || GetOverloadWithToken(method) is not { } overload)
        {
            return null;
        }

        foreach (var parameter in overload.Parameters)
        {
            if (IsCancellationToken(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// The overload declared by the same type with the same name and parameters plus one <c>CancellationToken</c>, or
    /// null. Looked up once per method symbol.
    /// </summary>
    public IMethodSymbol? GetOverloadWithToken(IMethodSymbol method)
    {
        if (CancellationToken is null)
        {
            return null;
        }

        var key = method.ReducedFrom ?? method;
        key = key.OriginalDefinition;
        // A lookup first: GetOrAdd with a method group allocates a delegate on every call.
        return _overloads.TryGetValue(key, out var overload) ? overload : _overloads.GetOrAdd(key, FindOverloadWithToken(key));
    }

    private IMethodSymbol? FindOverloadWithToken(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var member in type.GetMembers(method.Name))
        {
            if (member is IMethodSymbol candidate
                && candidate.IsStatic == method.IsStatic
                && candidate.Arity == method.Arity
                && candidate.Parameters.Length == method.Parameters.Length + 1
                && IsAccessibleLike(candidate, method)
                && !IsObsolete(candidate)
                && HasSameParametersPlusToken(method, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private bool IsObsolete(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(_obsolete))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAccessibleLike(IMethodSymbol candidate, IMethodSymbol method) => candidate.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal => SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, _assembly),
        _ => candidate.DeclaredAccessibility == method.DeclaredAccessibility && SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, _assembly),
    };

    private bool HasSameParametersPlusToken(IMethodSymbol method, IMethodSymbol candidate)
    {
        var skipped = false;
        for (int i = 0, j = 0; j < candidate.Parameters.Length; j++)
        {
            var extra = candidate.Parameters[j];
            if (i < method.Parameters.Length && SameParameter(method.Parameters[i], extra))
            {
                i++;
                continue;
            }

            if (skipped || extra.RefKind != RefKind.None || extra.IsParams || !IsCancellationToken(extra.Type))
            {
                return false;
            }

            skipped = true;
        }

        return skipped;
    }

    private static bool SameParameter(IParameterSymbol a, IParameterSymbol b) =>
        a.RefKind == b.RefKind && a.IsParams == b.IsParams && SameType(a.Type, b.Type);

    /// <summary>Types equal up to the overloads' own type parameters, which are matched by position.</summary>
    private static bool SameType(ITypeSymbol a, ITypeSymbol b)
    {
        if (SymbolEqualityComparer.Default.Equals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } pa:
                return b is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } pb && pa.Ordinal == pb.Ordinal;
            case IArrayTypeSymbol arrayA:
                return b is IArrayTypeSymbol arrayB && arrayA.Rank == arrayB.Rank && SameType(arrayA.ElementType, arrayB.ElementType);
            case INamedTypeSymbol { IsGenericType: true } namedA when b is INamedTypeSymbol { IsGenericType: true } namedB:
                if (!SymbolEqualityComparer.Default.Equals(namedA.OriginalDefinition, namedB.OriginalDefinition))
                {
                    return false;
                }

                for (var i = 0; i < namedA.TypeArguments.Length; i++)
                {
                    if (!SameType(namedA.TypeArguments[i], namedB.TypeArguments[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static T? FindMember<T>(INamedTypeSymbol? type, string name)
        where T : class, ISymbol
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static void AddMethods(ImmutableHashSet<IMethodSymbol>.Builder builder, INamedTypeSymbol? type, string name, bool withParametersOnly)
    {
        if (type is null)
        {
            return;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method && (!withParametersOnly || !method.Parameters.IsEmpty))
            {
                builder.Add(method);
            }
        }
    }
}
