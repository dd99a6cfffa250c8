using System;

namespace Amazon.Lambda.Core;

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class LambdaSerializerAttribute : Attribute
{
    public LambdaSerializerAttribute(Type serializerType)
    {
        SerializerType = serializerType;
    }

    public Type SerializerType { get; set; }
}
