using System.Diagnostics.CodeAnalysis;

namespace Amazon.Lambda.Serialization.SystemTextJson;

[RequiresUnreferencedCode("Stand-in: CamelCaseLambdaJsonSerializer does not support trimming; use SourceGeneratorLambdaJsonSerializer with a JsonSerializerContext.")]
public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
{
    public CamelCaseLambdaJsonSerializer()
    {
    }
}
