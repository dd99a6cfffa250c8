using System;
using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerContextOutput : Dictionary<string, object>
{
    [Obsolete("Stand-in: use the string indexer, e.g. context[\"stringKey\"].")]
    public string StringKey
    {
        get => null;
        set { }
    }

    [Obsolete("Stand-in: use the string indexer, e.g. context[\"numKey\"].")]
    public int? NumKey
    {
        get => null;
        set { }
    }

    [Obsolete("Stand-in: use the string indexer, e.g. context[\"boolKey\"].")]
    public bool? BoolKey
    {
        get => null;
        set { }
    }
}
