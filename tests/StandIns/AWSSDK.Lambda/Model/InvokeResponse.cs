using System.IO;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>The response of the Invoke operation.</summary>
public partial class InvokeResponse : AmazonWebServiceResponse
{
    public string ExecutedVersion { get; set; }

    public string FunctionError { get; set; }

    public string LogResult { get; set; }

    public MemoryStream Payload { get; set; }

    public int? StatusCode { get; set; }
}
