using Amazon.Runtime;

namespace Amazon.Lambda;

/// <summary>The base class of Lambda operation requests.</summary>
public partial class AmazonLambdaRequest : AmazonWebServiceRequest
{
}
