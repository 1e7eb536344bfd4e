namespace Talent.Contracts.Exchange;

/// <summary>
/// A municipal system certified a talent (人才认定, e.g. a Golden Phoenix tier), or changed or revoked a certification it
/// sent before: pushed to the exchange by the issuing system (<see cref="Issuer"/>, its client id) under its own id
/// (<see cref="CertificationId"/>). <see cref="Designation"/> is in matching's words (distinguished, leading, high-level,
/// outstanding-youth). The newest <c>OccurredAt</c> for an (issuer, certification) wins.
/// </summary>
public sealed record TalentCertified(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Issuer,
    string CertificationId,
    string PersonId,
    string Programme,
    string Designation,
    DateOnly CertifiedOn,
    DateOnly? ValidUntil,
    bool Revoked) : IIntegrationEvent;
