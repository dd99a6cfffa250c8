using System;
using System.IO;

namespace Amazon.Lambda.Model;

/// <summary>The parameters of the deprecated InvokeAsync operation (AWSSDK.Lambda 3.x; see ../README.md).</summary>
[Obsolete("For .NET Core, Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest, CancellationToken) is deprecated, use Task<InvokeResponse> InvokeAsync(InvokeRequest, CancellationToken) instead.")]
public partial class InvokeAsyncRequest : AmazonLambdaRequest
{
    public string FunctionName { get; set; }

    public string InvokeArgs { get; set; }

    public Stream InvokeArgsStream { get; set; }
}
