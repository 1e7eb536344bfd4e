namespace Talent.Exchange;

/// <summary>Settings under <c>Exchange</c>.</summary>
public sealed class ExchangeOptions
{
    /// <summary>Demonstration grants (the embedded default): <c>municipal-demo</c> may call every exchange service.</summary>
    public bool DemoData { get; set; }

    public FeedOptions Feed { get; set; } = new();

    public CertificationOptions Certifications { get; set; } = new();
}

public sealed class CertificationOptions
{
    /// <summary>The designations a certification may carry: matching's words for the zone's talent tiers.</summary>
    public List<string> Designations { get; set; } = ["distinguished", "leading", "high-level", "outstanding-youth"];
}

public sealed class FeedOptions
{
    /// <summary>How long events stay in the feed; a client's answer states it (ISO 8601 duration).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
