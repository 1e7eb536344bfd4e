using System.Security.Cryptography;

namespace Talent.Exchange.Webhooks;

/// <summary>
/// A client's webhook: the URL the feed's events are pushed to, the types wanted (none: all), and the signing secret
/// (Standard Webhooks, <c>whsec_</c> + base64 of 32 random bytes), shown once when the subscription is made.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlLength = 500;
    public const int MaxPerClient = 10;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ClientId { get; private set; } = "";

    public string Url { get; private set; } = "";

    public List<string> Types { get; private set; } = [];

    public string Secret { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    private WebhookSubscription()
    {
    }

    public static WebhookSubscription Create(string clientId, string url, IEnumerable<string> types, DateTimeOffset now) => new()
    {
        ClientId = clientId,
        Url = url,
        Types = [.. types.Distinct()],
        Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        CreatedAt = now,
    };

    public bool Wants(string type) => Types.Count == 0 || Types.Contains(type);

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}

/// <summary>
/// One event to one subscription: <c>pending</c> → <c>sent</c> (a 2xx), or <c>dead</c> after the last attempt (the
/// client replays it). The payload is the CloudEvent as sent, so a replay sends the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public string Status { get; private set; } = Pending;

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int? LastStatus { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    private WebhookDelivery()
    {
    }

    public static WebhookDelivery Of(Guid subscriptionId, Guid eventId, string type, string payload, DateTimeOffset now) =>
        new() { SubscriptionId = subscriptionId, EventId = eventId, Type = type, Payload = payload, NextAttemptAt = now, CreatedAt = now };

    public void Succeeded(int status, DateTimeOffset at) => (Status, LastStatus, LastError, SentAt) = (Sent, status, null, at);

    /// <summary>A failed attempt: again after the back-off for this attempt, or dead after the last.</summary>
    public void Failed(int? status, string error, DateTimeOffset at, WebhookOptions options)
    {
        (LastStatus, LastError) = (status, error.Length > 500 ? error[..500] : error);
        if (Attempts >= options.MaxAttempts)
        {
            Status = Dead;
            return;
        }

        NextAttemptAt = at + options.BackoffAfter(Attempts);
    }

    /// <summary>Not tried: its endpoint failed a moment ago, so it waits with its subscription's other deliveries (the lease's count taken back).</summary>
    public void Postpone(DateTimeOffset until) => (Attempts, NextAttemptAt) = (Attempts - 1, until);

    /// <summary>The subscription was removed: nothing more to try.</summary>
    public void Abandon() => (Status, LastError) = (Dead, RemovedNote);

    /// <summary>Why a delivery of a removed subscription was set aside.</summary>
    public const string RemovedNote = "The subscription was removed. 订阅已删除。";

    /// <summary>The client asks for it again: pending now, attempts counted afresh.</summary>
    public bool Replay(DateTimeOffset now)
    {
        if (Status == Pending)
        {
            return false;
        }

        (Status, Attempts, NextAttemptAt, SentAt) = (Pending, 0, now, null);
        return true;
    }
}
