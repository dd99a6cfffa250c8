// LMB0014 (do not invoke another function synchronously): correct code the rule must not report, one shape per class.
// Each case carries a "Case:" comment. The file compiles as a function project: it references Amazon.Lambda.Core and
// AWSSDK.Lambda, and no test framework.
using System.Text.Json;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0014
{
    public sealed record Order(string Id, decimal Amount);

    internal static class Deadline
    {
        public static CancellationTokenSource For(ILambdaContext context) =>
            new(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1));
    }

    // Case: the other function invoked asynchronously (InvocationType Event, written as the constant, as a string, and
    // through FindValue): Lambda queues the event and answers at once.
    public class AsynchronousInvokeFunction
    {
        private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

        public async Task<string> FunctionHandler(Order order, ILambdaContext context)
        {
            using var deadline = Deadline.For(context);
            var payload = JsonSerializer.Serialize(order);
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.Event, Payload = payload }, deadline.Token);
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit-order", InvocationType = "Event", Payload = payload }, deadline.Token);

            var request = new InvokeRequest { FunctionName = "notify-customer", Payload = payload };
            request.InvocationType = InvocationType.FindValue("Event");
            await s_lambda.InvokeAsync(request, deadline.Token);
            return order.Id;
        }
    }

    // Case: DryRun, which checks parameters and permissions and runs nothing, to another function and to this one.
    public class DryRunFunction
    {
        private static readonly AmazonLambdaClient s_lambda = new();

        public async Task<bool> FunctionHandler(Order order, ILambdaContext context)
        {
            using var deadline = Deadline.For(context);
            var other = await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.DryRun }, deadline.Token);
            var self = await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName, InvocationType = InvocationType.DryRun }, deadline.Token);
            using var stream = await s_lambda.InvokeWithResponseStreamAsync(
                new InvokeWithResponseStreamRequest { FunctionName = "render-invoice", InvocationType = ResponseStreamingInvocationType.DryRun },
                deadline.Token);
            return other.StatusCode == 204 && self.StatusCode == 204;
        }
    }

    // Case: an invocation type chosen at run time, or assigned Event in one branch: not known to be synchronous.
    public class ChosenInvocationTypeFunction
    {
        private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();
        private static readonly InvocationType s_configured = InvocationType.FindValue(Environment.GetEnvironmentVariable("PRICING_MODE") ?? "Event");

        public async Task FunctionHandler(Order order, ILambdaContext context)
        {
            using var deadline = Deadline.For(context);
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = s_configured }, deadline.Token);

            var request = new InvokeRequest { FunctionName = "price-order", InvocationType = InvocationType.RequestResponse };
            if (order.Amount > 1000m)
            {
                request.InvocationType = InvocationType.Event;
            }

            await s_lambda.InvokeAsync(request, deadline.Token);
            var queued = order.Amount > 10m ? InvocationType.Event : InvocationType.DryRun;
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", InvocationType = queued }, deadline.Token);
        }
    }

    // Case: requests that come from a parameter or a factory, or that a helper configures: not known.
    public class RequestFromElsewhereFunction
    {
        private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

        public async Task<string?> FunctionHandler(InvokeRequest forwarded, ILambdaContext context)
        {
            using var deadline = Deadline.For(context);
            await s_lambda.InvokeAsync(forwarded, deadline.Token);

            var built = PricingRequests.Create(context.AwsRequestId);
            await s_lambda.InvokeAsync(built, deadline.Token);

            var configured = new InvokeRequest { FunctionName = "price-order" };
            PricingRequests.Queue(configured);
            var response = await s_lambda.InvokeAsync(configured, deadline.Token);
            return response.ExecutedVersion;
        }
    }

    internal static class PricingRequests
    {
        public static InvokeRequest Create(string id) => new() { FunctionName = "price-order", InvocationType = InvocationType.Event, Payload = id };

        public static void Queue(InvokeRequest request) => request.InvocationType = InvocationType.Event;
    }

    // Case: the deprecated InvokeAsyncAsync of AWSSDK.Lambda 3.x, which queues the event.
    public class DeprecatedInvokeAsyncFunction
    {
        private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

        public async Task FunctionHandler(Order order, ILambdaContext context)
        {
            using var deadline = Deadline.For(context);
#pragma warning disable CS0618 // The operation this project still uses on 3.x.
            await s_lambda.InvokeAsyncAsync(new InvokeAsyncRequest { FunctionName = "price-order", InvokeArgs = JsonSerializer.Serialize(order) }, deadline.Token);
#pragma warning restore CS0618
        }
    }

    // Case: synchronous calls in init code: the static constructor and the constructor run once per execution environment.
    public class WarmUpInInitFunction
    {
        private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();
        private static readonly string s_version;

        static WarmUpInInitFunction()
        {
            var response = s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "price-order", Payload = "{\"warmUp\":true}" }).GetAwaiter().GetResult();
            s_version = response.ExecutedVersion ?? "unknown";
        }

        public WarmUpInInitFunction()
        {
            s_lambda.Invoke(new InvokeRequest { FunctionName = "tax-rates", Payload = "{\"warmUp\":true}" });
        }

        public Task<string> FunctionHandler(Order order, ILambdaContext context) => Task.FromResult($"{order.Id}@{s_version}");
    }

    // Case: a wrapper of the team's own whose method is also named InvokeAsync.
    public class OwnInvokerFunction
    {
        private static readonly FunctionInvoker s_invoker = new(new AmazonLambdaClient());

        public async Task<string> FunctionHandler(Order order, ILambdaContext context)
        {
            var response = await s_invoker.InvokeAsync(new InvokeRequest { FunctionName = "price-order", Payload = JsonSerializer.Serialize(order) });
            return response.ExecutedVersion ?? order.Id;
        }
    }

    public sealed class FunctionInvoker(IAmazonLambda lambda)
    {
        // Not per-invocation code of its own: a helper without an ILambdaContext, queuing every request.
        public Task<InvokeResponse> InvokeAsync(InvokeRequest request)
        {
            request.InvocationType = InvocationType.Event;
            return lambda.InvokeAsync(request);
        }
    }
}
