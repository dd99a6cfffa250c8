using System;
using System.Collections.Generic;

namespace Amazon.Lambda.RuntimeSupport;

public class RuntimeApiClientException : Exception
{
    public RuntimeApiClientException(string message, int statusCode, string response, Dictionary<string, IEnumerable<string>> headers, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; private set; }

    public string Response { get; private set; }

    public Dictionary<string, IEnumerable<string>> Headers { get; private set; }

    public override string ToString() => base.ToString();
}

public class RuntimeApiClientException<TResult> : RuntimeApiClientException
{
    public RuntimeApiClientException(string message, int statusCode, string response, Dictionary<string, IEnumerable<string>> headers, TResult result, Exception innerException)
        : base(message, statusCode, response, headers, innerException)
    {
    }

    public TResult Result { get; private set; }
}
