namespace Talent.Notifications.Deliveries;

/// <summary>
/// One notification sent through one channel (table <c>deliveries</c>): pending until sent; after each failure tried
/// again with a back-off that doubles; set aside as dead after the last attempt, where operators see it and may send it
/// again. Nothing is dropped: every state is a row.
/// </summary>
public sealed class Delivery
{
    public const string EmailChannel = "email";
    public const string SmsChannel = "sms";

    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";

    public const int AddressLength = 254;
    public const int ErrorLength = 1000;

    public Guid Id { get; private set; }

    public Guid NotificationId { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>Where it goes (an e-mail address or a phone number) as it was when the notification was made.</summary>
    public string Address { get; private set; } = "";

    public string Status { get; private set; } = Pending;

    public int Attempts { get; private set; }

    /// <summary>When it is next tried (while pending; a worker sending it holds it leased until then).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    private Delivery()
    {
    }

    public static Delivery Create(Guid notificationId, string channel, string address, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        NotificationId = notificationId,
        Channel = channel,
        Address = address,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void Succeeded(DateTimeOffset now) => (Status, SentAt, LastError) = (Sent, now, null);

    /// <summary>A failed attempt (already counted when it was taken): tried again after the back-off, or dead after the last.</summary>
    public void Failed(string error, DateTimeOffset now, DeliveryOptions options)
    {
        LastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        if (Attempts >= options.MaxAttempts)
        {
            Status = Dead;
            return;
        }

        NextAttemptAt = now + options.BackoffAfter(Attempts);
    }

    /// <summary>An operator sends a dead delivery again: pending now, with a fresh count of attempts.</summary>
    public bool Revive(DateTimeOffset now)
    {
        if (Status != Dead)
        {
            return false;
        }

        (Status, Attempts, NextAttemptAt) = (Pending, 0, now);
        return true;
    }
}
