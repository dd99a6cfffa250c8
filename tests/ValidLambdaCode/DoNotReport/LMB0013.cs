// LMB0013 (wait longer than the function's timeout): correct code the rule must not report, one shape per class. This
// compilation has no deployment file: the timeouts come from [LambdaFunction(Timeout = ...)], which the rule reads too.
// Methods without an ILambdaContext keep token-less delays, so that LMB0009 (which needs a context to derive a deadline
// from) has nothing to say either. Each case carries a "Case:" comment.
using System.Net;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0013
{
    public class Backoff
    {
        // Case: waits shorter than the function's 30 s timeout.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> RetryAsync(string id)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Thread.Sleep(250);
            return id;
        }

        // Case: a wait that is long, but shorter than a 900 s timeout.
        [LambdaFunction(ResourceName = "Nightly", Timeout = 900, MemorySize = 1024)]
        public async Task<string> NightlyAsync(string id)
        {
            await Task.Delay(TimeSpan.FromMinutes(10));
            return id;
        }

        // Case: an infinite wait, ended by the other task of WhenAny.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> FirstOfAsync(string id)
        {
            var answer = Task.FromResult(id);
            var winner = await Task.WhenAny(answer, Task.Delay(Timeout.Infinite));
            return winner == answer ? await answer : string.Empty;
        }
    }

    public class Deadlines
    {
        private static readonly HttpClient s_http = new();

        // Case: durations derived from RemainingTime, not constants.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> FetchAsync(string url, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
            return await s_http.GetStringAsync(url, deadline.Token);
        }

        // Case: a long delay given a token that ends it first.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> WaitForAsync(string id, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                context.Logger.LogInformation($"Stopped waiting for {id}");
            }

            return id;
        }

        // Case: a source linked with the deadline, then given a longer CancelAfter.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> LinkedAsync(string url, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
            using var request = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            request.CancelAfter(TimeSpan.FromMinutes(2));
            return await s_http.GetStringAsync(url, request.Token);
        }

        // Case: a long source whose token is linked with the deadline's.
        [LambdaFunction(Timeout = 30)]
        public async Task<string> CombinedAsync(string url, ILambdaContext context)
        {
            using var deadline = new CancellationTokenSource(context.RemainingTime > TimeSpan.FromSeconds(2) ? context.RemainingTime - TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan);
            using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            using var both = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, deadline.Token);
            return await s_http.GetStringAsync(url, both.Token);
        }
    }

    // Case: a token source kept in a field, which other code may link or cancel.
    public class Session
    {
        private CancellationTokenSource _session = new();

        [LambdaFunction(Timeout = 30)]
        public string Start(string id)
        {
            _session.Dispose();
            _session = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            return id;
        }
    }

    // Case: timeouts set in init code, and timeouts of parts of the work (connecting, pooled connections).
    public class Clients
    {
        private static readonly HttpClient s_slow = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromMinutes(1), PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };

        private readonly IAmazonS3 _s3 = new AmazonS3Client(new AmazonS3Config { Timeout = TimeSpan.FromMinutes(5) });

        [LambdaFunction(Timeout = 30)]
        public async Task<string> GetAsync(string url)
        {
            var body = await s_slow.GetStringAsync(url);
            return body + _s3.Config.ServiceVersion;
        }

        // Case: an HttpStatusCode, not a duration, named like one.
        [LambdaFunction(Timeout = 3)]
        public int Status(string id) => (int)HttpStatusCode.RequestTimeout + id.Length;
    }
}
