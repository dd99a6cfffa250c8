namespace InvoiceImporter;

/// <summary>
/// The delivery audit trail: who asked for which invoice, written to the function's log at the end of a delivery.
/// </summary>
public sealed class DeliveryAudit
{
    private string? _lastUser;
    private int _recorded;

    public void Record(string userId, string invoiceNumber)
    {
        // Mistake (LMB0005): InvoiceDeliveryFunction keeps this object in a static field, so the user id outlives the
        // invocation; the next caller's audit line names the previous caller if it fails before this write.
        _lastUser = userId;
        _recorded++;
        Console.WriteLine($"Delivery of {invoiceNumber} requested by {_lastUser} ({_recorded} this environment)");
    }
}

/// <summary>A receipt for one delivery, created for each request.</summary>
public sealed class DeliveryReceipt
{
    private string? _signedBy;

    // Correct (not reported): InvoiceDeliveryFunction creates a receipt per request, so its fields die with it.
    public string Sign(string userId) => _signedBy = userId;

    public override string ToString() => $"signed by {_signedBy}";
}
