using System.Text.Json;

namespace Talent.Applications.Applying;

public sealed record CreateRequest(string? ItemCode, string? Channel, string? ApplicantId, string? ApplicantName);

public sealed record AnswersRequest(Dictionary<string, JsonElement>? Answers);

/// <summary>The body of refuse (<c>reason</c>), return (<c>note</c>), withdraw (<c>reason</c>) and visits (<c>note</c>).</summary>
public sealed record NoteRequest(string? Reason, string? Note);

public sealed record DecideRequest(bool? Approved, string? Decision, string? Reasons);

/// <summary>Whether the case's progress is shared with municipal systems.</summary>
public sealed record SharingConsentRequest(bool? Consented);

public sealed record HandoverRequest(string? ToStaffId, string? ToStaffName, string? ToDepartment, string? Reason);

/// <summary>The case's first-ask owner (首问责任人) and how to reach them.</summary>
public sealed record OwnerView(string Id, string? Name, string? Contact)
{
    public static OwnerView? Of(string? id, string? name, string? contact) => id is null ? null : new OwnerView(id, name, contact);
}

/// <summary>An application as its applicant and its handlers see it, with what its state allows now.</summary>
public sealed record ApplicationView(
    Guid Id, string? Reference, string State, string ItemCode, int ItemVersion, string ItemTitleZh, string LeadDepartment, string Channel,
    string ApplicantId, string ApplicantName, Dictionary<string, JsonElement> Answers, IReadOnlyList<AttachedMaterial> Materials, IReadOnlyList<StepProgress> Steps,
    OwnerView? Owner, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? AcceptanceDeadline, DateOnly? DecisionDeadline, DateOnly? DueOn, string? DueStatus,
    string? Decision, string? DecisionReasons, int InPersonVisits, IReadOnlyList<string> AllowedActions, bool SharesProgress = false);

/// <summary>A line of <c>/mine</c> and <c>/inbox</c>.</summary>
public sealed record Summary(Guid Id, string? Reference, string State, string ItemCode, string ItemTitleZh, string ApplicantName, string? AwaitingDepartment, DateOnly? DueOn, string? DueStatus, OwnerView? Owner, DateTimeOffset? SubmittedAt);

/// <summary>How many cases await a department, by where their deadline stands (as the inbox's <c>status</c> filter).</summary>
public sealed record InboxCounts(int OnTrack, int DueSoon, int Overdue, int Total);
