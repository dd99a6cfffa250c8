using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerRequest
{
    public string Type { get; set; }

    public string AuthorizationToken { get; set; }

    public string MethodArn { get; set; }

    public string Path { get; set; }

    public string HttpMethod { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public IDictionary<string, string> QueryStringParameters { get; set; }

    public IDictionary<string, string> PathParameters { get; set; }

    public IDictionary<string, string> StageVariables { get; set; }

    public APIGatewayProxyRequest.ProxyRequestContext RequestContext { get; set; }
}
