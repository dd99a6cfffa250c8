using System;

namespace Amazon.Lambda.Annotations.APIGateway;

[AttributeUsage(AttributeTargets.Method)]
public class RestApiAttribute : Attribute
{
    public RestApiAttribute(LambdaHttpMethod method, string template)
    {
        Method = method;
        Template = template;
    }

    public string Template { get; set; }

    public LambdaHttpMethod Method { get; set; }

    public string Authorizer { get; set; }
}
