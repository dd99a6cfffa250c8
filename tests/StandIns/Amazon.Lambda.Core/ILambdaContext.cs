using System;

namespace Amazon.Lambda.Core;

public interface ILambdaContext
{
    string AwsRequestId { get; }

    IClientContext ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    ICognitoIdentity Identity { get; }

    string InvokedFunctionArn { get; }

    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    TimeSpan RemainingTime { get; }

#if NET8_0_OR_GREATER
    string TenantId => default;

    string TraceId => default;

    ILambdaSerializer Serializer => default;
#endif
}
