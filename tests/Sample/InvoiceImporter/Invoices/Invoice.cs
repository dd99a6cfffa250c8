using System.Globalization;
using Amazon.DynamoDBv2.DataModel;

namespace InvoiceImporter.Invoices;

/// <summary>An invoice as read from an uploaded CSV file and as returned by the API.</summary>
public sealed record Invoice(
    string CustomerId,
    string InvoiceNumber,
    DateOnly IssueDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount)
{
    public bool IsOverdue(DateOnly today) => DueDate < today;
}

/// <summary>The DynamoDB item of an invoice, mapped by <see cref="DynamoDBContext"/>.</summary>
[DynamoDBTable(Settings.InvoicesTable)]
public sealed class InvoiceItem
{
    [DynamoDBHashKey]
    public string CustomerId { get; set; } = "";

    [DynamoDBRangeKey]
    public string InvoiceNumber { get; set; } = "";

    /// <summary>ISO 8601 date (yyyy-MM-dd), so that it sorts and filters as text.</summary>
    public string IssueDate { get; set; } = "";

    public string DueDate { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>The S3 key of the CSV file the invoice was imported from.</summary>
    public string SourceKey { get; set; } = "";

    public DateTime ImportedAt { get; set; }

    public static InvoiceItem From(Invoice invoice, string sourceKey, DateTime importedAt) => new()
    {
        CustomerId = invoice.CustomerId,
        InvoiceNumber = invoice.InvoiceNumber,
        IssueDate = invoice.IssueDate.ToString("O", CultureInfo.InvariantCulture),
        DueDate = invoice.DueDate.ToString("O", CultureInfo.InvariantCulture),
        Currency = invoice.Currency,
        Amount = invoice.Amount,
        SourceKey = sourceKey,
        ImportedAt = importedAt,
    };

    public Invoice ToInvoice() => new(
        CustomerId,
        InvoiceNumber,
        DateOnly.ParseExact(IssueDate, "O", CultureInfo.InvariantCulture),
        DateOnly.ParseExact(DueDate, "O", CultureInfo.InvariantCulture),
        Currency,
        Amount);
}
