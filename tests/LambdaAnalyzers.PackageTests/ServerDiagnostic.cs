namespace LambdaAnalyzers.PackageTests;

/// <summary>One diagnostic of a <c>textDocument/publishDiagnostics</c> notification; line and character are 0-based.</summary>
internal sealed record ServerDiagnostic(string? Code, int Line, int Character, int? Severity, string Message)
{
    public override string ToString() => $"{Code} ({Line},{Character}) severity {Severity}: {Message}";
}
