namespace Talent.Contracts.Matching;

/// <summary>
/// An engagement between a person served (<see cref="ClientId"/>) and a provider (a policy service commissioner, a talent
/// butler or a tech broker) was closed; the person may rate it in the feedback service.
/// </summary>
public sealed record EngagementClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EngagementId,
    Guid DemandId,
    string ClientId,
    Guid ProviderId,
    string ProviderName,
    string Team,
    string? Organisation,
    string? Outcome) : IIntegrationEvent;
