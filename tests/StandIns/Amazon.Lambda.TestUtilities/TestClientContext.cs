using System.Collections.Generic;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.TestUtilities;

public class TestClientContext : IClientContext
{
    public IClientApplication Client { get; set; }

    public IDictionary<string, string> Custom { get; set; } = new Dictionary<string, string>();

    public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
}
