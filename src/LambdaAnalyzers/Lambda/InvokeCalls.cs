using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Calls of Lambda's Invoke API (AWSSDK.Lambda), resolved once per compilation: which calls invoke a function
/// (<c>InvokeAsync</c> and <c>Invoke</c> of an <c>InvokeRequest</c>, <c>InvokeWithResponseStreamAsync</c>, declared by
/// <c>IAmazonLambda</c> or overridden from <c>AmazonLambdaClient</c>), and what their request says: its invocation
/// types and the function it names. A request is followed from its creation, given as the argument or through a local
/// assigned once; a request from anywhere else (a parameter, a factory, a field) is unknown.
/// </summary>
internal sealed class InvokeCalls
{
    /// <summary>The environment variable in which the runtime gives a function its own name.</summary>
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    private const string InvocationTypeProperty = "InvocationType";
    private const string FunctionNameProperty = "FunctionName";

    /// <summary>How far a value is followed through locals assigned once.</summary>
    private const int MaxDepth = LocalAssignments.ValueDepth;

    private static readonly ConditionalWeakTable<Compilation, InvokeCalls> s_calls = new();

    /// <summary>A call whose request the model does not follow.</summary>
    private static readonly InvokeCall s_unknownRequest = new(InvocationTypes.Unknown, null, invokesItself: false);

    private readonly INamedTypeSymbol? _invokeRequest;
    private readonly INamedTypeSymbol? _streamRequest;
    private readonly INamedTypeSymbol? _invocationType;
    private readonly INamedTypeSymbol? _streamingInvocationType;
    private readonly INamedTypeSymbol? _lambdaContext;
    private readonly INamedTypeSymbol? _environment;

    /// <summary>The Invoke methods of <c>IAmazonLambda</c> and <c>AmazonLambdaClient</c>.</summary>
    private readonly ImmutableHashSet<IMethodSymbol> _methods;

    private InvokeCalls(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        const string lambda = KnownTypeNames.AwsSdkLambdaAssemblyName;
        _invokeRequest = types.Find(KnownTypeNames.AmazonLambdaModelInvokeRequest, lambda);
        _streamRequest = types.Find(KnownTypeNames.AmazonLambdaModelInvokeWithResponseStreamRequest, lambda);
        _invocationType = types.Find(KnownTypeNames.AmazonLambdaInvocationType, lambda);
        _streamingInvocationType = types.Find(KnownTypeNames.AmazonLambdaResponseStreamingInvocationType, lambda);
        _lambdaContext = types.Find(KnownTypeNames.AmazonLambdaCoreILambdaContext, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        _environment = types.Find(KnownTypeNames.SystemEnvironment);

        var methods = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        AddInvokeMethods(methods, types.Find(KnownTypeNames.AmazonLambdaIAmazonLambda, lambda));
        AddInvokeMethods(methods, types.Find(KnownTypeNames.AmazonLambdaAmazonLambdaClient, lambda));
        _methods = methods.ToImmutable();
    }

    public static InvokeCalls Get(Compilation compilation) => s_calls.GetValue(compilation, static c => new InvokeCalls(c));

    /// <summary>Whether the compilation can call the Invoke API at all (it references AWSSDK.Lambda).</summary>
    public bool IsEmpty => _methods.IsEmpty;

    /// <summary>
    /// Whether a method is one of the Invoke API's: declared by <c>IAmazonLambda</c> or <c>AmazonLambdaClient</c>, or an
    /// override of the client's. The deprecated <c>InvokeAsyncAsync</c>, which only queues an event, is not.
    /// </summary>
    public bool IsInvokeMethod(IMethodSymbol method)
    {
        // By name first: most calls of a block are not to Lambda, and the name costs no symbol comparison.
        if (_methods.IsEmpty || !IsInvokeName(method.Name))
        {
            return false;
        }

        for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
        {
            if (_methods.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The request of a call of the Invoke API, or null when the call is not one. <paramref name="locals"/> are the
    /// assignments of the member's blocks (the scope's), through which a request local is followed to its creation.
    /// </summary>
    public InvokeCall? Describe(IInvocationOperation call, LocalAssignments locals)
    {
        var method = call.TargetMethod;
        if (!IsInvokeMethod(method) || method.Parameters.IsEmpty)
        {
            return null;
        }

        var requestType = method.Parameters[0].Type;
        var invocationType = requestType.IsType(_streamRequest) ? _streamingInvocationType : _invocationType;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 && invocationType is not null)
            {
                return DescribeRequest(argument.Value, requestType, invocationType, locals) ?? s_unknownRequest;
            }
        }

        return s_unknownRequest;
    }

    private InvokeCall? DescribeRequest(IOperation argument, ITypeSymbol requestType, INamedTypeSymbol invocationType, LocalAssignments locals)
    {
        ILocalSymbol? local = null;
        var value = Wrappers.ConversionsAndParentheses(argument);
        if (value is ILocalReferenceOperation reference && locals.GetSingleAssignment(reference.Local) is { } assigned)
        {
            local = reference.Local;
            value = Wrappers.ConversionsAndParentheses(assigned);
        }

        // Only the request type itself: a type derived from it may set its own defaults.
        if (value is not IObjectCreationOperation creation || !SymbolEqualityComparer.Default.Equals(creation.Type, requestType))
        {
            return null;
        }

        var values = new RequestValues();
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    values.Add(property.Property.Name, assignment.Value);
                }
            }
        }

