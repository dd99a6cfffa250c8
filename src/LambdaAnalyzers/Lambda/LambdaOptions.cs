using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>The <c>.editorconfig</c> / <c>.globalconfig</c> keys of the package, read per syntax tree.</summary>
internal static class LambdaOptions
{
    public const string AdditionalClientTypes = "lambda_analyzers.additional_client_types";
    public const string AdditionalClientFactories = "lambda_analyzers.additional_client_factories";
    public const string IntentionalMembers = "lambda_analyzers.LMB0005.intentional_members";
    public const string EphemeralStorageMegabytes = "lambda_analyzers.ephemeral_storage_mb";
    public const string DeadlineMarginMilliseconds = "lambda_analyzers.deadline_margin_ms";

    public static string? Get(AnalyzerOptions options, SyntaxTree tree, string key) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
