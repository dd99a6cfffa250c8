using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>What a change of an <c>HttpClient</c> touches: its default request headers, or a setting fixed at its first request.</summary>
internal enum HttpClientChange
{
    None,

    /// <summary>A header set, added, removed or cleared on <c>DefaultRequestHeaders</c> or one of its collections.</summary>
    DefaultRequestHeaders,

    /// <summary><c>BaseAddress</c>, <c>Timeout</c> or <c>MaxResponseContentBufferSize</c>, which throw once the client has sent a request.</summary>
    Setting,
}

/// <summary>
/// Changes of an <c>HttpClient</c>'s shared configuration: on a client shared across invocations, a header set per
/// invocation accumulates and leaks into later requests, and a setting changed after the first request throws.
/// </summary>
internal sealed class SharedHttpClientChanges(Compilation compilation)
{
    private readonly INamedTypeSymbol? _httpClient = KnownTypes.Get(compilation).Find(KnownTypeNames.SystemNetHttpHttpClient);

    /// <summary><c>Add</c>, <c>TryAddWithoutValidation</c>, <c>Remove</c>, <c>Clear</c>, <c>ParseAdd</c> or <c>TryParseAdd</c> on the headers.</summary>
    public HttpClientChange Get(IInvocationOperation invocation, out IOperation? client)
    {
        client = null;
        if (_httpClient is null
            || invocation.TargetMethod.Name is not ("Add" or "TryAddWithoutValidation" or "Remove" or "Clear" or "ParseAdd" or "TryParseAdd")
            || invocation.Instance is not { } headers)
        {
            return HttpClientChange.None;
        }

        client = ClientOfHeaders(headers);
        return client is null ? HttpClientChange.None : HttpClientChange.DefaultRequestHeaders;
    }

    /// <summary>A property of the headers set (<c>Authorization</c>, ...), or a setting of the client itself.</summary>
    public HttpClientChange Get(IAssignmentOperation assignment, out IOperation? client, out string? setting)
    {
        client = null;
        setting = null;
        if (_httpClient is null || Wrappers.ConversionsAndParentheses(assignment.Target) is not IPropertyReferenceOperation { Instance: { } instance } property)
        {
            return HttpClientChange.None;
        }

        if (property.Property.Name is "BaseAddress" or "Timeout" or "MaxResponseContentBufferSize" && IsHttpClient(instance.Type))
        {
            client = instance;
            setting = property.Property.Name;
            return HttpClientChange.Setting;
        }

        client = ClientOfHeaders(instance);
        return client is null ? HttpClientChange.None : HttpClientChange.DefaultRequestHeaders;
    }

    /// <summary>The client of <c>client.DefaultRequestHeaders</c> or <c>client.DefaultRequestHeaders.Accept</c>, or null.</summary>
    private IOperation? ClientOfHeaders(IOperation headers)
    {
        var current = Wrappers.ConversionsAndParentheses(headers);
        for (var depth = 0; depth < 2 && current is IPropertyReferenceOperation { Instance: { } instance } property; depth++)
        {
            if (property.Property.Name == "DefaultRequestHeaders" && IsHttpClient(instance.Type))
            {
                return instance;
            }

            current = Wrappers.ConversionsAndParentheses(instance);
        }

        return null;
    }

    private bool IsHttpClient(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.IsType(_httpClient))
            {
                return true;
            }
        }

        return false;
    }
}
