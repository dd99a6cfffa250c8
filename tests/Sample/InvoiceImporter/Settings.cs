namespace InvoiceImporter;

/// <summary>The function's configuration, set as environment variables by the deployment template.</summary>
internal static class Settings
{
    /// <summary>The table of imported invoices (partition key <c>CustomerId</c>, sort key <c>InvoiceNumber</c>).</summary>
    public const string InvoicesTable = "Invoices";

    public static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The environment variable '{name}' is not set.");

    public static string? Optional(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
