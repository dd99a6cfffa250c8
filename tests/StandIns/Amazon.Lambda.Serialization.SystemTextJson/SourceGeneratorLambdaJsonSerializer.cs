using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public class SourceGeneratorLambdaJsonSerializer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSGContext>
    : AbstractLambdaJsonSerializer, ILambdaSerializer
    where TSGContext : JsonSerializerContext
{
    public SourceGeneratorLambdaJsonSerializer()
        : base(null)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
        : base(null)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
        : base(jsonWriterCustomizer)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
        : base(jsonWriterCustomizer)
    {
    }

    [Obsolete("Stand-in: a JsonSerializerContext instance passed here rarely carries the JsonSerializerOptions Lambda needs; use a constructor without it.")]
    public SourceGeneratorLambdaJsonSerializer(TSGContext jsonSerializerContext, Action<JsonSerializerOptions> customizer = null, Action<JsonWriterOptions> jsonWriterCustomizer = null)
        : base(jsonWriterCustomizer)
    {
    }

    protected JsonSerializerOptions SerializerOptions { get; }

    protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) { }

    protected override T InternalDeserialize<T>(byte[] utf8Json) => default;
}
