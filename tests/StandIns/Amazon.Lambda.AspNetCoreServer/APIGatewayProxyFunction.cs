using System;
using System.Runtime.Versioning;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Amazon.Lambda.Core.ResponseStreaming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer;

public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>
{
    [Obsolete("Stand-in: use AbstractAspNetCoreFunction.LAMBDA_CONTEXT.")]
    public new const string LAMBDA_CONTEXT = AbstractAspNetCoreFunction.LAMBDA_CONTEXT;

    [Obsolete("Stand-in: use AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT.")]
    public const string APIGATEWAY_REQUEST = AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT;

    [Obsolete("Stand-in: use Amazon.Lambda.AspNetCoreServer.StartupMode.")]
    public enum AspNetCoreStartupMode
    {
        Constructor = StartupMode.Constructor,
        FirstRequest = StartupMode.FirstRequest,
    }

    protected APIGatewayProxyFunction()
    {
    }

    [Obsolete("Stand-in: use the constructor that takes a StartupMode.")]
    protected APIGatewayProxyFunction(AspNetCoreStartupMode startupMode)
        : base((StartupMode)startupMode)
    {
    }

    protected APIGatewayProxyFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected APIGatewayProxyFunction(IServiceProvider hostedServices)
        : base(hostedServices)
    {
    }

    [RequiresPreviewFeatures(ParameterizedPreviewMessage)]
    protected override HttpResponseStreamPrelude BuildStreamingPrelude(IHttpResponseFeature responseFeature) => throw null;

    protected override void MarshallRequest(InvokeFeatures features, APIGatewayProxyRequest apiGatewayRequest, ILambdaContext lambdaContext) { }

    protected override APIGatewayProxyResponse MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200) => throw null;

    protected virtual string ParseHttpPath(APIGatewayProxyRequest apiGatewayRequest) => throw null;

    protected virtual string ParseHttpMethod(APIGatewayProxyRequest apiGatewayRequest) => throw null;

    protected virtual IHeaderDictionary AddMissingRequestHeaders(APIGatewayProxyRequest apiGatewayRequest, IHeaderDictionary headers) => headers;
}
