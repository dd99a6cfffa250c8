// LMB0003 in a top-level program: handler delegates the bootstrap can await, and a ValueTask helper the handler awaits.
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var greeting = Environment.GetEnvironmentVariable("GREETING") ?? "Hello";

// Case: an async lambda whose natural type is a Func returning Task.
var handler = async (GreetRequest request, ILambdaContext context) =>
{
    var name = await NormalizeAsync(request.Name, context);
    return new GreetResponse($"{greeting}, {name}!");
};

// Case: a Func<Stream, Task> local holding an async lambda.
Func<Stream, Task> drain = async stream => await stream.CopyToAsync(Stream.Null);

// Case: a synchronous lambda given as an Action: the runtime regains control when the work is done.
Action<Stream, ILambdaContext> ping = (stream, context) => context.Logger.LogInformation("ping of {Length} bytes", stream.Length);

// Case: an async lambda given as the bootstrap's initializer (init code returning Task<bool>), not as the handler.
var mode = Environment.GetEnvironmentVariable("MODE");
var builder = mode switch
{
    "drain" => LambdaBootstrapBuilder.Create(drain),
    "ping" => LambdaBootstrapBuilder.Create(ping),
    _ => LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()),
};

await builder
    .UseBootstrapHandler(async () =>
    {
        await Task.Yield();
        return true;
    })
    .Build()
    .RunAsync();

// Case: a ValueTask local function taking the ILambdaContext, awaited by the handler: only class-library handlers and
// [LambdaFunction] methods must return Task.
static async ValueTask<string> NormalizeAsync(string? name, ILambdaContext context)
{
    await Task.Yield();
    var trimmed = string.IsNullOrWhiteSpace(name) ? "stranger" : name.Trim();
    context.Logger.LogDebug("Normalized {Name}", trimmed);
    return trimmed;
}

public sealed record GreetRequest(string? Name);

public sealed record GreetResponse(string Message);
