using System.Text.Json;

namespace Talent.Portal.Apis;

// The applications API's JSON as the portal reads it (services/applications/Applying/ApplicationContracts.cs and beside).
// Names start with Case or Wallet so they stay apart from the other APIs' records in this namespace.

/// <summary>One application with its deadlines, owner and the actions its state allows now (<c>allowedActions</c>).</summary>
public sealed record CaseView(
    Guid Id, string? Reference, string State, string ItemCode, int ItemVersion, string ItemTitleZh, string LeadDepartment, string Channel,
    string ApplicantId, string ApplicantName, Dictionary<string, JsonElement> Answers, List<CaseMaterial> Materials, List<CaseStep> Steps,
    CaseOwner? Owner, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? AcceptanceDeadline, DateOnly? DecisionDeadline, DateOnly? DueOn,
    string? DueStatus, string? Decision, string? DecisionReasons, int InPersonVisits, List<string> AllowedActions)
{
    public bool Allows(string action) => AllowedActions.Contains(action);

    public CaseMaterial? MaterialFor(string code) => Materials.FirstOrDefault(m => m.Code == code);
}

/// <summary>
/// How a material is satisfied: <c>upload</c>, <c>wallet</c> (reused) or <c>dataSharing</c> (免提交, with what the exchange
/// got from the department's system once submitted).
/// </summary>
public sealed record CaseMaterial(string Code, string Kind, Guid? FileId, string? FileName, string? ContentType, long? Size, string? Sha256, string? SharingReference, DateTimeOffset At,
    CaseSharedRecord? Shared = null);

/// <summary>A shared material's record: requested, obtained (record, source, time, SHA-256), notHeld, noSource or unavailable (with a note).</summary>
public sealed record CaseSharedRecord(string Status, string? Source, string? Record, string? Sha256, string? Note, DateTimeOffset At);

public sealed record CaseStep(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy);

/// <summary>The first-ask owner (首问负责人) and how to reach them.</summary>
public sealed record CaseOwner(string Id, string? Name, string? Contact);

/// <summary>A line of <c>/mine</c> and of the staff inbox.</summary>
public sealed record CaseSummary(Guid Id, string? Reference, string State, string ItemCode, string ItemTitleZh, string ApplicantName, string? AwaitingDepartment, DateOnly? DueOn, string? DueStatus, CaseOwner? Owner, DateTimeOffset? SubmittedAt);

public sealed record PersonSummary(string Subject, string DisplayName, string? ApplicantKind, string? Department);

public sealed record PeoplePage(List<PersonSummary> Items, int Page, int PageSize, int Total);

public sealed record CaseList(List<CaseSummary> Items, int Page, int PageSize, int Total);

/// <summary>One transition: who, when, the action (<c>submit</c>, <c>complete-step:2</c>, ...), the states (answered as numbers) and the note.</summary>
public sealed record CaseHistoryEntry(DateTimeOffset At, string Actor, string ActorName, string Action, JsonElement From, JsonElement To, string? Note)
{
    /// <summary>The state names in the service's enum order: the history answers states by number.</summary>
    public static readonly string[] States = ["Draft", "Submitted", "Accepted", "NotAccepted", "ReturnedForSupplement", "InReview", "Approved", "Denied", "Withdrawn"];

    public string ToState => StateName(To);

    private static string StateName(JsonElement state) => state.ValueKind switch
    {
        JsonValueKind.Number when state.TryGetInt32(out var i) && i >= 0 && i < States.Length => States[i],
        JsonValueKind.String => state.GetString() ?? "",
        _ => "",
    };
}

/// <summary>A material of an approved application, reusable until <see cref="ValidUntil"/>.</summary>
public sealed record WalletFile(Guid Id, string MaterialCode, string MaterialName, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset? AcceptedAt, DateOnly? ValidUntil);

/// <summary>A year of the working-day calendar: holidays that fall on weekdays are off, make-up days (调休) on weekends are worked.</summary>
public sealed record CalendarYearView(int Year, List<DateOnly> Holidays, List<DateOnly> MakeUpWorkdays, string Source, bool Provisional, int Revision, int WorkingDays, string? UpdatedBy = null, DateTimeOffset? UpdatedAt = null);

/// <summary>How many cases await the staff member's department, by where their deadline stands.</summary>
public sealed record InboxCounts(int OnTrack, int DueSoon, int Overdue, int Total);

/// <summary>An enquiry (咨询) about an item, or about one of the applicant's cases for it; owned by whoever was asked first until handed over; answered once, by its owner.</summary>
public sealed record CaseEnquiry(Guid Id, string ApplicantId, string ApplicantName, string ItemCode, Guid? ApplicationId, string Department, string Question,
    string? Answer, string? OwnerId, string? OwnerName, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt,
    string Channel = "online", string? OwnerDepartment = null, int Handovers = 0, List<EnquiryStep>? Steps = null);

/// <summary>One step of an enquiry: <c>ask</c>, <c>receive</c>, <c>handover</c> (to <c>ToName</c>, why in <c>Note</c>), <c>answer</c>.</summary>
public sealed record EnquiryStep(DateTimeOffset At, string ActorId, string ActorName, string Action, string? ToId, string? ToName, string? ToDepartment, string? Note);

/// <summary>A venue of the one-stop complex: <c>Kind</c> sandTable, exhibition, roadshow or lounge; opening hours in the zone's time.</summary>
public sealed record ComplexVenue(string Code, string NameZh, string NameEn, string Kind, int Capacity, int OpensAt, int ClosesAt);

/// <summary>A venue's day: whether it is a working day and the hours taken.</summary>
public sealed record VenueDay(ComplexVenue Venue, DateOnly Day, bool WorkingDay, List<TakenSlot> Taken);

public sealed record TakenSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string State);

/// <summary>A booking; <c>State</c> requested, confirmed, declined or cancelled.</summary>
public sealed record ComplexBooking(Guid Id, string VenueCode, string BookerId, string BookerName, string Purpose, int Attendees, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string State, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note, DateTimeOffset CreatedAt);
