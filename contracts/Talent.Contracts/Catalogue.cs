namespace Talent.Contracts.Catalogue;

/// <summary>A version of a one-thing item was published in the service directory.</summary>
/// <remarks>Versioned by adding fields: the flow-card snapshot joins this record with the catalogue issue.</remarks>
public sealed record CatalogueItemPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Code,
    int Version,
    string TitleZh,
    string? TitleEn) : IIntegrationEvent;

/// <summary>A one-thing item was taken out of the service directory.</summary>
public sealed record CatalogueItemWithdrawn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Code,
    int Version,
    string Reason) : IIntegrationEvent;
