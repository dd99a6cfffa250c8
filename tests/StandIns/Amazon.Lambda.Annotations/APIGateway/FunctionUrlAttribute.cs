using System;

namespace Amazon.Lambda.Annotations.APIGateway;

[AttributeUsage(AttributeTargets.Method)]
public class FunctionUrlAttribute : Attribute
{
    public FunctionUrlAuthType AuthType { get; set; } = FunctionUrlAuthType.NONE;

    public string[] AllowOrigins { get; set; }

    public LambdaHttpMethod[] AllowMethods { get; set; }

    public string[] AllowHeaders { get; set; }

    public bool AllowCredentials { get; set; }

    public string[] ExposeHeaders { get; set; }

    public int MaxAge { get; set; }
}
