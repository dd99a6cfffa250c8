using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.SQS;
using InvoiceImporter.Invoices;

namespace InvoiceImporter;

/// <summary>The input of a reminder run: the day to check, set by the EventBridge schedule's input transformer.</summary>
public sealed record ReminderRun(string AsOf, IReadOnlyList<string> CustomerIds);

/// <summary>What one reminder run did.</summary>
public sealed record ReminderSummary(int Checked, int Reminded);

/// <summary>The event the Notifications Service turns into a payment reminder e-mail.</summary>
public sealed record PaymentOverdue(string CustomerId, string InvoiceNumber, string DueDate, decimal Amount, string Currency);

/// <summary>
/// Runs every morning on an EventBridge schedule: finds the overdue invoices of the given customers, queues a payment
/// reminder per invoice for the Notifications Service and marks the invoices as reminded.
/// Handler: <c>InvoiceImporter::InvoiceImporter.ReminderFunction::FunctionHandler</c>.
/// </summary>
public sealed class ReminderFunction
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly IAmazonSQS _sqs;
    private readonly string _notificationsQueueUrl;

    public ReminderFunction()
        : this(new AmazonDynamoDBClient(), new AmazonSQSClient(), Settings.Required("NOTIFICATIONS_QUEUE_URL"))
    {
    }

    /// <summary>Used by the unit tests, with fakes of the clients.</summary>
    public ReminderFunction(IAmazonDynamoDB dynamo, IAmazonSQS sqs, string notificationsQueueUrl)
    {
        _dynamo = dynamo;
        _sqs = sqs;
        _notificationsQueueUrl = notificationsQueueUrl;
    }

    public async Task<ReminderSummary> FunctionHandler(ReminderRun run, ILambdaContext context)
    {
        using var timeout = TimeBudget.Start(context);
        var asOf = DateOnly.ParseExact(run.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Correct: the lookups run concurrently, and Task.WhenAll waits for every one of them before the handler goes on.
        var lookups = run.CustomerIds.Select(customerId => LoadOpenInvoicesAsync(customerId, timeout.Token)).ToList();
        var invoices = (await Task.WhenAll(lookups)).SelectMany(open => open).ToList();
        var overdue = invoices.Where(invoice => invoice.IsOverdue(asOf)).ToList();

        foreach (var invoice in overdue)
        {
            var message = JsonSerializer.Serialize(new PaymentOverdue(
                invoice.CustomerId, invoice.InvoiceNumber, invoice.DueDate.ToString("O", CultureInfo.InvariantCulture), invoice.Amount, invoice.Currency));

            // Mistake (LMB0002): the discard silences CS4014, but the message may still be in flight when the handler
            // returns and the environment is frozen: the customer never gets the reminder.
            _ = _sqs.SendMessageAsync(_notificationsQueueUrl, message, timeout.Token);
        }

        // Mistake (LMB0002): ForEach takes an Action, so the async lambda runs as async void: ForEach returns at the
        // first await, and the updates are left running when the handler returns.
        overdue.ForEach(async invoice => await MarkRemindedAsync(invoice, asOf, timeout.Token));

        // Correct: the same update, awaited one invoice at a time.
        foreach (var invoice in overdue.Where(invoice => invoice.Amount >= 10_000m))
        {
            await MarkEscalatedAsync(invoice, timeout.Token);
        }

        // Mistake (LMB0002): the metrics are written on a thread-pool thread that nobody waits for.
        _ = Task.Run(() => PublishMetricsAsync(invoices.Count, overdue.Count, context));

        // Correct: the audit record is written on the thread pool too, but awaited.
        await Task.Run(() => WriteAuditAsync(run, overdue.Count, timeout.Token));

        // Mistake (LMB0002): an async void method returns at its first await; the rest runs after the handler returns.
        LogRunCompleted(run.AsOf, overdue.Count);

        return new ReminderSummary(invoices.Count, overdue.Count);
    }

    private async Task<IReadOnlyList<Invoice>> LoadOpenInvoicesAsync(string customerId, CancellationToken cancellationToken)
    {
        var response = await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = Settings.InvoicesTable,
            KeyConditionExpression = "CustomerId = :customer",
            FilterExpression = "attribute_not_exists(PaidAt)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":customer"] = new() { S = customerId } },
        }, cancellationToken);

        return (response.Items ?? []).Select(item => new Invoice(
            item["CustomerId"].S,
            item["InvoiceNumber"].S,
            DateOnly.ParseExact(item["IssueDate"].S, "O", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(item["DueDate"].S, "O", CultureInfo.InvariantCulture),
            item["Currency"].S,
            decimal.Parse(item["Amount"].N, CultureInfo.InvariantCulture))).ToList();
    }

    private Task MarkRemindedAsync(Invoice invoice, DateOnly asOf, CancellationToken cancellationToken) =>
        SetAttributeAsync(invoice, "RemindedOn", asOf.ToString("O", CultureInfo.InvariantCulture), cancellationToken);

    private Task MarkEscalatedAsync(Invoice invoice, CancellationToken cancellationToken) =>
        SetAttributeAsync(invoice, "Escalated", "true", cancellationToken);

    private async Task SetAttributeAsync(Invoice invoice, string name, string value, CancellationToken cancellationToken)
    {
        await _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Settings.InvoicesTable,
            Key = new Dictionary<string, AttributeValue>
            {
                ["CustomerId"] = new() { S = invoice.CustomerId },
                ["InvoiceNumber"] = new() { S = invoice.InvoiceNumber },
            },
            UpdateExpression = "SET #name = :value",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#name"] = name },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":value"] = new() { S = value } },
        }, cancellationToken);
    }

    private static Task PublishMetricsAsync(int checkedCount, int overdueCount, ILambdaContext context)
    {
        context.Logger.LogInformation("Checked {Checked} invoices, {Overdue} overdue", checkedCount, overdueCount);
        return Task.CompletedTask;
    }

    private async Task WriteAuditAsync(ReminderRun run, int reminded, CancellationToken cancellationToken)
    {
        await _dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = "ReminderRuns",
            Item = new Dictionary<string, AttributeValue>
            {
                ["AsOf"] = new() { S = run.AsOf },
                ["Reminded"] = new() { N = reminded.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);
    }

    private async void LogRunCompleted(string asOf, int reminded)
    {
        await _sqs.SendMessageAsync(_notificationsQueueUrl, JsonSerializer.Serialize(new { kind = "reminder-run", asOf, reminded }));
    }
}
