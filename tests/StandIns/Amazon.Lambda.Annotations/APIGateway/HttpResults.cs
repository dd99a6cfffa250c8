using System.IO;
using System.Net;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Annotations.APIGateway;

public class HttpResultSerializationOptions
{
    public enum ProtocolFormat
    {
        RestApi,
        HttpApi,
    }

    public enum ProtocolVersion
    {
        V1,
        V2,
    }

    public ProtocolFormat Format { get; set; }

    public ProtocolVersion Version { get; set; }

    public ILambdaSerializer Serializer { get; set; }
}

public interface IHttpResult
{
    HttpStatusCode StatusCode { get; }

    Stream Serialize(HttpResultSerializationOptions options);

    IHttpResult AddHeader(string name, string value);
}

public class HttpResults : IHttpResult
{
    private HttpResults() { }

    public HttpStatusCode StatusCode => default;

    public IHttpResult AddHeader(string name, string value) => this;

    public Stream Serialize(HttpResultSerializationOptions options) => throw null;

    public static IHttpResult Accepted(object body = null) => throw null;

    public static IHttpResult BadGateway() => throw null;

    public static IHttpResult BadRequest(object body = null) => throw null;

    public static IHttpResult Conflict(object body = null) => throw null;

    public static IHttpResult Created(string uri = null, object body = null) => throw null;

    public static IHttpResult Forbid(object body = null) => throw null;

    public static IHttpResult InternalServerError(object body = null) => throw null;

    public static IHttpResult NotFound(object body = null) => throw null;

    public static IHttpResult Ok(object body = null) => throw null;

    public static IHttpResult Redirect(string uri, bool permanent = false, bool preserveMethod = false) => throw null;

    public static IHttpResult ServiceUnavailable(int? delaySeconds = null) => throw null;

    public static IHttpResult Unauthorized() => throw null;

    public static IHttpResult NewResult(HttpStatusCode statusCode, object body = null) => throw null;
}
