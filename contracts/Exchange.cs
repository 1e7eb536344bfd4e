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

/// <summary>
/// A submitted application needs materials that its item's flow card marks as held by departments (免提交): the exchange
/// asks the source system registered for each material's <see cref="SharedMaterialAsk.SourceDepartment"/> for the
/// applicant's record. Raised once per submission, for the materials the case holds no record of yet; answered by one
/// <see cref="SharedMaterialsObtained"/>, so the case is written once.
/// </summary>
public sealed record SharedMaterialsRequested(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, string Reference, string ApplicantId, IReadOnlyList<SharedMaterialAsk> Materials) : IIntegrationEvent;

/// <summary>One material of <see cref="SharedMaterialsRequested"/>: its code and the department holding it.</summary>
public sealed record SharedMaterialAsk(string MaterialCode, string SourceDepartment);

/// <summary>What the exchange got for each material of a <see cref="SharedMaterialsRequested"/>.</summary>
public sealed record SharedMaterialsObtained(Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, IReadOnlyList<SharedMaterialAnswer> Answers) : IIntegrationEvent;

/// <summary>
/// One material's answer: <see cref="Status"/> <c>obtained</c> (the record as JSON, its SHA-256, the source system),
/// <c>notHeld</c> (the source holds nothing for the person), <c>noSource</c> (no source system registered for the
/// department) or <c>unavailable</c> (the source did not answer; <see cref="Note"/> says why). Staff see it on the case;
/// without a record they ask the applicant for the material.
/// </summary>
public sealed record SharedMaterialAnswer(string MaterialCode, string SourceDepartment, string Status, string? Source, string? Record, string? Sha256, string? Note);
