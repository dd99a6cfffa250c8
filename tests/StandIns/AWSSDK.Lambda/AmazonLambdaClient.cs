using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Amazon.Lambda;

/// <summary>The Lambda service client: its constructors and Invoke operations.</summary>
public partial class AmazonLambdaClient : AmazonServiceClient, IAmazonLambda
{
    public AmazonLambdaClient()
        : base(null, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(RegionEndpoint region)
        : base(null, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(AmazonLambdaConfig config)
        : base(null, config)
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials)
        : base(credentials, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials, RegionEndpoint region)
        : base(credentials, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials, AmazonLambdaConfig clientConfig)
        : base(credentials, clientConfig)
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey)
        : base(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
        : base(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonLambdaConfig clientConfig)
        : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
        : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
        : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonLambdaConfig clientConfig)
        : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
    {
    }

    protected override IServiceMetadata ServiceMetadata => throw null;

    public virtual InvokeResponse Invoke(InvokeRequest request) => throw null;

    public virtual Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default(CancellationToken)) => throw null;

    [Obsolete("For .NET Core, Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest, CancellationToken) is deprecated, use Task<InvokeResponse> InvokeAsync(InvokeRequest, CancellationToken) instead.")]
    public virtual Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default(CancellationToken)) => throw null;

    public virtual Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default(CancellationToken)) => throw null;
}
