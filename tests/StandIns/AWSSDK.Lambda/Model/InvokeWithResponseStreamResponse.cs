using System;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>The response of the InvokeWithResponseStream operation (its event stream is left out, see ../README.md).</summary>
public partial class InvokeWithResponseStreamResponse : AmazonWebServiceResponse, IDisposable
{
    public string ExecutedVersion { get; set; }

    public string ResponseStreamContentType { get; set; }

    public int? StatusCode { get; set; }

    public void Dispose()
    {
    }
}
