namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The names the generated code uses for hosting types: the Amazon.Lambda.* types in the Lambda corpus, and the
/// project's own look-alikes in the corpus that does not reference Amazon.Lambda.Core. Everything else (the AWS SDK,
/// HttpClient, the business code) is the same in both.
/// </summary>
internal sealed class Vocabulary
{
    private Vocabulary(bool lambda) => IsLambda = lambda;

    public static Vocabulary Lambda { get; } = new(lambda: true);

    public static Vocabulary WithoutLambda { get; } = new(lambda: false);

    public bool IsLambda { get; }

    public IReadOnlyList<string> Usings => IsLambda
        ?
        [
            "Amazon.Lambda.Annotations",
            "Amazon.Lambda.Annotations.APIGateway",
            "Amazon.Lambda.APIGatewayEvents",
            "Amazon.Lambda.CloudWatchEvents.ScheduledEvents",
            "Amazon.Lambda.Core",
            "Amazon.Lambda.RuntimeSupport",
            "Amazon.Lambda.S3Events",
            "Amazon.Lambda.Serialization.SystemTextJson",
            "Amazon.Lambda.SNSEvents",
            "Amazon.Lambda.SQSEvents",
        ]
        : ["Contoso.Hosting"];

    public string Context => IsLambda ? "ILambdaContext" : "IOperationContext";

    public string RequestId => IsLambda ? "AwsRequestId" : "RequestId";

    public string ApiRequest => IsLambda ? "APIGatewayProxyRequest" : "ApiRequest";

    public string ApiResponse => IsLambda ? "APIGatewayProxyResponse" : "ApiResponse";

    public string QueueEvent => IsLambda ? "SQSEvent" : "QueueBatch";

    public string QueueResponse => IsLambda ? "SQSBatchResponse" : "QueueBatchResponse";

    public string StorageEvent => IsLambda ? "S3Event" : "StorageNotification";

    public string TopicEvent => IsLambda ? "SNSEvent" : "TopicNotification";

    public string ScheduleEvent => IsLambda ? "ScheduledEvent" : "ScheduleTick";

    public string HttpResult => IsLambda ? "IHttpResult" : "IOperationResult";

    public string HttpResults => IsLambda ? "HttpResults" : "OperationResults";

    public string FromRoute => IsLambda ? "[FromRoute] " : string.Empty;

    public string FromBody => IsLambda ? "[FromBody] " : string.Empty;

    public string Function(int memorySize, int timeout) =>
        IsLambda ? $"[LambdaFunction(MemorySize = {memorySize}, Timeout = {timeout})]" : $"[Operation(MemorySize = {memorySize}, Timeout = {timeout})]";

    public string HttpApi(string method, string template) =>
        IsLambda ? $"[HttpApi(LambdaHttpMethod.{method}, \"{template}\")]" : $"[Route(\"{method.ToUpperInvariant()}\", \"{template}\")]";

    /// <summary>Starts the runtime loop with a handler delegate, with the JSON serializer when it takes typed input.</summary>
    public string Bootstrap(string handler, bool typed, string? typeArguments = null) => IsLambda
        ? $"await LambdaBootstrapBuilder.Create{typeArguments}({handler}{(typed ? ", new DefaultLambdaJsonSerializer()" : string.Empty)}).Build().RunAsync();"
        : $"await WorkerHost.Create{typeArguments}({handler}).Build().RunAsync();";

    /// <summary>
    /// The Lambda corpus declares the serializer of its class-library handlers once for the assembly, as the AWS templates
    /// do; without it, the runtime could call none of the handlers that take or return events.
    /// </summary>
    public string? AssemblyAttributesSource => IsLambda ? """
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
        """ : null;

