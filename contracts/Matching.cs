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

/// <summary>A talent or an enterprise registered a demand (摸底调研), with the tier computed for it.</summary>
public sealed record DemandRegistered(Guid EventId, DateTimeOffset OccurredAt, Guid DemandId, string ClientId, string ClientKind, IReadOnlyList<string> Domains, string Stage, IReadOnlyList<string> ServiceTypes, string Tier) : IIntegrationEvent;

/// <summary>
/// A provider was proposed for a demand, with the score that ranked it. Since notifications: <see cref="ProviderUserId"/>,
/// the provider's account (subject), when the provider has one.
/// </summary>
public sealed record MatchProposed(Guid EventId, DateTimeOffset OccurredAt, Guid ProposalId, Guid DemandId, Guid ProviderId, string Team, int Score, Guid? BatchId, string? ProviderUserId = null) : IIntegrationEvent;

/// <summary>A provider accepted a proposal: the engagement starts, first contact due by <see cref="FirstContactDueOn"/>.</summary>
public sealed record EngagementStarted(Guid EventId, DateTimeOffset OccurredAt, Guid EngagementId, Guid DemandId, string ClientId, Guid ProviderId, string Team, DateOnly FirstContactDueOn) : IIntegrationEvent;

/// <summary>
/// An engagement reached a milestone: firstContact, planAgreed, serviceDelivered or outcomeRecorded. The person served
/// (<see cref="ClientId"/>), the provider's team and the milestone due next came later (null from older publishers).
/// </summary>
public sealed record EngagementMilestoneReached(
    Guid EventId, DateTimeOffset OccurredAt, Guid EngagementId, Guid ProviderId, string Milestone, string? Outcome, bool OnTime,
    string? ClientId = null, Guid? DemandId = null, string? Team = null, string? Next = null) : IIntegrationEvent;

/// <summary>
/// A suggestion rule fired for a person (主动感知): the platform suggests an item or the providers who can help, in the
/// rule's words in both languages; the person sees it in the portal and may dismiss it.
/// </summary>
public sealed record SuggestionMade(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string PersonId, string RuleCode, Guid SourceApplicationId, string? ItemCode,
    string MessageZh, string MessageEn, int Providers) : IIntegrationEvent;

/// <summary>An engagement's first contact is past its deadline (raised once): commissioners follow it up.</summary>
public sealed record FirstContactOverdue(Guid EventId, DateTimeOffset OccurredAt, Guid EngagementId, Guid DemandId, Guid ProviderId, string Team, string Tier, DateOnly DueOn) : IIntegrationEvent;
