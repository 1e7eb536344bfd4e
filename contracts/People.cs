namespace Talent.Contracts.People;

/// <summary>
/// A person's record in the identity service as it is now: created, changed (name, roles, department), disabled, or
/// announced again (every person once per generation, when a new consumer appears). The newest <c>OccurredAt</c> wins.
/// </summary>
/// <remarks>
/// <see cref="Subject"/> is the token subject (<c>sub</c>); <see cref="Department"/> is set for staff and commissioners,
/// <see cref="ApplicantKind"/> (<c>talent</c> or <c>enterprise</c>) for applicants. Services keep their own copy of the
/// people they need (<c>Talent.ReadModels</c>) instead of asking the identity service at request time.
/// Since notifications: <see cref="Email"/> and <see cref="Phone"/> (the contacts the person gave, null when none) and
/// <see cref="Language"/> (<c>zh-CN</c> or <c>en</c>, the language the person reads the platform in); only the
/// notifications service keeps them.
/// </remarks>
public sealed record PersonChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Subject,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Department,
    string? ApplicantKind,
    bool Disabled,
    string? Email = null,
    string? Phone = null,
    string? Language = null) : IIntegrationEvent;
