using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The <c>.editorconfig</c> / <c>.globalconfig</c> keys of the package, read per syntax tree: one typed reader per
/// option, which also owns the option's default and the values it accepts.
/// </summary>
internal static class LambdaOptions
{
    public const string AdditionalClientTypesKey = "lambda_analyzers.additional_client_types";
    public const string AdditionalClientFactoriesKey = "lambda_analyzers.additional_client_factories";
    public const string IntentionalMembersKey = "lambda_analyzers.LMB0005.intentional_members";
    public const string EphemeralStorageMegabytesKey = "lambda_analyzers.ephemeral_storage_mb";
    public const string DeadlineMarginMillisecondsKey = "lambda_analyzers.deadline_margin_ms";
    public const string ReachDepthKey = "lambda_analyzers.reach_depth";
    public const string ReachExcludeKey = "lambda_analyzers.reach_exclude";

    /// <summary>How many calls away from a handler reach follows by default.</summary>
    public const int DefaultReachDepth = 3;

    /// <summary>The most calls away from a handler reach can be told to follow.</summary>
    public const int MaximumReachDepth = 5;
    public const string AllowedFunctionsKey = "lambda_analyzers.LMB0014.allowed_functions";

    /// <summary>The MSBuild property the package's props make visible (<c>CompilerVisibleProperty</c>).</summary>
    public const string TargetFrameworkKey = "build_property.TargetFramework";

    /// <summary>
    /// The item metadata the package's build targets set on the deployment files a project lists under any name
    /// (<c>CompilerVisibleItemMetadata</c>).
    /// </summary>
    public const string DeploymentFileMetadataKey = "build_metadata.AdditionalFiles.LambdaAnalyzersDeploymentFile";

    /// <summary>Lambda's default ephemeral storage, and the least a function can have.</summary>
    public const int DefaultEphemeralStorageMegabytes = 512;

    /// <summary>The most ephemeral storage a function can have.</summary>
    public const int MaximumEphemeralStorageMegabytes = 10240;

    public const int DefaultDeadlineMarginMilliseconds = 500;

    public const int MaximumDeadlineMarginMilliseconds = 900_000;

    /// <summary><c>|</c>-separated documentation-comment IDs of client types; null when not set.</summary>
    public static string? AdditionalClientTypes(AnalyzerOptions options, SyntaxTree tree) => Get(options, tree, AdditionalClientTypesKey);

    /// <summary><c>|</c>-separated documentation-comment IDs of client factory methods; null when not set.</summary>
    public static string? AdditionalClientFactories(AnalyzerOptions options, SyntaxTree tree) => Get(options, tree, AdditionalClientFactoriesKey);

    /// <summary><c>|</c>-separated documentation-comment IDs of members and types whose writes LMB0005 leaves alone; null when not set.</summary>
    public static string? IntentionalMembers(AnalyzerOptions options, SyntaxTree tree) => Get(options, tree, IntentionalMembersKey);

    /// <summary>
    /// The functions LMB0014 lets a function invoke synchronously, as they are written in the request's
    /// <c>FunctionName</c> (<c>|</c>-separated, compared exactly); empty when not set.
    /// </summary>
    public static ImmutableHashSet<string> AllowedFunctions(AnalyzerOptions options, SyntaxTree tree) =>
        ParseAllowedFunctions(Get(options, tree, AllowedFunctionsKey));

    /// <summary>The function's ephemeral storage in MB: an integer from 512 to 10,240; anything else means the default.</summary>
    public static int EphemeralStorageMegabytes(AnalyzerOptions options, SyntaxTree tree) =>
        ParseEphemeralStorageMegabytes(Get(options, tree, EphemeralStorageMegabytesKey));

    /// <summary>The margin a deadline keeps before the function's timeout, in milliseconds: 0 to 900,000; anything else means the default.</summary>
    public static int DeadlineMarginMilliseconds(AnalyzerConfigOptions options) =>
        ParseDeadlineMarginMilliseconds(options.TryGetValue(DeadlineMarginMillisecondsKey, out var value) ? value : null);

    /// <summary>How many calls away from a handler the code of this tree is checked: an integer from 0 (the handler's own code only) to 5; anything else means 3.</summary>
    public static int ReachDepth(AnalyzerConfigOptions options) =>
        ParseReachDepth(options.TryGetValue(ReachDepthKey, out var value) ? value : null);

    /// <summary><c>|</c>-separated documentation-comment IDs of methods reach does not enter; null when not set.</summary>
    public static string? ReachExclude(AnalyzerConfigOptions options) =>
        options.TryGetValue(ReachExcludeKey, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whether a rule reports in code a handler reaches (<c>lambda_analyzers.LMBxxxx.reach</c>): only <c>false</c> turns it off.</summary>
    public static bool RuleReaches(AnalyzerConfigOptions options, string ruleId) =>
        !(options.TryGetValue("lambda_analyzers." + ruleId + ".reach", out var value)
            && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The target framework of this build (<c>net8.0</c>; in a multi-targeting project, the inner build's), from the
    /// global options; null when the property is not visible or empty.
    /// </summary>
    public static string? TargetFramework(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(TargetFrameworkKey, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>Whether an additional file's options mark it as a deployment file (<see cref="DeploymentFileMetadataKey"/>).</summary>
    public static bool IsMarkedDeploymentFile(AnalyzerConfigOptions fileOptions) =>
        fileOptions.TryGetValue(DeploymentFileMetadataKey, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    internal static ImmutableHashSet<string> ParseAllowedFunctions(string? value)
    {
        if (value is null)
        {
            return ImmutableHashSet<string>.Empty;
        }

        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (var part in value.Split('|'))
        {
            if (part.Trim() is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    internal static int ParseEphemeralStorageMegabytes(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes)
            && megabytes is >= DefaultEphemeralStorageMegabytes and <= MaximumEphemeralStorageMegabytes
            ? megabytes
            : DefaultEphemeralStorageMegabytes;

    internal static int ParseReachDepth(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth is >= 0 and <= MaximumReachDepth
            ? depth
            : DefaultReachDepth;

    internal static int ParseDeadlineMarginMilliseconds(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var margin)
            && margin is >= 0 and <= MaximumDeadlineMarginMilliseconds
            ? margin
            : DefaultDeadlineMarginMilliseconds;

    private static string? Get(AnalyzerOptions options, SyntaxTree tree, string key) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
