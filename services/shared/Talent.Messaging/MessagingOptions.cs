namespace Talent.Messaging;

/// <summary>Consumer settings (configuration section <c>Messaging</c>). Defaults measured on 2 cores: see STACK.md.</summary>
public sealed class MessagingOptions
{
    /// <summary>MassTransit's default (16) falls behind its own publishing here; 200 keeps up.</summary>
    public ushort PrefetchCount { get; set; } = 200;

    public int ConcurrentMessageLimit { get; set; } = 16;

    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);
}
