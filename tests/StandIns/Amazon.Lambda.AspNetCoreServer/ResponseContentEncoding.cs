namespace Amazon.Lambda.AspNetCoreServer;

public enum ResponseContentEncoding
{
    Default = 0,
    Base64,
}
