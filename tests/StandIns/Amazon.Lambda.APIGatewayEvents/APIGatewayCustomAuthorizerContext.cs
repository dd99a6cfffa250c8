using System;
using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
{
    [Obsolete("Stand-in: use the string indexer, e.g. authorizer[\"principalId\"].")]
    public string PrincipalId
    {
        get => null;
        set { }
    }

    [Obsolete("Stand-in: use the string indexer, e.g. authorizer[\"stringKey\"].")]
    public string StringKey
    {
        get => null;
        set { }
    }

    [Obsolete("Stand-in: use the string indexer, e.g. authorizer[\"numKey\"].")]
    public int? NumKey
    {
        get => null;
        set { }
    }

    [Obsolete("Stand-in: use the string indexer, e.g. authorizer[\"boolKey\"].")]
    public bool? BoolKey
    {
        get => null;
        set { }
    }

    public Dictionary<string, string> Claims { get; set; }
}
