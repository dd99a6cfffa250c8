using System;
using System.IO;
using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public abstract class AbstractLambdaJsonSerializer
{
    protected AbstractLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer) { }

    protected JsonWriterOptions WriterOptions { get; }

    public void Serialize<T>(T response, Stream responseStream) { }

    public T Deserialize<T>(Stream requestStream) => default;

    protected virtual JsonSerializerOptions CreateDefaultJsonSerializationOptions() => null;

    protected abstract void InternalSerialize<T>(Utf8JsonWriter writer, T response);

    protected abstract T InternalDeserialize<T>(byte[] utf8Json);
}
