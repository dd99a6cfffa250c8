using Amazon.Lambda.Core;

namespace Amazon.Lambda.TestUtilities;

public class TestClientApplication : IClientApplication
{
    public string AppPackageName { get; set; }

    public string AppTitle { get; set; }

    public string AppVersionCode { get; set; }

    public string AppVersionName { get; set; }

    public string InstallationId { get; set; }
}
