namespace Amazon.Lambda.Annotations.APIGateway;

public enum LambdaHttpMethod
{
    Any,
    Get,
    Post,
    Put,
    Patch,
    Head,
    Delete,
    Options,
}

public enum HttpApiVersion
{
    V1,
    V2,
}

public enum AuthorizerPayloadFormatVersion
{
    V1,
    V2,
}

public enum FunctionUrlAuthType
{
    NONE,
    AWS_IAM,
}
