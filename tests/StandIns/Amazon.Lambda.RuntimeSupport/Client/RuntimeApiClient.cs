using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.RuntimeSupport.Helpers;

namespace Amazon.Lambda.RuntimeSupport;

public class RuntimeApiClient : IRuntimeApiClient
{
    public RuntimeApiClient(HttpClient httpClient) { }

    public IConsoleLoggerWriter ConsoleLogger => null;

    public Task ReportInitializationErrorAsync(Exception exception, string errorType = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ReportInitializationErrorAsync(string errorType, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default) => throw null;

    public Task ReportInvocationErrorAsync(string awsRequestId, Exception exception, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RestoreNextInvocationAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ReportRestoreErrorAsync(Exception exception, string errorType = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendResponseAsync(string awsRequestId, Stream outputStream, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
