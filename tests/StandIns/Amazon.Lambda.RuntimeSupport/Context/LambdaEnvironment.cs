namespace Amazon.Lambda.RuntimeSupport;

public class LambdaEnvironment
{
    public LambdaEnvironment() { }

    public string FunctionMemorySize { get; private set; }

    public string FunctionName { get; private set; }

    public string FunctionVersion { get; private set; }

    public string LogGroupName { get; private set; }

    public string LogStreamName { get; private set; }

    public string RuntimeServerHostAndPort { get; private set; }

    public string Handler { get; private set; }

    public string XAmznTraceId => null;

    public string ExecutionEnvironment => null;
}
