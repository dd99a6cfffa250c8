using System;

namespace Microsoft.AspNetCore.Hosting;

public static class WebHostBuilderExtensions
{
    [Obsolete("Stand-in: use UseLambdaServer.")]
    public static IWebHostBuilder UseApiGateway(this IWebHostBuilder hostBuilder) => hostBuilder;

    public static IWebHostBuilder UseLambdaServer(this IWebHostBuilder hostBuilder) => hostBuilder;
}
