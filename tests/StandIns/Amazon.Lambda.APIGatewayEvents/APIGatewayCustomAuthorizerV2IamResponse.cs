using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerV2IamResponse
{
    public string PrincipalID { get; set; }

    public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; }

    public Dictionary<string, object> Context { get; set; }
}
