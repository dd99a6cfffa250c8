// LMB0012 (Lambda cannot call this handler): handlers the class-library runtime can call, in an assembly without
// [assembly: LambdaSerializer]: Stream handlers, handlers that take or return no data, a serializer on the method, and
// the methods that are not handlers at all. Each case carries a "Case:" comment. Handlers of assemblies with a
// serializer fill the other files of this folder.
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;

namespace DoNotReport.Lmb0012
{
    public sealed record Thumbnail(string Key, int Width, int Height);

    // Case: Stream in, Stream out: the runtime hands the bytes over as they are, no serializer needed.
    public class ResizeFunction
    {
        public async Task<Stream> FunctionHandler(Stream input, ILambdaContext context)
        {
            using var reader = new StreamReader(input);
            var text = await reader.ReadToEndAsync();
            context.Logger.LogLine($"resizing {text.Length} bytes");
            return new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
        }
    }

    // Case: a Stream subclass returned, and handlers that return nothing (void, Task) or take only the context.
    public static class HousekeepingFunctions
    {
        public static MemoryStream Echo(Stream input, ILambdaContext context)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }

        public static void Ping(ILambdaContext context) => context.Logger.LogLine($"ping {context.AwsRequestId}");

        public static async Task DrainAsync(Stream input, ILambdaContext context)
        {
            await input.CopyToAsync(Stream.Null);
            context.Logger.LogLine("drained");
        }
    }

    // Case: the serializer is declared on the method, which the runtime looks at before the assembly.
    public class ThumbnailFunction
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
        public async Task<Thumbnail> FunctionHandler(SQSEvent input, ILambdaContext context)
        {
            var last = new Thumbnail(string.Empty, 0, 0);
            foreach (var message in input.Records)
            {
                last = JsonSerializer.Deserialize<Thumbnail>(message.Body) ?? last;
                await _dynamo.PutItemAsync("Thumbnails", new Dictionary<string, AttributeValue> { ["Key"] = new() { S = last.Key } });
            }

            return last;
        }
    }

    // Case: the AWS blueprint's two constructors: the runtime uses the public parameterless one.
    public class ArchiveFunction
    {
        private readonly IAmazonDynamoDB _dynamo;

        public ArchiveFunction()
            : this(new AmazonDynamoDBClient())
        {
        }

        public ArchiveFunction(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

        public async Task FunctionHandler(Stream input, ILambdaContext context)
        {
            using var reader = new StreamReader(input);
            var key = await reader.ReadToEndAsync();
            await _dynamo.DeleteItemAsync("Thumbnails", new Dictionary<string, AttributeValue> { ["Key"] = new() { S = key } });
        }
    }

    // Case: a struct handler with a constructor of its own: a struct always has a parameterless one.
    public readonly struct ChecksumFunction
    {
        public ChecksumFunction(int seed) => Seed = seed;

        public int Seed { get; }

        public Stream FunctionHandler(Stream input, ILambdaContext context)
        {
            var sum = Seed;
            for (var b = input.ReadByte(); b >= 0; b = input.ReadByte())
            {
                sum = unchecked((sum * 31) + b);
            }

            return new MemoryStream(Encoding.UTF8.GetBytes(sum.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    // Case: a static handler of a class with no public constructor: the runtime creates no object for it.
    public sealed class StaticOnlyFunction
    {
        private StaticOnlyFunction()
        {
        }

        public static Stream FunctionHandler(Stream input, ILambdaContext context) => input;
    }

    // Case: a helper that takes the context and typed data, called by the handler: it is no handler.
    public class ImportFunction
    {
        public async Task FunctionHandler(Stream input, ILambdaContext context)
        {
            var thumbnail = await JsonSerializer.DeserializeAsync<Thumbnail>(input) ?? new Thumbnail("none", 0, 0);
            Record(thumbnail, context);
        }

        private static void Record(Thumbnail thumbnail, ILambdaContext context) =>
            context.Logger.LogLine($"{thumbnail.Key}: {thumbnail.Width}x{thumbnail.Height}");
    }

    // Case: an interface implementation taking typed data, on a class with only a dependency constructor: it is called
    // through the interface, by the code that created it.
    public interface IThumbnailStep
    {
        Thumbnail Apply(Thumbnail thumbnail, ILambdaContext context);
    }

    public sealed class ScaleStep(int factor) : IThumbnailStep
    {
        public Thumbnail Apply(Thumbnail thumbnail, ILambdaContext context) =>
            thumbnail with { Width = thumbnail.Width * factor, Height = thumbnail.Height * factor };
    }

    // Case: [LambdaFunction] methods with typed data and a constructor taking services: the generated wrapper is the
    // handler, with its own serializer, and creates the class from its container.
    public class ThumbnailApi(IAmazonDynamoDB dynamo)
    {
        [LambdaFunction]
        public async Task<Thumbnail?> Get(string key, ILambdaContext context)
        {
            var item = await dynamo.GetItemAsync("Thumbnails", new Dictionary<string, AttributeValue> { ["Key"] = new() { S = key } });
            return item.Item is { Count: > 0 } found ? new Thumbnail(found["Key"].S, 0, 0) : null;
        }
    }
}
