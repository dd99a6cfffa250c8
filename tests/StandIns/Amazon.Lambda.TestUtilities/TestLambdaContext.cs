using System;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.TestUtilities;

public class TestLambdaContext : ILambdaContext
{
    public string AwsRequestId { get; set; }

    public IClientContext ClientContext { get; set; }

    public string FunctionName { get; set; }

    public string FunctionVersion { get; set; }

    public ICognitoIdentity Identity { get; set; }

    public string InvokedFunctionArn { get; set; }

    public ILambdaLogger Logger { get; set; } = new TestLambdaLogger();

    public string LogGroupName { get; set; }

    public string LogStreamName { get; set; }

    public int MemoryLimitInMB { get; set; }

    public TimeSpan RemainingTime { get; set; }

    public string TenantId { get; set; }

    public string TraceId { get; set; }

    public ILambdaSerializer Serializer { get; set; }
}
