using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers;

/// <summary>
/// The descriptors of one rule: every message variant shares the rule's ID, title, category, default severity,
/// description and help link, so a rule states them once.
/// </summary>
internal sealed class RuleDescriptors(string id, string title, string category, DiagnosticSeverity severity, string description)
{
    /// <summary>A descriptor of this rule with its own message.</summary>
    public DiagnosticDescriptor Create(string messageFormat) => new(
        id,
        title,
        messageFormat,
        category,
        severity,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(id));
}
