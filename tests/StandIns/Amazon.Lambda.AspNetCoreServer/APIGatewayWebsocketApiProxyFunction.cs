using System;
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http;

namespace Amazon.Lambda.AspNetCoreServer;

public abstract class APIGatewayWebsocketApiProxyFunction : APIGatewayProxyFunction
{
    protected APIGatewayWebsocketApiProxyFunction()
    {
    }

    protected APIGatewayWebsocketApiProxyFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected APIGatewayWebsocketApiProxyFunction(IServiceProvider hostedServices)
        : base(hostedServices)
    {
    }

    protected override string ParseHttpPath(APIGatewayProxyRequest apiGatewayRequest) => throw null;

    protected override string ParseHttpMethod(APIGatewayProxyRequest apiGatewayRequest) => throw null;

    protected override IHeaderDictionary AddMissingRequestHeaders(APIGatewayProxyRequest apiGatewayRequest, IHeaderDictionary headers) => headers;
}
