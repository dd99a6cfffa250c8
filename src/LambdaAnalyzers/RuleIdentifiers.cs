namespace LambdaAnalyzers;

/// <summary>The rule IDs of the package, one constant per rule, and where their documentation lives.</summary>
public static class RuleIdentifiers
{
    public const string ClientCreatedPerInvocation = "LMB0001";
    public const string WorkLeftRunning = "LMB0002";
    public const string HandlerNotAwaitable = "LMB0003";
    public const string BlockingWait = "LMB0004";
    public const string InvocationDataKept = "LMB0005";
    public const string EphemeralStorageExceeded = "LMB0006";
    public const string WriteOutsideTmp = "LMB0007";
    public const string TmpFileNotDeleted = "LMB0008";
    public const string MissingDeadline = "LMB0009";
    public const string PollingLoopWithoutDeadline = "LMB0010";

    private const string DocsBase = "https://github.com/lambda-analyzers/lambda-analyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsBase + id + ".md";
}
