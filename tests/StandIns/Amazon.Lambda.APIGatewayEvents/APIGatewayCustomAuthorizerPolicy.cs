using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerPolicy
{
    public string Version { get; set; }

    public List<IAMPolicyStatement> Statement { get; set; }

    public class IAMPolicyStatement
    {
        public string Effect { get; set; }

        public HashSet<string> Action { get; set; }

        public HashSet<string> Resource { get; set; }

        public HashSet<string> NotResource { get; set; }

        public IDictionary<string, IDictionary<string, object>> Condition { get; set; }
    }
}
