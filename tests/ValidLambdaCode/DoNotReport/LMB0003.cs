// LMB0003 (Lambda handlers must return Task): correct code the rule must not report, one shape per class. Each case
// carries a "Case:" comment. The executable shapes (bootstrap delegates) are in LMB0003.TopLevel.cs.
using System.Text.Json;
using System.Timers;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0003
{
    public sealed record Reading(string SensorId, double Value, DateTimeOffset TakenAt);

    // Case: handlers returning Task and Task<T>, and a synchronous void handler.
    public class ReadingsFunction
    {
        private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

        public async Task FunctionHandler(SQSEvent input, ILambdaContext context)
        {
            foreach (var message in input.Records)
            {
                var reading = JsonSerializer.Deserialize<Reading>(message.Body);
                if (reading is not null)
                {
                    await _dynamo.PutItemAsync("Readings", new Dictionary<string, AttributeValue>
                    {
                        ["SensorId"] = new() { S = reading.SensorId },
                        ["TakenAt"] = new() { S = reading.TakenAt.ToString("O") },
                    });
                }
            }
        }

        public async Task<int> CountAsync(string sensorId, ILambdaContext context)
        {
            var response = await _dynamo.QueryAsync(new QueryRequest
            {
                TableName = "Readings",
                KeyConditionExpression = "SensorId = :id",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new() { S = sensorId } },
                Select = Select.COUNT,
            });
            return response.Count ?? 0;
        }

        public void Ping(ILambdaContext context) => context.Logger.LogInformation("pong");
    }

    // Case: an async void event handler without an ILambdaContext parameter (a timer started by the constructor).
    public sealed class HeartbeatFunction : IDisposable
    {
        private readonly System.Timers.Timer _heartbeat = new(TimeSpan.FromMinutes(1));
        private int _beats;

        public HeartbeatFunction()
        {
            _heartbeat.Elapsed += OnElapsed;
            _heartbeat.Start();
        }

        public int FunctionHandler(string input, ILambdaContext context) => Volatile.Read(ref _beats);

        public void Dispose() => _heartbeat.Dispose();

        private async void OnElapsed(object? sender, ElapsedEventArgs e)
        {
            await Task.Yield();
            Interlocked.Increment(ref _beats);
        }
    }

    // Case: a ValueTask helper that takes the ILambdaContext and that the handler awaits (a call in the same file).
    public class ThresholdFunction
    {
        private static readonly Dictionary<string, double> s_limits = new() { ["boiler"] = 95.0 };

        public async Task<bool> FunctionHandler(Reading reading, ILambdaContext context) => await IsOverLimitAsync(reading, context);

        public async ValueTask<bool> IsOverLimitAsync(Reading reading, ILambdaContext context)
        {
            await Task.Yield();
            var over = s_limits.TryGetValue(reading.SensorId, out var limit) && reading.Value > limit;
            context.Logger.LogDebug("{Sensor}: {Value} over limit: {Over}", reading.SensorId, reading.Value, over);
            return over;
        }
    }

    // Case: a ValueTask helper of a static class, called from a handler of another class.
    public static class Telemetry
    {
        public static ValueTask FlushAsync(ILambdaContext context)
        {
            context.Logger.LogInformation("Flushing telemetry of {RequestId}", context.AwsRequestId);
            return ValueTask.CompletedTask;
        }
    }

    public class TelemetryFunction
    {
        public async Task FunctionHandler(Reading reading, ILambdaContext context)
        {
            context.Logger.LogInformation("{Sensor} = {Value}", reading.SensorId, reading.Value);
            await Telemetry.FlushAsync(context);
        }
    }

    // Case: a ValueTask method with the handler's shape used as a method group (a delegate the handler awaits).
    public class ConversionFunction
    {
        private static readonly Func<Reading, ILambdaContext, ValueTask<double>> s_toFahrenheit = ToFahrenheitAsync;

        public async Task<double> FunctionHandler(Reading reading, ILambdaContext context) => await s_toFahrenheit(reading, context);

        private static ValueTask<double> ToFahrenheitAsync(Reading reading, ILambdaContext context) => new(reading.Value * 9 / 5 + 32);
    }

    // Case: a ValueTask override, called by the base class's Task-returning handler.
    public abstract class RecordFunctionBase
    {
        public async Task FunctionHandler(SQSEvent input, ILambdaContext context)
        {
            foreach (var message in input.Records)
            {
                await ProcessAsync(message, context);
            }
        }

        protected abstract ValueTask ProcessAsync(SQSEvent.SQSMessage message, ILambdaContext context);
    }

    public sealed class AlertFunction : RecordFunctionBase
    {
        protected override ValueTask ProcessAsync(SQSEvent.SQSMessage message, ILambdaContext context)
        {
            context.Logger.LogWarning("Alert {MessageId}: {Body}", message.MessageId, message.Body);
            return ValueTask.CompletedTask;
        }
    }

    // Case: a ValueTask implementation of an interface member, called through the interface.
    public interface IReadingStep
    {
        ValueTask RunAsync(ILambdaContext context);
    }

    public sealed class LogStep : IReadingStep
    {
        public ValueTask RunAsync(ILambdaContext context)
        {
            context.Logger.LogInformation("step");
            return default;
        }
    }

    public class PipelineFunction
    {
        private readonly IReadingStep[] _steps = [new LogStep()];

        public async Task FunctionHandler(string input, ILambdaContext context)
        {
            foreach (var step in _steps)
            {
                await step.RunAsync(context);
            }
        }
    }

    // Case: ValueTask methods without the shape the runtime invokes: three parameters, the context not last, generic.
    public class ReadingFormatter
    {
        public ValueTask<string> FormatAsync(Reading reading, string unit, ILambdaContext context) => new($"{reading.Value} {unit}");

        public ValueTask<string> DescribeAsync(ILambdaContext context, Reading reading) => new(reading.SensorId);

        public ValueTask<string> EchoAsync<T>(T value, ILambdaContext context) => new(value?.ToString() ?? string.Empty);
    }

    // Case: a ValueTask method in a generic class: the runtime never instantiates a generic handler type.
    public class Cache<TValue>
    {
        private readonly Dictionary<string, TValue> _values = new();

        public ValueTask<TValue?> GetAsync(string key, ILambdaContext context) =>
            new(_values.TryGetValue(key, out var value) ? value : default);
    }

    // Case: a [LambdaFunction] method returning Task<T>.
    public class ReadingApi
    {
        [LambdaFunction]
        public async Task<Reading> Latest(string sensorId)
        {
            await Task.Yield();
            return new Reading(sensorId, 21.5, DateTimeOffset.UtcNow);
        }
    }

    // Case: a constructor taking the ILambdaContext (a per-invocation helper): constructors are never handlers.
    public sealed class InvocationLog
    {
        private readonly ILambdaContext _context;

        public InvocationLog(ILambdaContext context)
        {
            _context = context;
            _context.Logger.LogDebug("Log for {RequestId}", context.AwsRequestId);
        }

        public void Write(string message) => _context.Logger.LogInformation(message);
    }
}
