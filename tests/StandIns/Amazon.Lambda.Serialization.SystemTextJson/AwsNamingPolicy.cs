using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public class AwsNamingPolicy : JsonNamingPolicy
{
    public AwsNamingPolicy() { }

    public AwsNamingPolicy(JsonNamingPolicy fallbackNamingPolicy) { }

    public override string ConvertName(string name) => name;
}
