using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.Annotations.APIGateway;

public class AuthorizerResultSerializationOptions
{
    public enum AuthorizerFormat
    {
        HttpApiSimple,
        HttpApiIamPolicy,
        RestApi,
    }

    public AuthorizerFormat Format { get; set; }

    public string MethodArn { get; set; }
}

public interface IAuthorizerResult
{
    bool IsAuthorized { get; }

    string PrincipalId { get; }

    IDictionary<string, object> Context { get; }

    IAuthorizerResult WithContext(string key, object value);

    IAuthorizerResult WithPrincipalId(string principalId);

    Stream Serialize(AuthorizerResultSerializationOptions options);
}

public class AuthorizerResults : IAuthorizerResult
{
    private AuthorizerResults() { }

    public bool IsAuthorized => default;

    public string PrincipalId { get; private set; }

    public IDictionary<string, object> Context { get; private set; }

    public static IAuthorizerResult Allow() => throw null;

    public static IAuthorizerResult Deny() => throw null;

    public IAuthorizerResult WithContext(string key, object value) => this;

    public IAuthorizerResult WithPrincipalId(string principalId) => this;

    public Stream Serialize(AuthorizerResultSerializationOptions options) => throw null;
}
