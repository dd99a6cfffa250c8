using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Waits and timeouts in per-invocation code that Lambda's timeout cuts short (<see cref="LongWait"/>): a constant
/// duration (<see cref="ConstantDuration"/>) at least as long as the shortest known timeout of the functions whose
/// entries reach the code (<see cref="FunctionLimitsCatalog"/>), given to <c>Task.Delay</c>, <c>Thread.Sleep</c>,
/// <c>new CancellationTokenSource(delay)</c> or <c>CancelAfter</c>, or set as <c>HttpClient.Timeout</c> or an AWS SDK
/// client configuration's <c>Timeout</c>. An infinite duration is none. A delay given a token other than
/// <c>None</c>/<c>default</c> ends with that token; a token source linked with such a token
/// (<c>CreateLinkedTokenSource(token)</c>), or whose token is passed alongside one (<c>CreateLinkedTokenSource(cts.Token,
/// token)</c>, a call given both), is cancelled by it: neither is a long wait. A token source kept anywhere but in a
/// local (a field, a property) may be linked where this block cannot see: none either. Symbols are resolved once per
/// compilation.
/// </summary>
internal sealed class LongWaits
{
    private static readonly ConditionalWeakTable<Compilation, LongWaits> s_waits = new();

    private readonly DeadlineSymbols _deadlines;
    private readonly INamedTypeSymbol? _httpClient;
    private readonly INamedTypeSymbol? _clientConfig;

    private LongWaits(Compilation compilation, DeadlineSymbols deadlines)
    {
        _deadlines = deadlines;
        var types = KnownTypes.Get(compilation);
        _httpClient = types.Find(KnownTypeNames.SystemNetHttpHttpClient);
        _clientConfig = types.Find(KnownTypeNames.AmazonRuntimeClientConfig, KnownTypeNames.AwsSdkCoreAssemblyName);
    }

    public static LongWaits Get(LambdaModel model) =>
        s_waits.GetValue(model.Compilation, c => new LongWaits(c, DeadlineSymbols.Get(model)));

    /// <summary><c>Task.Delay</c> or <c>Thread.Sleep</c> of a long constant duration, or <c>CancelAfter</c> on a token source of this block.</summary>
    public LongWait? Find(IInvocationOperation invocation, InvocationScope scope, FunctionLimitsCatalog limits)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Delay" when method.ContainingType.IsType(_deadlines.Task):
            case "Sleep" when method.ContainingType.IsType(_deadlines.Thread):
                if (HasToken(invocation.Arguments))
                {
                    return null;
                }

                return Create(invocation, FirstDuration(invocation.Arguments), method.ContainingType.Name + "." + method.Name, isWait: true, scope, limits);

            case "CancelAfter" when method.ContainingType.IsType(_deadlines.CancellationTokenSource):
                return invocation.Instance is { } instance
                    && Wrappers.ImplicitConversionsAndParentheses(instance) is ILocalReferenceOperation local
                    && IsUnlinkedSource(local.Local, scope)
                    ? Create(invocation, FirstDuration(invocation.Arguments), "CancelAfter", isWait: false, scope, limits)
                    : null;

