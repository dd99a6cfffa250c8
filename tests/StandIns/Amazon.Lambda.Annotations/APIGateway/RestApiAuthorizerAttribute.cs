using System;

namespace Amazon.Lambda.Annotations.APIGateway;

public enum RestApiAuthorizerType
{
    Token,
    Request,
}

[AttributeUsage(AttributeTargets.Method)]
public class RestApiAuthorizerAttribute : Attribute
{
    public string IdentityHeader { get; set; } = "Authorization";

    public RestApiAuthorizerType Type { get; set; } = RestApiAuthorizerType.Token;

    public int ResultTtlInSeconds { get; set; }
}
