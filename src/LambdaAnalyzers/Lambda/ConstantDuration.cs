using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The duration a value stands for when the code fixes it: an <c>int</c>/<c>long</c> constant in milliseconds,
/// <c>TimeSpan.From{Ticks,Milliseconds,Seconds,Minutes,Hours,Days}(c)</c>, <c>new TimeSpan(...)</c> with constant
/// arguments, <c>TimeSpan.Zero</c>, or a <c>const</c>, a <c>static readonly</c> field or a local assigned once with one
/// of these. <c>Timeout.Infinite</c> and <c>Timeout.InfiniteTimeSpan</c> (-1 ms, however written) are infinite;
/// anything else, a negative duration included (the APIs that wait reject it), is unknown.
/// </summary>
internal readonly struct ConstantDuration
{
    // Fields and locals read from one another: a bound keeps the walk short and ends cycles (A = B, B = A).
    private const int MaxDepth = LocalAssignments.BuiltValueDepth;

    private readonly TimeSpan? _value;

    private ConstantDuration(TimeSpan? value, bool isInfinite)
    {
        _value = value;
        IsInfinite = isInfinite;
    }

    public static ConstantDuration Unknown => default;

    public static ConstantDuration Infinite => new(null, isInfinite: true);

    public bool IsInfinite { get; }

    public bool IsUnknown => _value is null && !IsInfinite;

    /// <summary>The finite duration, or null when the duration is infinite or unknown.</summary>
    public TimeSpan? Value => _value;

    /// <summary>Whether the duration is known, finite and shorter than <paramref name="limit"/>.</summary>
    public bool IsShorterThan(TimeSpan limit) => _value is { } value && value < limit;

    public override string ToString() => IsInfinite ? "infinite" : _value?.ToString() ?? "unknown";

    /// <summary>
    /// The duration of a value. Locals are followed through <paramref name="locals"/> (null: a local is unknown); a
    /// <c>static readonly</c> field only when it is declared in the value's own syntax tree, without a static constructor
    /// that could assign it again.
    /// </summary>
    public static ConstantDuration Of(IOperation value, DeadlineSymbols symbols, LocalAssignments? locals) =>
        Of(value, symbols, locals, 0);

    /// <summary>How long a delay (<c>Task.Delay</c>, <c>Thread.Sleep</c>, ...) waits: its first <c>int</c> or <c>TimeSpan</c> argument.</summary>
    public static ConstantDuration OfDelay(IInvocationOperation delay, DeadlineSymbols symbols, LocalAssignments? locals)
    {
        foreach (var argument in delay.Arguments)
        {
            if (argument.Parameter is { Ordinal: var ordinal, Type: var type }
                && (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 || type.IsType(symbols.TimeSpan))
                && IsFirstDuration(delay.TargetMethod, ordinal, symbols))
            {
                return Of(argument.Value, symbols, locals);
            }
        }

        return Unknown;
    }

    /// <summary>
    /// The ticks of one unit of each parameter of TimeSpan's factories and constructors: <c>FromSeconds(double value)</c>
    /// counts in seconds, <c>new TimeSpan(int hours, int minutes, int seconds)</c> and .NET 9's
    /// <c>FromSeconds(long seconds, long milliseconds = 0, ...)</c> by parameter name. Built once per compilation.
    /// </summary>
    public static ImmutableDictionary<IMethodSymbol, ImmutableArray<long>> GetTimeSpanUnits(INamedTypeSymbol? timeSpan)
    {
        var units = ImmutableDictionary.CreateBuilder<IMethodSymbol, ImmutableArray<long>>(SymbolEqualityComparer.Default);
        if (timeSpan is null)
        {
            return units.ToImmutable();
        }

        foreach (var member in timeSpan.GetMembers())
        {
            if (member is not IMethodSymbol method
                || method.Parameters.IsEmpty
                || !(method.MethodKind == MethodKind.Constructor || (method.IsStatic && method.MethodKind == MethodKind.Ordinary)))
            {
                continue;
            }

            var methodUnit = method.MethodKind == MethodKind.Constructor ? 0 : UnitOf(method.Name.StartsWith("From", StringComparison.Ordinal) ? method.Name.Substring(4) : string.Empty);
            var parameters = ImmutableArray.CreateBuilder<long>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                var unit = UnitOf(parameter.Name);
                parameters.Add(unit != 0 ? unit : methodUnit);
            }

            if (!parameters.Contains(0))
            {
                units.Add(method, parameters.MoveToImmutable());
            }
        }

        return units.ToImmutable();
    }

    private static long UnitOf(string name) => name.ToLowerInvariant() switch
    {
        "days" => TimeSpan.TicksPerDay,
        "hours" => TimeSpan.TicksPerHour,
        "minutes" => TimeSpan.TicksPerMinute,
        "seconds" => TimeSpan.TicksPerSecond,
        "milliseconds" => TimeSpan.TicksPerMillisecond,
        "microseconds" => TimeSpan.TicksPerMillisecond / 1000,
        "ticks" => 1,
        _ => 0,
    };

    /// <summary>Whether no earlier parameter is a duration too: named arguments may come in any order.</summary>
    private static bool IsFirstDuration(IMethodSymbol method, int ordinal, DeadlineSymbols symbols)
    {
        for (var i = 0; i < ordinal && i < method.Parameters.Length; i++)
        {
            var type = method.Parameters[i].Type;
            if (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 || type.IsType(symbols.TimeSpan))
            {
                return false;
            }
        }

        return true;
    }

    private static ConstantDuration Of(IOperation value, DeadlineSymbols symbols, LocalAssignments? locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return Unknown;
        }

        // A const field or local, Timeout.Infinite and constant arithmetic all fold to a constant.
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value switch
            {
                int milliseconds => FromMilliseconds(milliseconds),
                long milliseconds => FromMilliseconds(milliseconds),
                short milliseconds => FromMilliseconds(milliseconds),
                ushort milliseconds => FromMilliseconds(milliseconds),
                byte milliseconds => FromMilliseconds(milliseconds),
                sbyte milliseconds => FromMilliseconds(milliseconds),
                uint milliseconds => FromMilliseconds(milliseconds),
                _ => Unknown,
            };
        }

        switch (value)
        {
            // Only conversions that keep the value: (int)bigLong would not.
            case IConversionOperation { Conversion: { IsImplicit: true, IsUserDefined: false } } conversion:
                return Of(conversion.Operand, symbols, locals, depth);
            case IParenthesizedOperation parenthesized:
                return Of(parenthesized.Operand, symbols, locals, depth);
            case IInvocationOperation { Instance: null } call when symbols.TimeSpanUnits.TryGetValue(call.TargetMethod.OriginalDefinition, out var units):
                return FromUnits(call.Arguments, units);
            case IObjectCreationOperation { Constructor: { } constructor } creation when constructor.ContainingType.IsType(symbols.TimeSpan):
                return creation.Arguments.IsEmpty ? FromTicks(0)
                    : symbols.TimeSpanUnits.TryGetValue(constructor.OriginalDefinition, out var constructorUnits) ? FromUnits(creation.Arguments, constructorUnits)
                    : Unknown;
            case IDefaultValueOperation when value.Type.IsType(symbols.TimeSpan):
                return FromTicks(0);
            case IFieldReferenceOperation field:
                return OfField(field.Field, value, symbols, depth);
            case ILocalReferenceOperation local:
                return locals?.GetSingleAssignment(local.Local) is { } assigned && SymbolEqualityComparer.Default.Equals(assigned.Type, local.Local.Type)
                    ? Of(assigned, symbols, locals, depth + 1)
                    : Unknown;
            default:
                return Unknown;
        }
    }

    private static ConstantDuration OfField(IFieldSymbol field, IOperation reference, DeadlineSymbols symbols, int depth)
    {
        if (SymbolEqualityComparer.Default.Equals(field.OriginalDefinition, symbols.InfiniteTimeSpan))
        {
            return Infinite;
        }

        if (SymbolEqualityComparer.Default.Equals(field.OriginalDefinition, symbols.TimeSpanZero))
        {
            return FromTicks(0);
        }

        if (!field.IsStatic || !field.IsReadOnly || HasStaticConstructor(field.ContainingType)
            || field.DeclaringSyntaxReferences.Length != 1
            || reference.SemanticModel is not { } semanticModel
            || field.DeclaringSyntaxReferences[0] is not { } declaration
            || declaration.SyntaxTree != semanticModel.SyntaxTree
            || declaration.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || semanticModel.GetOperation(initializer) is not { } value)
        {
            return Unknown;
        }

        return Of(value, symbols, null, depth + 1);
    }

    private static bool HasStaticConstructor(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return true;
        }

        foreach (var constructor in type.StaticConstructors)
        {
            if (!constructor.IsImplicitlyDeclared)
            {
                return true;
            }
        }

        return false;
    }

    private static ConstantDuration FromUnits(ImmutableArray<IArgumentOperation> arguments, ImmutableArray<long> units)
    {
        var ticks = 0d;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= units.Length || !TryGetNumber(argument.Value, out var number))
            {
                return Unknown;
            }

            ticks += number * units[parameter.Ordinal];
        }

        // TimeSpan truncates fractional ticks; out of its range, the factory throws.
        return double.IsNaN(ticks) || Math.Abs(ticks) >= long.MaxValue ? Unknown : FromTicks((long)ticks);
    }

    private static bool TryGetNumber(IOperation value, out double number)
    {
        switch (value.ConstantValue.HasValue ? value.ConstantValue.Value : null)
        {
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case double d:
                number = d;
                return true;
            case float f:
                number = f;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static ConstantDuration FromMilliseconds(long milliseconds) => milliseconds switch
    {
        -1 => Infinite,
        < 0 or >= long.MaxValue / TimeSpan.TicksPerMillisecond => Unknown,
        _ => FromTicks(milliseconds * TimeSpan.TicksPerMillisecond),
    };

    private static ConstantDuration FromTicks(long ticks) => ticks switch
    {
        -TimeSpan.TicksPerMillisecond => Infinite,
        < 0 => Unknown,
        _ => new ConstantDuration(TimeSpan.FromTicks(ticks), isInfinite: false),
    };
}
