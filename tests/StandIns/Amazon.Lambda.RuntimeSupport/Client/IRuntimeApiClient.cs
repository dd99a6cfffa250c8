using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.RuntimeSupport.Helpers;

namespace Amazon.Lambda.RuntimeSupport;

public interface IRuntimeApiClient
{
    IConsoleLoggerWriter ConsoleLogger { get; }

    Task ReportInitializationErrorAsync(Exception exception, string errorType = null, CancellationToken cancellationToken = default);

    Task ReportInitializationErrorAsync(string errorType, CancellationToken cancellationToken = default);

    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default);

    Task ReportInvocationErrorAsync(string awsRequestId, Exception exception, CancellationToken cancellationToken = default);

    Task RestoreNextInvocationAsync(CancellationToken cancellationToken = default);

    Task ReportRestoreErrorAsync(Exception exception, string errorType = null, CancellationToken cancellationToken = default);

    Task SendResponseAsync(string awsRequestId, Stream outputStream, CancellationToken cancellationToken = default);
}

public interface IRuntimeApiHeaders
{
    string AwsRequestId { get; }

    string TraceId { get; }

    string TenantId { get; }
}
