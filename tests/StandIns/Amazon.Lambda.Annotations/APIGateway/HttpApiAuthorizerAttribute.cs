using System;

namespace Amazon.Lambda.Annotations.APIGateway;

[AttributeUsage(AttributeTargets.Method)]
public class HttpApiAuthorizerAttribute : Attribute
{
    public string IdentityHeader { get; set; } = "Authorization";

    public bool EnableSimpleResponses { get; set; } = true;

    public AuthorizerPayloadFormatVersion AuthorizerPayloadFormatVersion { get; set; } = AuthorizerPayloadFormatVersion.V2;

    public int ResultTtlInSeconds { get; set; }
}
