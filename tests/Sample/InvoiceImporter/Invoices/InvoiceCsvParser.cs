using System.Globalization;

namespace InvoiceImporter.Invoices;

/// <summary>A line of the CSV file that could not be imported.</summary>
public sealed record RejectedLine(int LineNumber, string Reason);

public sealed record CsvParseResult(IReadOnlyList<Invoice> Invoices, IReadOnlyList<RejectedLine> Rejected);

/// <summary>
/// Parses the invoice export of the billing system:
/// <c>customer_id,invoice_number,issue_date,due_date,currency,amount</c>, dates as yyyy-MM-dd, amounts with a dot.
/// Lines that do not parse are rejected one by one; the rest of the file is still imported.
/// </summary>
public static class InvoiceCsvParser
{
    private const int ColumnCount = 6;

    public static async Task<CsvParseResult> ParseAsync(Stream csv, CancellationToken cancellationToken)
    {
        var invoices = new List<Invoice>();
        var rejected = new List<RejectedLine>();
        var seen = new HashSet<(string, string)>();

        using var reader = new StreamReader(csv);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.StartsWith("customer_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!TryParse(line, out var invoice, out var reason))
            {
                rejected.Add(new RejectedLine(lineNumber, reason));
            }
            else if (!seen.Add((invoice.CustomerId, invoice.InvoiceNumber)))
            {
                rejected.Add(new RejectedLine(lineNumber, $"Invoice '{invoice.InvoiceNumber}' appears more than once."));
            }
            else
            {
                invoices.Add(invoice);
            }
        }

        return new CsvParseResult(invoices, rejected);
    }

    private static bool TryParse(string line, out Invoice invoice, out string reason)
    {
        invoice = null!;
        var fields = line.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != ColumnCount)
        {
            reason = $"Expected {ColumnCount} columns, found {fields.Length}.";
            return false;
        }

        if (fields[0].Length == 0 || fields[1].Length == 0)
        {
            reason = "Customer id and invoice number are required.";
            return false;
        }

        if (!DateOnly.TryParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued)
            || !DateOnly.TryParseExact(fields[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            reason = "Dates must be yyyy-MM-dd.";
            return false;
        }

        if (fields[4].Length != 3)
        {
            reason = $"'{fields[4]}' is not an ISO 4217 currency code.";
            return false;
        }

        if (!decimal.TryParse(fields[5], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            reason = $"'{fields[5]}' is not a valid amount.";
            return false;
        }

        invoice = new Invoice(fields[0], fields[1], issued, due, fields[4].ToUpperInvariant(), amount);
        reason = "";
        return true;
    }
}
