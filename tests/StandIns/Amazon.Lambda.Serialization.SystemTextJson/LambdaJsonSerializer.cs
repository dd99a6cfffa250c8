using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

[Obsolete("Stand-in: LambdaJsonSerializer uses inconsistent name casing; use DefaultLambdaJsonSerializer.")]
[RequiresUnreferencedCode("Stand-in: LambdaJsonSerializer does not support trimming; use SourceGeneratorLambdaJsonSerializer with a JsonSerializerContext.")]
public class LambdaJsonSerializer : ILambdaSerializer
{
    public LambdaJsonSerializer() { }

    public LambdaJsonSerializer(Action<JsonSerializerOptions> customizer) { }

    public LambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer) { }

    public void Serialize<T>(T response, Stream responseStream) { }

    public T Deserialize<T>(Stream requestStream) => default;
}
