// LMB0004 in a top-level program: the init code before RunAsync() runs once per execution environment and may block;
// the handler lambda awaits.
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;

var s3 = new AmazonS3Client();

// Case: init code before RunAsync(): loading the configuration synchronously, waiting for a warm-up call and pausing
// between retries happen once, before the first invocation.
var bucket = Environment.GetEnvironmentVariable("TEMPLATES_BUCKET") ?? "templates";
var warmUp = s3.GetBucketLocationAsync(bucket);
for (var attempt = 1; !warmUp.Wait(TimeSpan.FromSeconds(2)) && attempt < 3; attempt++)
{
    Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
}

var template = s3.GetObjectAsync(bucket, "greeting.txt").GetAwaiter().GetResult();
using var reader = new StreamReader(template.ResponseStream);
var greeting = reader.ReadToEnd();

// Case: a task waited for in the init code is complete when the handler reads it.
var handler = async (Visitor visitor, ILambdaContext context) =>
{
    var region = warmUp.Result.Location;
    await Task.Yield();
    context.Logger.LogInformation("Greeting {Name} from {Region}", visitor.Name, region);
    return new Greeting(greeting.Replace("{name}", visitor.Name, StringComparison.Ordinal));
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

public sealed record Visitor(string Name);

public sealed record Greeting(string Text);
