using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerV2Request
{
    public string Type { get; set; }

    public string RouteArn { get; set; }

    public List<string> IdentitySource { get; set; }

    public string RouteKey { get; set; }

    public string RawPath { get; set; }

    public string RawQueryString { get; set; }

    public List<string> Cookies { get; set; }

    public Dictionary<string, string> Headers { get; set; }

    public Dictionary<string, string> QueryStringParameters { get; set; }

    public Dictionary<string, string> PathParameters { get; set; }

    public Dictionary<string, string> StageVariables { get; set; }

    public APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext RequestContext { get; set; }
}
