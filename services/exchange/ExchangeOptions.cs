namespace Talent.Exchange;

/// <summary>Settings under <c>Exchange</c>.</summary>
public sealed class ExchangeOptions
{
    /// <summary>Demonstration grants (the embedded default): <c>municipal-demo</c> may call every exchange service.</summary>
    public bool DemoData { get; set; }

    public FeedOptions Feed { get; set; } = new();
}

public sealed class FeedOptions
{
    /// <summary>How long events stay in the feed; a client's answer states it (ISO 8601 duration).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
