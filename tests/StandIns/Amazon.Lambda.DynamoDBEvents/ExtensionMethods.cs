using System.Collections.Generic;
using static Amazon.Lambda.DynamoDBEvents.DynamoDBEvent;

namespace Amazon.Lambda.DynamoDBEvents;

public static class ExtensionMethods
{
    public static string ToJson(this Dictionary<string, AttributeValue> item) => null;

    public static string ToJsonPretty(this Dictionary<string, AttributeValue> item) => null;
}
