using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Amazon.Lambda.Core.ResponseStreaming;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Hosting;

namespace Amazon.Lambda.AspNetCoreServer;

public abstract class AbstractAspNetCoreFunction
{
    internal const string ParameterizedPreviewMessage = "Stand-in: ASP.NET Core response streaming is a preview feature (set EnablePreviewFeatures to true).";

    public const string LAMBDA_CONTEXT = "LambdaContext";

    public const string LAMBDA_REQUEST_OBJECT = "LambdaRequestObject";
}

public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
{
    protected AbstractAspNetCoreFunction()
        : this(StartupMode.Constructor)
    {
    }

    protected AbstractAspNetCoreFunction(StartupMode startupMode)
    {
    }

    protected AbstractAspNetCoreFunction(IServiceProvider hostedServices)
    {
    }

    public ResponseContentEncoding DefaultResponseContentEncoding { get; set; }

    public bool IncludeUnhandledExceptionDetailInResponse { get; set; }

    [RequiresPreviewFeatures(ParameterizedPreviewMessage)]
    public virtual bool EnableResponseStreaming { get; set; }

    public void RegisterResponseContentEncodingForContentType(string contentType, ResponseContentEncoding encoding) { }

    public void RegisterResponseContentEncodingForContentEncoding(string contentEncoding, ResponseContentEncoding encoding) { }

    public ResponseContentEncoding GetResponseContentEncodingForContentType(string contentType) => default;

    public ResponseContentEncoding GetResponseContentEncodingForContentEncoding(string contentEncoding) => default;

    [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
    public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext) => throw null;

    protected virtual void Init(IWebHostBuilder builder) { }

    protected virtual void Init(IHostBuilder builder) { }

    protected virtual IHostBuilder CreateHostBuilder() => throw null;

    protected virtual IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() => Enumerable.Empty<HttpRequestMessage>();

    protected void Start() { }

    protected object CreateContext(IFeatureCollection features) => throw null;

    protected string ErrorReport(Exception e) => throw null;

    protected Task<TRESPONSE> ProcessRequest(ILambdaContext lambdaContext, object context, InvokeFeatures features, bool rethrowUnhandledError = false) => throw null;

    protected virtual void PostCreateHost(IHost webHost) { }

    protected virtual void PostMarshallItemsFeatureFeature(IItemsFeature aspNetCoreItemFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext) { }

    protected virtual void PostMarshallHttpAuthenticationFeature(IHttpAuthenticationFeature aspNetCoreHttpAuthenticationFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext) { }

    protected virtual void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext) { }

    protected virtual void PostMarshallConnectionFeature(IHttpConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext) { }

    protected virtual void PostMarshallTlsConnectionFeature(ITlsConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext) { }

    protected virtual void PostMarshallResponseFeature(IHttpResponseFeature aspNetCoreResponseFeature, TRESPONSE lambdaResponse, ILambdaContext lambdaContext) { }

    protected abstract void MarshallRequest(InvokeFeatures features, TREQUEST lambdaRequest, ILambdaContext lambdaContext);

    protected abstract TRESPONSE MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200);

    [RequiresPreviewFeatures(ParameterizedPreviewMessage)]
    protected abstract HttpResponseStreamPrelude BuildStreamingPrelude(IHttpResponseFeature responseFeature);

    [RequiresPreviewFeatures(ParameterizedPreviewMessage)]
    protected virtual Stream CreateLambdaResponseStream(HttpResponseStreamPrelude prelude) => throw null;
}
