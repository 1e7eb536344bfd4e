namespace Talent.Contracts;

/// <summary>
/// An integration event: a fact in the past tense, published through a service's outbox.
/// <see cref="EventId"/> doubles as the message id, so consumers can skip redeliveries.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
