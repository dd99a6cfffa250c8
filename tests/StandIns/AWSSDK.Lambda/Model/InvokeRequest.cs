using System.IO;

namespace Amazon.Lambda.Model;

/// <summary>The parameters of the Invoke operation.</summary>
public partial class InvokeRequest : AmazonLambdaRequest
{
    public string ClientContext { get; set; }

    public string ClientContextBase64 { get; set; }

    public string FunctionName { get; set; }

    public InvocationType InvocationType { get; set; }

    public LogType LogType { get; set; }

    public string Payload { get; set; }

    public MemoryStream PayloadStream { get; set; }

    public string Qualifier { get; set; }
}