        if (local is not null && !CollectWrites(local, argument, values))
        {
            return null;
        }

        var types = values.InvocationTypes.Count == 0 ? InvocationTypes.RequestResponse : InvocationTypes.None;
        foreach (var assignedType in values.InvocationTypes)
        {
            types |= assignedType is null ? InvocationTypes.Unknown : TypeOf(assignedType, invocationType, locals, 0);
        }

        var (functionName, invokesItself) = NameOf(values.FunctionNames, locals);
        return new InvokeCall(types, functionName, invokesItself);
    }

    /// <summary>
    /// Adds every write of the request local's <c>InvocationType</c> and <c>FunctionName</c> in the member; false when the
    /// request escapes (it is handed to anything but a call of the Invoke API, or aliased), so that a write may be unseen.
    /// </summary>
    private bool CollectWrites(ILocalSymbol local, IOperation usage, RequestValues values)
    {
        var root = usage;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var reference in LocalReferences.Find(local, root))
        {
            switch (reference.Parent)
            {
                // The one assignment, which created the request.
                case IAssignmentOperation assignment when assignment.Target == reference:
                    break;

                case IPropertyReferenceOperation property when property.Instance == reference:
                    if (property.Property.Name is InvocationTypeProperty or FunctionNameProperty)
                    {
                        switch (property.Parent)
                        {
                            case ISimpleAssignmentOperation assignment when assignment.Target == property:
                                values.Add(property.Property.Name, assignment.Value);
                                break;
                            case IAssignmentOperation or ITupleOperation:
                                // A compound or deconstructing write: a value the model does not follow.
                                values.Add(property.Property.Name, null);
                                break;
                        }
                    }

                    break;

                // The request's own methods, which leave its properties alone.
                case IInvocationOperation call when call.Instance == reference:
                    break;

                case IArgumentOperation { Parent: IInvocationOperation call } when IsInvokeMethod(call.TargetMethod):
                    break;

                default:
                    return false;
            }
        }

        return true;
    }

    private InvocationTypes TypeOf(IOperation value, INamedTypeSymbol invocationType, LocalAssignments locals, int depth)
    {
        switch (value)
        {
            // A string converted to the type (implicitly or by a cast) goes through its FindValue.
            case IConversionOperation { OperatorMethod: { } conversion } converted when conversion.ContainingType.IsType(invocationType):
                return Parse(converted.Operand, invocationType);
            case IConversionOperation converted:
                return TypeOf(converted.Operand, invocationType, locals, depth);
            case IParenthesizedOperation parenthesized:
                return TypeOf(parenthesized.Operand, invocationType, locals, depth);
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when field.ContainingType.IsType(invocationType):
                return Parse(field.Name, invocationType);
            case IInvocationOperation { TargetMethod: { Name: "FindValue", IsStatic: true } method, Arguments.Length: 1 } call
                when method.ContainingType.IsType(invocationType):
                return Parse(call.Arguments[0].Value, invocationType);
            case IObjectCreationOperation { Arguments.Length: 1 } creation when creation.Type.IsType(invocationType):
                return Parse(creation.Arguments[0].Value, invocationType);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return TypeOf(conditional.WhenTrue, invocationType, locals, depth) | TypeOf(whenFalse, invocationType, locals, depth);
            case ILocalReferenceOperation local when depth < MaxDepth && locals.GetSingleAssignment(local.Local) is { } assigned:
                return TypeOf(assigned, invocationType, locals, depth + 1);
            default:
                return InvocationTypes.Unknown;
        }
    }

    private InvocationTypes Parse(IOperation text, INamedTypeSymbol invocationType) =>
        text.ConstantValue is { HasValue: true, Value: string value } ? Parse(value, invocationType) : InvocationTypes.Unknown;

    /// <summary>An invocation type by its value; <c>Event</c> is not one of the response-streaming types.</summary>
    private InvocationTypes Parse(string value, INamedTypeSymbol invocationType) => value switch
    {
        "RequestResponse" => InvocationTypes.RequestResponse,
        "DryRun" => InvocationTypes.DryRun,
        "Event" when invocationType.IsType(_invocationType) => InvocationTypes.Event,
        _ => InvocationTypes.Unknown,
    };

    /// <summary>The constant name all the values give, or whether all of them are the function's own name.</summary>
    private (string? Name, bool Self) NameOf(List<IOperation?> values, LocalAssignments locals)
    {
        string? name = null;
        var self = 0;
        foreach (var value in values)
        {
            var (kind, constant) = value is null ? (NameKind.Unknown, null) : NameOf(value, locals, 0);
            switch (kind)
            {
                case NameKind.Self:
                    self++;
                    break;
                case NameKind.Constant when name is null || name == constant:
                    name = constant;
                    break;
                default:
                    return (null, false);
            }
        }

        return self > 0 ? (null, self == values.Count) : (name, false);
    }

    private (NameKind Kind, string? Constant) NameOf(IOperation value, LocalAssignments locals, int depth)
    {
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return (NameKind.Constant, constant);
        }

        switch (Wrappers.ConversionsAndParentheses(value))
        {
            case IPropertyReferenceOperation { Property: { Name: FunctionNameProperty } property } when property.ContainingType.IsType(_lambdaContext):
                return (NameKind.Self, null);
            case IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable", IsStatic: true } method, Arguments.Length: >= 1 } call
                when method.ContainingType.IsType(_environment) && call.Arguments[0].Value.ConstantValue.Value is FunctionNameVariable:
                return (NameKind.Self, null);
            // The runtime always sets the variable: its fallback is never taken on Lambda.
            case ICoalesceOperation coalesce when NameOf(coalesce.Value, locals, depth).Kind == NameKind.Self:
                return (NameKind.Self, null);
            case ILocalReferenceOperation local when depth < MaxDepth && locals.GetSingleAssignment(local.Local) is { } assigned:
                return NameOf(assigned, locals, depth + 1);
            default:
                return (NameKind.Unknown, null);
        }
    }

    private void AddInvokeMethods(ImmutableHashSet<IMethodSymbol>.Builder methods, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { Parameters.Length: >= 1 } method
                && IsInvokeName(method.Name)
                && (method.Parameters[0].Type.IsType(_invokeRequest) || method.Parameters[0].Type.IsType(_streamRequest)))
            {
                methods.Add(method);
            }
        }
    }

    private static bool IsInvokeName(string name) => name is "InvokeAsync" or "Invoke" or "InvokeWithResponseStreamAsync";

    private enum NameKind
    {
        Unknown,
        Constant,

        /// <summary>The calling function's own name.</summary>
        Self,
    }

    /// <summary>The values written to a request's <c>InvocationType</c> and <c>FunctionName</c>; null for a write not followed.</summary>
    private sealed class RequestValues
    {
        public List<IOperation?> InvocationTypes { get; } = [];

        public List<IOperation?> FunctionNames { get; } = [];

        public void Add(string property, IOperation? value)
        {
            switch (property)
            {
                case InvocationTypeProperty:
                    InvocationTypes.Add(value);
                    break;
                case FunctionNameProperty:
                    FunctionNames.Add(value);
                    break;
            }
        }
    }
}
