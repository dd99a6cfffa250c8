using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

namespace InvoiceImporter;

/// <summary>A credit note issued against an invoice, as the billing system sends it.</summary>
public sealed record CreditNote(string CustomerId, string InvoiceNumber, string CreditNoteNumber, decimal Amount);

/// <summary>
/// The base class of the functions that receive a batch of billing events and handle them one by one. The handler
/// lives here; each function says what one event does.
/// </summary>
public abstract class BillingEventFunction<TEvent>
{
    public async Task FunctionHandler(IReadOnlyList<TEvent> events, ILambdaContext context)
    {
        foreach (var billingEvent in events)
        {
            await HandleAsync(billingEvent);
        }

        context.Logger.LogInformation("Handled {Count} billing events", events.Count);
    }

    /// <summary>Runs for every event of every invocation.</summary>
    protected abstract Task HandleAsync(TEvent billingEvent);
}

/// <summary>
/// Stores the credit notes the billing system issues, and archives a copy of each for the auditors.
/// Handler: <c>InvoiceImporter::InvoiceImporter.CreditNoteFunction::FunctionHandler</c>.
/// </summary>
public sealed class CreditNoteFunction : BillingEventFunction<CreditNote>
{
    protected override async Task HandleAsync(CreditNote note)
    {
        var store = new CreditNoteStore();
        await store.SaveAsync(note);
        await CreditNoteArchive.ArchiveAsync(note);
        await CreditNoteArchive.ArchiveForAuditAsync(note);
    }
}

/// <summary>The credit notes table (partition key <c>CustomerId</c>, sort key <c>CreditNoteNumber</c>).</summary>
public sealed class CreditNoteStore
{
    // Mistake (LMB0001): the function creates a store for every credit note, and with it a new DynamoDB client (reached
    // from the base class's handler through the override): keep one store, or one client, per execution environment.
    private readonly AmazonDynamoDBClient _dynamo = new();

    public Task SaveAsync(CreditNote note) => _dynamo.PutItemAsync(new PutItemRequest
    {
        TableName = "CreditNotes",
        Item = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = note.CustomerId },
            ["CreditNoteNumber"] = new() { S = note.CreditNoteNumber },
            ["InvoiceNumber"] = new() { S = note.InvoiceNumber },
            ["Amount"] = new() { N = note.Amount.ToString(CultureInfo.InvariantCulture) },
        },
    });
}

/// <summary>Copies of the credit notes, in the archive bucket.</summary>
public static class CreditNoteArchive
{
    // Correct: created once, when the class is first used, and shared by every invocation.
    private static readonly AmazonS3Client s_archive = new();

    public static Task ArchiveAsync(CreditNote note) => s_archive.PutObjectAsync(new PutObjectRequest
    {
        BucketName = "invoice-archive",
        Key = $"credit-notes/{note.CustomerId}/{note.CreditNoteNumber}.json",
        ContentBody = note.ToString(),
    });

    public static async Task ArchiveForAuditAsync(CreditNote note)
    {
        // Mistake (LMB0001): a helper the handler calls for every credit note creates its own S3 client each time.
        using var audit = new AmazonS3Client();
        await audit.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "invoice-audit",
            Key = $"credit-notes/{note.CreditNoteNumber}.json",
            ContentBody = note.ToString(),
        });
    }
}
