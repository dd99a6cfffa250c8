using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;

namespace Amazon.Lambda;

/// <summary>The Lambda service interface: its Invoke operations.</summary>
public partial interface IAmazonLambda : IAmazonService, IDisposable
{
    /// <summary>
    /// The synchronous Invoke of the package's .NET Framework build, declared here in every build (a deviation, see
    /// ../README.md) so that code compiled against .NET 8 can call it.
    /// </summary>
    InvokeResponse Invoke(InvokeRequest request);

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default(CancellationToken));

    /// <summary>The deprecated InvokeAsync operation of AWSSDK.Lambda 3.x (removed in 4.x; see ../README.md).</summary>
    [Obsolete("For .NET Core, Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest, CancellationToken) is deprecated, use Task<InvokeResponse> InvokeAsync(InvokeRequest, CancellationToken) instead.")]
    Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default(CancellationToken));

    Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default(CancellationToken));

#if NET8_0_OR_GREATER
    static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null;

    static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null;
#endif
}
