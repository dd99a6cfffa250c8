using System.Reflection;

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
    public const string HandlerStringMismatch = "LMB0011";
    public const string HandlerNotCallable = "LMB0012";
    public const string WaitBeyondTimeout = "LMB0013";
    public const string SynchronousInvoke = "LMB0014";
    public const string BatchRecordNotReported = "LMB0015";
    public const string CredentialsInCode = "LMB0016";
    public const string DeploymentFileNotRead = "LMB0017";

    /// <summary>The project's repository, from the build (<c>LambdaAnalyzersRepositoryUrl</c>), as the package declares it.</summary>
    public static string RepositoryUrl { get; } = ReadRepositoryUrl();

    public static string GetHelpUri(string id) => RepositoryUrl + "/blob/main/docs/rules/" + id + ".md";

    private static string ReadRepositoryUrl()
    {
        foreach (var attribute in typeof(RuleIdentifiers).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false))
        {
            if (attribute is AssemblyMetadataAttribute { Key: "LambdaAnalyzersRepositoryUrl", Value: { Length: > 0 } url })
            {
                return url.TrimEnd('/');
            }
        }

        // Never thrown from a type initializer in a user's IDE: without the build's value the links are only relative
        // (RuleMetadataTests fails on that).
        return string.Empty;
    }
}
