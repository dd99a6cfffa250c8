namespace Amazon.Lambda.AspNetCoreServer;

public enum StartupMode
{
    Constructor,
    FirstRequest,
}