            default:
                return null;
        }
    }

    /// <summary><c>new CancellationTokenSource(delay)</c> of a long constant duration, kept in a local or used at once.</summary>
    public LongWait? Find(IObjectCreationOperation creation, InvocationScope scope, FunctionLimitsCatalog limits)
    {
        if (!creation.Type.IsType(_deadlines.CancellationTokenSource) || creation.Arguments.IsEmpty || FirstDuration(creation.Arguments) is not { } duration)
        {
            return null;
        }

        var parent = creation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        var kept = parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => IsUnlinkedSource(declarator.Symbol, scope),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => IsUnlinkedSource(local.Local, scope),
            IPropertyReferenceOperation { Property.Name: "Token" } => true,
            _ => false,
        };
        return kept ? Create(creation, duration, "CancellationTokenSource", isWait: false, scope, limits) : null;
    }

    /// <summary><c>HttpClient.Timeout</c> or an AWS SDK client configuration's <c>Timeout</c> set to a long constant duration.</summary>
    public LongWait? Find(IAssignmentOperation assignment, InvocationScope scope, FunctionLimitsCatalog limits)
    {
        if (assignment is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Timeout", IsStatic: false } property } target })
        {
            return null;
        }

        string member;
        if (property.ContainingType.InheritsFromOrEquals(_httpClient))
        {
            member = "HttpClient.Timeout";
        }
        else if (_clientConfig is not null && property.ContainingType.InheritsFromOrEquals(_clientConfig))
        {
            member = (target.Instance?.Type?.Name ?? property.ContainingType.Name) + ".Timeout";
        }
        else
        {
            return null;
        }

        return Create(assignment, assignment.Value, member, isWait: false, scope, limits);
    }

    private LongWait? Create(IOperation operation, IOperation? value, string member, bool isWait, InvocationScope scope, FunctionLimitsCatalog limits)
    {
        if (value is null
            || ConstantDuration.Of(value, _deadlines, scope.Locals).Value is not { } duration
            || scope.GetRegion(operation) is not { } region
            || FunctionLimits.WithShortestTimeout(limits.GetFunctions(region)) is not { TimeoutSeconds: { } seconds } function
            || duration < TimeSpan.FromSeconds(seconds))
        {
            return null;
        }

        return new LongWait(value, member, isWait, duration, function, seconds);
    }

    /// <summary>The first <c>int</c>, <c>long</c> or <c>TimeSpan</c> argument: the duration of a delay, a source or <c>CancelAfter</c>.</summary>
    private IOperation? FirstDuration(ImmutableArray<IArgumentOperation> arguments)
    {
        IArgumentOperation? first = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type: var type } parameter
                && (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 || type.IsType(_deadlines.TimeSpan))
                && (first is null || parameter.Ordinal < first.Parameter!.Ordinal))
            {
                first = argument;
            }
        }

        return first?.Value;
    }

    /// <summary>Whether some argument gives a CancellationToken parameter a token other than <c>None</c>/<c>default</c>.</summary>
    private bool HasToken(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && _deadlines.IsCancellationToken(parameter.Type) && !_deadlines.GivesNoToken(argument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a local holds token sources that nothing else cancels: each value assigned to it is created here (<c>new
    /// CancellationTokenSource(...)</c>, or <c>CreateLinkedTokenSource</c> of no token but <c>None</c>/<c>default</c>), and no
    /// call of these blocks gets its token together with another token.
    /// </summary>
    private bool IsUnlinkedSource(ILocalSymbol local, InvocationScope scope)
    {
        var values = scope.Locals.Get(local);
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            switch (value is null ? null : Wrappers.ImplicitConversionsAndParentheses(value))
            {
                case IObjectCreationOperation creation when creation.Type.IsType(_deadlines.CancellationTokenSource):
                    break;
                case IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } linked
                    when linked.TargetMethod.ContainingType.IsType(_deadlines.CancellationTokenSource) && !GivesAnyToken(linked.Arguments, except: null):
                    break;
                default:
                    return false;
            }
        }

        foreach (var invocation in scope.Operations.Invocations)
        {
            if (PassesTokenOf(invocation.Arguments, local) is { } sourceToken && GivesAnyToken(invocation.Arguments, except: sourceToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The argument value that is <c>local.Token</c> (also inside a <c>params</c> array), or null.</summary>
    private static IOperation? PassesTokenOf(ImmutableArray<IArgumentOperation> arguments, ILocalSymbol local)
    {
        foreach (var argument in arguments)
        {
            foreach (var value in Values(argument))
            {
                if (Wrappers.ImplicitConversionsAndParentheses(value) is IPropertyReferenceOperation { Property.Name: "Token", Instance: { } instance }
                    && Wrappers.ImplicitConversionsAndParentheses(instance) is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Whether any token argument (also inside a <c>params</c> array), other than one value, is a token other than <c>None</c>/<c>default</c>.</summary>
    private bool GivesAnyToken(ImmutableArray<IArgumentOperation> arguments, IOperation? except)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            foreach (var value in Values(argument))
            {
                if (!ReferenceEquals(value, except) && _deadlines.IsCancellationToken(value.Type) && !_deadlines.IsNoToken(value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An argument's value, or the elements of the array a <c>params</c> argument builds.</summary>
    private static ImmutableArray<IOperation> Values(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : ImmutableArray.Create(argument.Value);
}
