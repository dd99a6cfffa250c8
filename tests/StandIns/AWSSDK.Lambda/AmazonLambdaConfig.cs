using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Lambda;

/// <summary>The configuration of an <see cref="AmazonLambdaClient"/>.</summary>
public partial class AmazonLambdaConfig : ClientConfig
{
    public AmazonLambdaConfig()
        : base(null)
    {
    }

    public override string RegionEndpointServiceName => throw null;

    public override string ServiceVersion => throw null;

    public override string UserAgent => throw null;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null;
}