    /// <summary>The corpus without Amazon.Lambda.Core declares its own hosting types, shaped like ordinary service code.</summary>
    public string? HostingSource => IsLambda ? null : """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Hosting;

        public interface IOperationLogger
        {
            void LogLine(string message);

            void LogInformation(string message);

            void LogWarning(string message);
        }

        public interface IOperationContext
        {
            string RequestId { get; }

            string FunctionName { get; }

            TimeSpan RemainingTime { get; }

            IOperationLogger Logger { get; }
        }

        public sealed class ApiRequest
        {
            public string HttpMethod { get; set; } = "GET";

            public string Path { get; set; } = "/";

            public string? Body { get; set; }

            public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

            public IDictionary<string, string>? PathParameters { get; set; }

            public IDictionary<string, string>? QueryStringParameters { get; set; }
        }

        public sealed class ApiResponse
        {
            public int StatusCode { get; set; }

            public string? Body { get; set; }

            public IDictionary<string, string>? Headers { get; set; }
        }

        public sealed class QueueBatch
        {
            public List<QueueMessage> Records { get; set; } = new();

            public sealed class QueueMessage
            {
                public string MessageId { get; set; } = string.Empty;

                public string ReceiptHandle { get; set; } = string.Empty;

                public string Body { get; set; } = string.Empty;

                public string EventSourceArn { get; set; } = string.Empty;

                public Dictionary<string, string> Attributes { get; set; } = new();
            }
        }

        public sealed class QueueBatchResponse
        {
            public QueueBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

            public List<BatchItemFailure> BatchItemFailures { get; set; }

            public sealed class BatchItemFailure
            {
                public string ItemIdentifier { get; set; } = string.Empty;
            }
        }

        public sealed class StorageNotification
        {
            public List<StorageRecord> Records { get; set; } = new();

            public sealed class StorageRecord
            {
                public string EventName { get; set; } = string.Empty;

                public StorageEntity S3 { get; set; } = new();
            }

            public sealed class StorageEntity
            {
                public BucketEntity Bucket { get; set; } = new();

                public ObjectEntity Object { get; set; } = new();
            }

            public sealed class BucketEntity
            {
                public string Name { get; set; } = string.Empty;
            }

            public sealed class ObjectEntity
            {
                public string Key { get; set; } = string.Empty;

                public long Size { get; set; }
            }
        }

        public sealed class TopicNotification
        {
            public IList<TopicRecord> Records { get; set; } = new List<TopicRecord>();

            public sealed class TopicRecord
            {
                public TopicMessage Sns { get; set; } = new();
            }

            public sealed class TopicMessage
            {
                public string Message { get; set; } = string.Empty;

                public string MessageId { get; set; } = string.Empty;

                public string Subject { get; set; } = string.Empty;
            }
        }

        public sealed class ScheduleTick
        {
            public string Id { get; set; } = string.Empty;

            public DateTime Time { get; set; }
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class OperationAttribute : Attribute
        {
            public uint MemorySize { get; set; }

            public uint Timeout { get; set; }
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class RouteAttribute : Attribute
        {
            public RouteAttribute(string method, string template)
            {
                Method = method;
                Template = template;
            }

            public string Method { get; }

            public string Template { get; }
        }

        public interface IOperationResult
        {
            int StatusCode { get; }
        }

        public static class OperationResults
        {
            public static IOperationResult Ok(object? body = null) => new Result(200, body);

            public static IOperationResult Created(string? uri = null, object? body = null) => new Result(201, body ?? uri);

            public static IOperationResult BadRequest(object? body = null) => new Result(400, body);

            public static IOperationResult NotFound(object? body = null) => new Result(404, body);

            private sealed record Result(int StatusCode, object? Body) : IOperationResult;
        }

        public static class WorkerHost
        {
            public static WorkerHostBuilder Create<TInput, TOutput>(Func<TInput, IOperationContext, Task<TOutput>> handler) => new(handler);

            public static WorkerHostBuilder Create<TInput>(Func<TInput, Task> handler) => new(handler);
        }

        public sealed class WorkerHostBuilder
        {
            private readonly Delegate _handler;

            public WorkerHostBuilder(Delegate handler) => _handler = handler;

            public WorkerHostRunner Build() => new(_handler);
        }

        public sealed class WorkerHostRunner
        {
            private readonly Delegate _handler;

            public WorkerHostRunner(Delegate handler) => _handler = handler;

            public Task RunAsync() => _handler is null ? Task.CompletedTask : Task.Delay(Timeout.Infinite);
        }
        """;
}
