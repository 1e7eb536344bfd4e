using System.Text.Json;
using Talent.Contracts.Catalogue;
using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Applications.Applying;

/// <summary>
/// An application for a one-thing item, through its state machine (plain C#):
/// <c>Draft → Submitted → Accepted | NotAccepted | ReturnedForSupplement → Submitted</c>,
/// <c>Accepted → InReview (the flow card's steps, each by its department) → Approved | Denied</c>, and
/// <c>Withdrawn</c> by the applicant before a decision. Every transition names who may take it; the history keeps
/// who, when, from, to and the note. Deadlines are in working days; a step that does not count toward the limit
/// (expert review, public notice) pauses the decision clock.
/// </summary>
public sealed partial class Application
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Human-readable, unique and sequential per year (TA-2026-000123), given at the first submission.</summary>
    public string? Reference { get; private set; }

    public string ApplicantId { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public int ItemVersion { get; private set; }

    public string ItemTitleZh { get; private set; } = "";

    public string LeadDepartment { get; private set; } = "";

    /// <summary>Every department with a step in this case (staff of any of them see it).</summary>
    public List<string> Departments { get; private set; } = [];

    /// <summary>online, mobile or window.</summary>
    public string Channel { get; private set; } = "online";

    /// <summary>Staff who filed it at a service window on the applicant's behalf.</summary>
    public string? FiledBy { get; private set; }

    public ApplicationState State { get; private set; }

    public Dictionary<string, JsonElement> Answers { get; private set; } = [];

    public List<AttachedMaterial> Materials { get; private set; } = [];

    public List<StepProgress> Steps { get; private set; } = [];

    public List<HistoryEntry> History { get; private set; } = [];

    /// <summary>The first staff member who handled the case (首问责任人); changes only by hand-over.</summary>
    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public string? OwnerContact { get; private set; }

    /// <summary>The item's enquiry phone from its flow card: the owner's contact when their own is not known.</summary>
    public string? ServiceContact { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateOnly? AcceptanceDeadline { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public int CommittedLimitDays { get; private set; }

    public DateOnly? DecisionDeadline { get; private set; }

    /// <summary>Working days the decision clock stood still (steps that do not count toward the limit).</summary>
    public int PausedDays { get; private set; }

    public DateOnly? PausedSince { get; private set; }

    /// <summary>The department whose action the case awaits (acceptance, the current step, the decision); null when none.</summary>
    public string? AwaitingDepartment => State switch
    {
        ApplicationState.Submitted => LeadDepartment,
        ApplicationState.Accepted or ApplicationState.InReview => Steps.FirstOrDefault(s => s.CompletedAt is null)?.Department ?? LeadDepartment,
        _ => null,
    };

    /// <summary>Stored copy of <see cref="AwaitingDepartment"/>, for the staff inbox's index.</summary>
    public string? AwaitingDepartmentCode { get; private set; }

    /// <summary>The running deadline's date (null when none runs): the staff inbox orders by it.</summary>
    public DateOnly? DueOn { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Decision { get; private set; }

    public string? DecisionReasons { get; private set; }

    public int InPersonVisits { get; private set; }

    /// <summary>The Idempotency-Key of the current submission; null while drafting and after a return for supplement.</summary>
    public string? SubmitKey { get; private set; }

    /// <summary>Keys of earlier submissions, each set aside when the case was returned for supplement (a text[] column).</summary>
    public List<string> EarlierSubmitKeys { get; private set; } = [];

    /// <summary>
    /// The deadline a due-soon alert was raised for (e.g. decision:2026-12-01), so it is raised once; DeadlineSweep sets it
    /// and <see cref="OverdueRaisedFor"/> in SQL, with the key <see cref="RunningDeadline"/> names.
    /// </summary>
    public string? DueSoonRaisedFor { get; private set; }

    public string? OverdueRaisedFor { get; private set; }

    public int Revision { get; private set; }

    private Application()
    {
    }

    public bool IsFinal => State is ApplicationState.NotAccepted or ApplicationState.Approved or ApplicationState.Denied or ApplicationState.Withdrawn;

    public static Application Start(string applicantId, string applicantName, string itemCode, int itemVersion, string itemTitleZh, FlowCardSnapshot card, string leadDepartment, string channel, CaseActor actor, DateTimeOffset now)
    {
        var application = new Application
        {
            ApplicantId = applicantId,
            ApplicantName = applicantName,
            ItemCode = itemCode,
            ItemVersion = itemVersion,
            ItemTitleZh = itemTitleZh,
            LeadDepartment = leadDepartment,
            Departments = [.. card.Steps.Select(s => s.Department).Append(leadDepartment).Distinct()],
            Channel = channel,
            FiledBy = actor.IsStaff ? actor.Subject : null,
            CommittedLimitDays = card.CommittedLimitDays,
            ServiceContact = card.EnquiryPhone,
            Steps = [.. card.Steps.OrderBy(s => s.Order).Select(s => new StepProgress(s.Order, s.NameZh, s.NameEn, s.Department, s.LimitDays, s.CountsTowardLimit, null, null, null))],
            CreatedAt = now,
            State = ApplicationState.Draft,
        };
        if (actor.IsStaff)
        {
            // Filing at the window is handling the case: the filer is its first-ask owner.
            application.TakeOwnership(actor);
        }

        application.Record(actor, "create", ApplicationState.Draft, now, channel == "window" ? "窗口代办 filed at a service window" : null);
        return application;
    }

    /// <summary>The actions the state allows (shown with every 409).</summary>
    public IReadOnlyList<string> Allowed() => State switch
    {
        ApplicationState.Draft => ["edit", "attach", "submit", "withdraw"],
        ApplicationState.Submitted => ["accept", "refuse", "return", "withdraw", "handover"],
        ApplicationState.ReturnedForSupplement => ["edit", "attach", "submit", "withdraw", "handover"],
        ApplicationState.Accepted => ["complete-step", "withdraw", "handover"],
        ApplicationState.InReview => Steps.All(s => s.CompletedAt is not null) ? ["decide", "withdraw", "handover"] : ["complete-step", "withdraw", "handover"],
        _ => [],
    };

    public bool MayEdit(CaseActor actor) => actor.Subject == ApplicantId || (actor.IsStaff && FiledBy == actor.Subject);

    /// <summary>The zone's day (UTC+8): deadlines are dates in China Standard Time.</summary>
    public static DateOnly Today(DateTimeOffset now) => WorkingCalendar.Today(now);

    private void TakeOwnership(CaseActor actor)
    {
        if (OwnerId is null)
        {
            OwnerId = actor.Subject;
            OwnerName = actor.Name;
            OwnerContact = actor.Phone ?? ServiceContact;
        }
    }

    private void Record(CaseActor actor, string action, ApplicationState from, DateTimeOffset now, string? note)
    {
        History.Add(new HistoryEntry(now, actor.Subject, actor.Name, action, from, State, note));
        DueOn = RunningDeadline?.Due ?? (State is ApplicationState.Accepted or ApplicationState.InReview ? DecisionDeadline : null);
        AwaitingDepartmentCode = AwaitingDepartment;
        Revision++;
    }

    // Refusals carry the state and what it allows, so a client can show what is possible instead.
    private Refusal Conflict(string message, string? field = null) => Refusal.Conflict(message, State.ToString(), Allowed(), field);

    private Refusal Forbidden(string message) => Refusal.Forbidden(message, State.ToString(), Allowed());

    /// <summary>400: a value of the request is wrong for this case (answered with the state, as the other refusals).</summary>
    private Refusal Invalid(string field, string message) => new(400, message, State.ToString(), Allowed(), field);
}
