namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Why the class-library runtime cannot call a handler method, in the order its handler loading checks
/// (Amazon.Lambda.RuntimeSupport: <c>UserCodeValidator</c>, the creation of the handler's object, then
/// <c>InvokeDelegateBuilder</c>); it stops at the first.
/// </summary>
internal enum CallabilityProblemKind
{
    /// <summary>The method is abstract.</summary>
    Abstract,

    /// <summary>The method has type parameters of its own.</summary>
    Generic,

    /// <summary>The last parameter is a <c>params</c> parameter.</summary>
    Params,

    /// <summary>The method takes <c>__arglist</c> (a varargs calling convention).</summary>
    Arglist,

    /// <summary>An instance method of a class without a public parameterless constructor, which the runtime needs to create the object.</summary>
    NoPublicConstructor,

    /// <summary>More than two parameters.</summary>
    TooManyParameters,

    /// <summary>Two parameters, the second not an <c>ILambdaContext</c>.</summary>
    SecondParameterNotContext,

    /// <summary>An input other than <c>System.IO.Stream</c> itself, and no serializer to read it.</summary>
    InputNeedsSerializer,

    /// <summary>Data returned (a value, or the result of a <c>Task&lt;T&gt;</c>) that is not a <c>Stream</c>, and no serializer to write it.</summary>
    OutputNeedsSerializer,
}
