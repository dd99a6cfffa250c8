// ASP.NET Core Web API behind API Gateway, the shape of the "ASP.NET Core Web API" serverless template: Lambda creates
// LambdaEntryPoint once per execution environment, which starts the ASP.NET Core host (Startup) in its constructor;
// every invocation is marshalled into an HttpContext and routed to the controllers. LocalEntryPoint runs the same app
// on Kestrel for local development.
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocumentsApi;

/// <summary>Handler string: DocumentsApi::DocumentsApi.LambdaEntryPoint::FunctionHandlerAsync</summary>
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override void Init(IHostBuilder builder)
    {
    }

    // Adds the Lambda request ID to the request headers so that the controllers can log it.
    protected override void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest lambdaRequest, ILambdaContext lambdaContext)
    {
        aspNetCoreRequestFeature.Headers["X-Lambda-Request-Id"] = lambdaContext.AwsRequestId;
    }
}

public static class LocalEntryPoint
{
    public static void Main(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
            .Build()
            .Run();
}

public sealed record DocumentInfo(string Key, long Size, DateTime? LastModified);

public class Startup(IConfiguration configuration)
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddSingleton<IAmazonS3>(new AmazonS3Client());
        services.AddSingleton(new DocumentsOptions(configuration["DocumentsBucket"] ?? "documents"));
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet("/", () => "Documents API on AWS Lambda");
        });
    }
}

public sealed record DocumentsOptions(string Bucket);

[ApiController]
[Route("api/[controller]")]
public class DocumentsController(IAmazonS3 s3, DocumentsOptions options, ILogger<DocumentsController> logger) : ControllerBase
{
    [HttpGet]
    public async Task<IEnumerable<DocumentInfo>> List([FromQuery] string? prefix, CancellationToken cancellationToken)
    {
        var response = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Bucket, Prefix = prefix }, cancellationToken);
        return (response.S3Objects ?? []).Select(o => new DocumentInfo(o.Key, o.Size ?? 0, o.LastModified));
    }

    [HttpGet("{*key}")]
    public async Task<IActionResult> Get(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(options.Bucket, key, cancellationToken);
            HttpContext.Response.RegisterForDispose(response);
            return File(response.ResponseStream, response.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            logger.LogInformation("No document {Key} (request {RequestId})", key, Request.Headers["X-Lambda-Request-Id"].ToString());
            return NotFound();
        }
    }

    [HttpPut("{*key}")]
    public async Task<IActionResult> Put(string key, CancellationToken cancellationToken)
    {
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = Request.Body,
            ContentType = Request.ContentType,
        }, cancellationToken);
        return CreatedAtAction(nameof(Get), new { key }, null);
    }
}
