using System;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>The response of the deprecated InvokeAsync operation (AWSSDK.Lambda 3.x; see ../README.md).</summary>
[Obsolete("For .NET Core, Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest, CancellationToken) is deprecated, use Task<InvokeResponse> InvokeAsync(InvokeRequest, CancellationToken) instead.")]
public partial class InvokeAsyncResponse : AmazonWebServiceResponse
{
    public int? Status { get; set; }
}
