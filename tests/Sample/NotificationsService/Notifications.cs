using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace NotificationsService;

/// <summary>The body of <c>POST /notifications</c>.</summary>
public sealed record SendNotificationRequest(string? Recipient, string? Subject, string? Message)
{
    public const int MaxMessageLength = 10_000;

    /// <summary>What is wrong with the request, or null when it can be sent.</summary>
    public string? Validate() => this switch
    {
        { Recipient: null or "" } => "'recipient' is required.",
        { Recipient: var recipient } when !recipient.Contains('@') => "'recipient' must be an e-mail address.",
        { Subject: null or "" } => "'subject' is required.",
        { Message: null or "" } => "'message' is required.",
        { Message.Length: > MaxMessageLength } => $"'message' is longer than {MaxMessageLength} characters.",
        _ => null,
    };
}

/// <summary>
/// A notification as stored in the Notifications table (partition key <c>Recipient</c>, sort key <c>Id</c>, which
/// starts with the creation time so that a query returns a recipient's notifications in order) and as returned by the API.
/// The mail sender, a separate function on the queue, sets <c>Status</c> to SENT or FAILED.
/// </summary>
public sealed record Notification(string Id, string Recipient, string Subject, string Message, string Status, DateTimeOffset CreatedAt)
{
    public const string Queued = "QUEUED";

    public static Notification Create(SendNotificationRequest request, DateTimeOffset now) => new(
        $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}",
        request.Recipient!.Trim().ToLowerInvariant(),
        request.Subject!,
        request.Message!,
        Queued,
        now);

    public Dictionary<string, AttributeValue> ToItem() => new()
    {
        ["Recipient"] = new() { S = Recipient },
        ["Id"] = new() { S = Id },
        ["Subject"] = new() { S = Subject },
        ["Message"] = new() { S = Message },
        ["Status"] = new() { S = Status },
        ["CreatedAt"] = new() { S = CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
    };

    public static Notification FromItem(Dictionary<string, AttributeValue> item) => new(
        item["Id"].S,
        item["Recipient"].S,
        item["Subject"].S,
        item["Message"].S,
        item["Status"].S,
        DateTimeOffset.Parse(item["CreatedAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}

public sealed record NotificationPage(IReadOnlyList<Notification> Items, string? Next);

public sealed record ErrorResponse(string Error);
