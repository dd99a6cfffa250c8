using System.Collections.Immutable;
using Amazon.Lambda.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>What test compilations reference: .NET 8, the Amazon.Lambda.* stand-ins and the real AWS SDK.</summary>
internal static class TestReferences
{
    /// <summary>.NET 8 reference assemblies (the package is fetched at restore by the test project).</summary>
    public static ReferenceAssemblies Net80 { get; } = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"),
        Path.Combine("ref", "net8.0"));

    /// <summary>.NET 8 and ASP.NET Core 8 reference assemblies, for the ASP.NET Core bridge.</summary>
    public static ReferenceAssemblies Net80AspNetCore { get; } =
        Net80.AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.31")]);

    /// <summary>The ASP.NET Core bridge stand-in (Amazon.Lambda.AspNetCoreServer), which needs <see cref="Net80AspNetCore"/>.</summary>
    /// <remarks>Found by file: loading its types would need ASP.NET Core in the test process.</remarks>
    public static MetadataReference AspNetCoreServer { get; } =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Amazon.Lambda.AspNetCoreServer.dll"));

    /// <summary>The Amazon.Lambda.* stand-ins, with the real assembly names.</summary>
    public static ImmutableArray<MetadataReference> Lambda { get; } =
    [
        FromType<ILambdaContext>(),
        FromType<Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder>(),
        FromType<Amazon.Lambda.Annotations.LambdaFunctionAttribute>(),
        FromType<Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer>(),
        FromType<Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest>(),
        FromType<Amazon.Lambda.S3Events.S3Event>(),
        FromType<Amazon.Lambda.SQSEvents.SQSEvent>(),
        FromType<Amazon.Lambda.SNSEvents.SNSEvent>(),
        FromType<Amazon.Lambda.DynamoDBEvents.DynamoDBEvent>(),
        FromType<Amazon.Lambda.KinesisEvents.KinesisEvent>(),
        FromType<Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent>(),
    ];

    /// <summary>
    /// Amazon.Lambda.TestUtilities, left out of <see cref="All"/>: its reference makes a compilation a test project, in
    /// which a method is a handler only by an attribute or a registration.
    /// </summary>
    public static MetadataReference TestUtilities { get; } = FromType<Amazon.Lambda.TestUtilities.TestLambdaContext>();

    /// <summary>The AWS SDK assemblies: the real ones, and the stand-in of AWSSDK.Lambda, which the feed does not serve.</summary>
    public static ImmutableArray<MetadataReference> AwsSdk { get; } =
    [
        FromType<Amazon.Runtime.AmazonServiceClient>(),
        FromType<Amazon.S3.AmazonS3Client>(),
        FromType<Amazon.DynamoDBv2.AmazonDynamoDBClient>(),
        FromType<Amazon.SQS.AmazonSQSClient>(),
        FromType<Amazon.Lambda.AmazonLambdaClient>(),
    ];

    /// <summary>Microsoft's dependency injection, which Annotations functions use.</summary>
    public static ImmutableArray<MetadataReference> DependencyInjection { get; } =
    [
        FromType<Microsoft.Extensions.DependencyInjection.IServiceCollection>(),
        FromType<Microsoft.Extensions.DependencyInjection.ServiceCollection>(),
    ];

    /// <summary>
    /// Microsoft.Extensions.Http (<c>IHttpClientFactory</c>, typed clients), left out of <see cref="All"/>: added by the
    /// tests of clients obtained from the factory.
    /// </summary>
    public static MetadataReference HttpClientFactory { get; } = FromType<System.Net.Http.IHttpClientFactory>();

    /// <summary>Everything a Lambda test source compiles against besides the framework.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = [.. Lambda, .. AwsSdk, .. DependencyInjection];

    private static MetadataReference FromType<T>() => MetadataReference.CreateFromFile(typeof(T).Assembly.Location);
}
