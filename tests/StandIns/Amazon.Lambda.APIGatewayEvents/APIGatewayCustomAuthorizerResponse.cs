namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerResponse
{
    public string PrincipalID { get; set; }

    public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; }

    public APIGatewayCustomAuthorizerContextOutput Context { get; set; }

    public string UsageIdentifierKey { get; set; }
}
