namespace Talent.Exchange.Access;

/// <summary>The exchange services a client may be granted (X-Road's per-service access rights).</summary>
public static class ExchangeServices
{
    /// <summary>The change feed of public events (<c>GET /exchange/v1/feed</c>).</summary>
    public const string Feed = "feed";

    /// <summary>Webhook subscriptions: the feed's events pushed to the client's URL, signed (<c>/exchange/v1/webhooks</c>).</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Inbound talent certifications (人才认定) from the municipal talent system (<c>/exchange/v1/certifications</c>).</summary>
    public const string Certifications = "certifications";

    public static readonly string[] All = [Feed, Webhooks, Certifications];
}

/// <summary>Endpoint metadata: the exchange service an endpoint belongs to (the call log names it).</summary>
public sealed record ExchangeServiceName(string Name);
