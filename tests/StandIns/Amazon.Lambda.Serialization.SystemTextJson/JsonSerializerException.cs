using System;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public class JsonSerializerException : Exception
{
    public JsonSerializerException(string message)
        : base(message)
    {
    }

    public JsonSerializerException(string message, Exception exception)
        : base(message, exception)
    {
    }
}
