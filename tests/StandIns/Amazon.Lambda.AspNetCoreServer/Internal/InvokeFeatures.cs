using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Amazon.Lambda.AspNetCoreServer.Internal;

public class InvokeFeatures : IFeatureCollection,
    IItemsFeature,
    IHttpAuthenticationFeature,
    IHttpRequestFeature,
    IHttpResponseFeature,
    IHttpConnectionFeature,
    IServiceProvidersFeature,
    ITlsConnectionFeature,
    IHttpRequestIdentifierFeature,
    IHttpResponseBodyFeature,
    IHttpRequestBodyDetectionFeature,
    IHttpActivityFeature
{
    public InvokeFeatures() { }

    // IFeatureCollection
    public bool IsReadOnly => false;

    public int Revision => 0;

    public object this[Type key]
    {
        get => null;
        set { }
    }

    public TFeature Get<TFeature>() => default;

    public void Set<TFeature>(TFeature instance) { }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => throw null;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // IItemsFeature
    IDictionary<object, object> IItemsFeature.Items { get; set; }

    // IHttpAuthenticationFeature
    ClaimsPrincipal IHttpAuthenticationFeature.User { get; set; }

    // IHttpRequestFeature
    string IHttpRequestFeature.Protocol { get; set; }

    string IHttpRequestFeature.Scheme { get; set; }

    string IHttpRequestFeature.Method { get; set; }

    string IHttpRequestFeature.PathBase { get; set; }

    string IHttpRequestFeature.Path { get; set; }

    string IHttpRequestFeature.QueryString { get; set; }

    string IHttpRequestFeature.RawTarget { get; set; }

    IHeaderDictionary IHttpRequestFeature.Headers { get; set; }

    Stream IHttpRequestFeature.Body { get; set; }

    // IHttpResponseFeature
    int IHttpResponseFeature.StatusCode { get; set; }

    string IHttpResponseFeature.ReasonPhrase { get; set; }

    bool IHttpResponseFeature.HasStarted => false;

    IHeaderDictionary IHttpResponseFeature.Headers { get; set; }

    Stream IHttpResponseFeature.Body { get; set; }

    void IHttpResponseFeature.OnStarting(Func<object, Task> callback, object state) { }

    void IHttpResponseFeature.OnCompleted(Func<object, Task> callback, object state) { }

    // IHttpResponseBodyFeature
    Stream IHttpResponseBodyFeature.Stream => null;

    PipeWriter IHttpResponseBodyFeature.Writer => null;

    Task IHttpResponseBodyFeature.CompleteAsync() => Task.CompletedTask;

    void IHttpResponseBodyFeature.DisableBuffering() { }

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // IHttpConnectionFeature
    string IHttpConnectionFeature.ConnectionId { get; set; }

    IPAddress IHttpConnectionFeature.RemoteIpAddress { get; set; }

    IPAddress IHttpConnectionFeature.LocalIpAddress { get; set; }

    int IHttpConnectionFeature.RemotePort { get; set; }

    int IHttpConnectionFeature.LocalPort { get; set; }

    // IServiceProvidersFeature
    IServiceProvider IServiceProvidersFeature.RequestServices { get; set; }

    // ITlsConnectionFeature
    public X509Certificate2 ClientCertificate { get; set; }

    public Task<X509Certificate2> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);

    // IHttpRequestIdentifierFeature
    string IHttpRequestIdentifierFeature.TraceIdentifier { get; set; }

    // IHttpRequestBodyDetectionFeature
    bool IHttpRequestBodyDetectionFeature.CanHaveBody => false;

    // IHttpActivityFeature
    Activity IHttpActivityFeature.Activity { get; set; }
}
