using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

[RequiresUnreferencedCode("Stand-in: DefaultLambdaJsonSerializer does not support trimming; use SourceGeneratorLambdaJsonSerializer with a JsonSerializerContext.")]
public class DefaultLambdaJsonSerializer : AbstractLambdaJsonSerializer, ILambdaSerializer
{
    public DefaultLambdaJsonSerializer()
        : base(null)
    {
    }

    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
        : base(null)
    {
    }

    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
        : base(jsonWriterCustomizer)
    {
    }

    protected JsonSerializerOptions SerializerOptions { get; }

    protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) { }

    protected override T InternalDeserialize<T>(byte[] utf8Json) => default;
}
