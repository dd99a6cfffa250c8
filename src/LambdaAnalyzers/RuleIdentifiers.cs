namespace LambdaAnalyzers;

/// <summary>The rule IDs of the package, one constant per rule, and where their documentation lives.</summary>
public static class RuleIdentifiers
{
    public const string ClientCreatedPerInvocation = "LMB0001";
    public const string WorkLeftRunning = "LMB0002";
    public const string HandlerNotAwaitable = "LMB0003";
    public const string BlockingWait = "LMB0004";

    private const string DocsBase = "https://github.com/lambda-analyzers/lambda-analyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsBase + id + ".md";
}
