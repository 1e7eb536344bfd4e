namespace Talent.Messaging.Outbox;

/// <summary>What one relay round did.</summary>
public enum RelayRound
{
    Drained,
    MoreWaiting,
    HeldElsewhere,
}

/// <summary>A publish that failed, with the row it was for.</summary>
public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
