using System.Globalization;

namespace LambdaAnalyzers.PackageTests;

/// <summary>One <c>textDocument/publishDiagnostics</c> notification: the whole set of one document's diagnostics.</summary>
internal sealed record PublishedDiagnostics(TimeSpan ReceivedAt, string Uri, int? Version, IReadOnlyList<ServerDiagnostic> Diagnostics)
{
    public bool IsFor(string path) =>
        System.Uri.TryCreate(Uri, UriKind.Absolute, out var parsed) && parsed.IsFile && Path.GetFullPath(parsed.LocalPath) == Path.GetFullPath(path);

    public override string ToString() =>
        $"at {ReceivedAt.TotalSeconds:F1} s, {Uri} version {Version?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {Diagnostics.Count} diagnostic(s)"
        + string.Concat(Diagnostics.Select(static diagnostic => Environment.NewLine + "    " + diagnostic));
}
