namespace Talent.Contracts.Applications;

/// <summary>An applicant (or staff at a service window on their behalf) submitted an application.</summary>
public sealed record ApplicationSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    int ItemVersion,
    string LeadDepartment,
    IReadOnlyList<string> Departments,
    string Channel,
    DateOnly AcceptanceDeadline) : IIntegrationEvent;

/// <summary>Accepted (受理): the decision clock starts; <see cref="OwnerId"/> is the first-ask owner.</summary>
public sealed record ApplicationAccepted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    int ItemVersion,
    string LeadDepartment,
    string OwnerId,
    DateOnly DecisionDeadline) : IIntegrationEvent;

public sealed record ApplicationReturnedForSupplement(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Note) : IIntegrationEvent;

/// <summary>Not accepted (不予受理): the application ends here, with the department's reason.</summary>
public sealed record ApplicationRefused(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Reason) : IIntegrationEvent;

/// <summary>Decided: approved or denied with reasons; the applicant is then invited to rate the service.</summary>
public sealed record ApplicationDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    int ItemVersion,
    string LeadDepartment,
    IReadOnlyList<string> Departments,
    string? OwnerId,
    bool Approved,
    string Decision,
    bool OnTime,
    int InPersonVisits) : IIntegrationEvent;

public sealed record ApplicationWithdrawn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ApplicantId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId) : IIntegrationEvent;

/// <summary>A deadline (acceptance or decision) is one working day away (configurable); raised once per deadline.</summary>
public sealed record ApplicationDueSoon(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Deadline,
    DateOnly DueOn) : IIntegrationEvent;

/// <summary>A deadline passed without the step it limits; raised once per deadline.</summary>
public sealed record ApplicationOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string Reference,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Deadline,
    DateOnly DueOn) : IIntegrationEvent;

/// <summary>Operators changed a year of the working-day calendar; services that keep deadlines keep a copy.</summary>
public sealed record WorkingCalendarChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int Year,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkdays,
    string Source,
    bool Provisional) : IIntegrationEvent;

/// <summary>
/// An application's state as its applicant consented to share it with municipal systems (the exchange's change feed):
/// raised with each change of state while the consent holds, and once with the current state when it is given. No
/// answers, materials or names: the case, the item, the state and its dates.
/// </summary>
public sealed record ApplicationStateShared(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, string Reference, string ApplicantId, string ItemCode, int ItemVersion, string LeadDepartment,
    string State, DateTimeOffset? SubmittedAt, DateOnly? DueOn) : IIntegrationEvent;

/// <summary>
/// The one-stop complex's operators confirmed (<see cref="Confirmed"/>) or declined a booking of a venue, with their note;
/// the booker hears of it.
/// </summary>
public sealed record BookingDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid BookingId,
    string BookerId,
    string VenueCode,
    string VenueNameZh,
    string VenueNameEn,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool Confirmed,
    string? Note) : IIntegrationEvent;

/// <summary>A confirmed booking starts within a day: the booker is reminded once.</summary>
public sealed record BookingReminder(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid BookingId,
    string BookerId,
    string VenueCode,
    string VenueNameZh,
    string VenueNameEn,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt) : IIntegrationEvent;
