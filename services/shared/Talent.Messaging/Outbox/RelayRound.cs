namespace Talent.Messaging.Outbox;

/// <summary>What one relay round did.</summary>
public enum RelayRound
{
    Drained,
    MoreWaiting,
    HeldElsewhere,
}

/// <summary>A publish that failed, with the row it was for.</summary>
public sealed class OutboxPublishException(string message, Exception inner, int confirmed) : Exception(message, inner)
{
    /// <summary>How many of the round's messages the broker confirmed before the failure (none: nothing got through).</summary>
    public int Confirmed { get; } = confirmed;
}
