using System.Text.Json;
using Talent.Contracts.Catalogue;
using Talent.WorkingDays;

namespace Talent.Applications.Applying;

public enum ApplicationState
{
    Draft,
    Submitted,
    Accepted,
    NotAccepted,
    ReturnedForSupplement,
    InReview,
    Approved,
    Denied,
    Withdrawn,
}

/// <summary>Who acts on a case: the applicant (token subject), department staff, or an operator.</summary>
public sealed record CaseActor(string Subject, string Name, bool IsApplicant, bool IsStaff, bool IsOperator, string? Department, string? Phone = null)
{
    public bool IsStaffOf(string department) => IsStaff && string.Equals(Department, department, StringComparison.Ordinal);
}

/// <summary>Why a request was refused: not yours (403), or not possible now (409, with the state and what is possible).</summary>
public sealed record CaseRefusal(bool Forbidden, string Message, ApplicationState State, IReadOnlyList<string> Allowed, string? Field = null);

public sealed record HistoryEntry(DateTimeOffset At, string Actor, string ActorName, string Action, ApplicationState From, ApplicationState To, string? Note);

public sealed record StepProgress(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy);

/// <summary>How a required material is satisfied: an upload, a reused wallet material, or a data-sharing reference (免提交).</summary>
public sealed record AttachedMaterial(string Code, string Kind, Guid? FileId, string? FileName, string? ContentType, long? Size, string? Sha256, string? SharingReference, DateTimeOffset At)
{
    public const string Upload = "upload";
    public const string Wallet = "wallet";
    public const string DataSharing = "dataSharing";
}

/// <summary>
/// An application for a one-thing item, through its state machine (plain C#):
/// <c>Draft → Submitted → Accepted | NotAccepted | ReturnedForSupplement → Submitted</c>,
/// <c>Accepted → InReview (the flow card's steps, each by its department) → Approved | Denied</c>, and
/// <c>Withdrawn</c> by the applicant before a decision. Every transition names who may take it; the history keeps
/// who, when, from, to and the note. Deadlines are in working days; a step that does not count toward the limit
/// (expert review, public notice) pauses the decision clock.
/// </summary>
public sealed class Application
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

    public string? SubmitKey { get; private set; }

    /// <summary>The deadline a due-soon alert was raised for (e.g. decision:2026-12-01), so it is raised once.</summary>
    public string? DueSoonRaisedFor { get; private set; }

    public string? OverdueRaisedFor { get; private set; }

    public int Revision { get; private set; }

    private Application()
    {
    }

    public bool IsFinal => State is ApplicationState.NotAccepted or ApplicationState.Approved or ApplicationState.Denied or ApplicationState.Withdrawn;

    /// <summary>The deadline that runs now: acceptance while submitted, decision while accepted or in review.</summary>
    public (string Name, DateOnly Due)? RunningDeadline => State switch
    {
        ApplicationState.Submitted when AcceptanceDeadline is { } due => ("acceptance", due),
        ApplicationState.Accepted or ApplicationState.InReview when PausedSince is null && DecisionDeadline is { } due => ("decision", due),
        _ => null,
    };

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

    public CaseRefusal? SaveAnswers(Dictionary<string, JsonElement> answers, CaseActor actor, DateTimeOffset now)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant (or the staff who filed it at the window) fills the form. 只有申请人可以填写。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("The form is filled while drafting or after a return for supplement. 仅草稿或补正时可以修改。");
        }

        Answers = answers;
        Revision++;
        return null;
    }

    public CaseRefusal? Attach(AttachedMaterial material, CaseActor actor)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant attaches materials. 只有申请人可以上传材料。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("Materials are attached while drafting or after a return for supplement. 仅草稿或补正时可以上传材料。");
        }

        Materials.RemoveAll(m => m.Code == material.Code);
        Materials.Add(material);
        Revision++;
        return null;
    }

    /// <summary>Materials the card marks as held by a department are recorded as data-sharing references (免提交).</summary>
    public void ReferenceSharedMaterials(FlowCardSnapshot card, DateTimeOffset now)
    {
        foreach (var material in card.Materials.Where(m => m.NeedNotBeSubmitted && Materials.All(a => a.Code != m.Code)))
        {
            Materials.Add(new AttachedMaterial(material.Code, AttachedMaterial.DataSharing, null, null, null, null, null, $"{material.SourceDepartment}:{ApplicantId}:{material.Code}", now));
        }
    }

    /// <summary>The required materials not yet satisfied, by code.</summary>
    public IReadOnlyList<string> MissingMaterials(FlowCardSnapshot card) =>
        [.. card.Materials.Where(m => m.Required && !m.NeedNotBeSubmitted && Materials.All(a => a.Code != m.Code)).Select(m => m.Code)];

    public CaseRefusal? Submit(CaseActor actor, string? key, Func<string> nextReference, WorkingCalendar calendar, int acceptanceDays, DateTimeOffset now)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant (or the staff who filed it at the window) submits. 只有申请人可以提交。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("Only a draft or an application returned for supplement is submitted. 仅草稿或补正后的申请可以提交。");
        }

        var from = State;
        Reference ??= nextReference();
        SubmitKey = key;
        SubmittedAt = now;
        AcceptanceDeadline = calendar.AddWorkingDays(Today(now), acceptanceDays);
        State = ApplicationState.Submitted;
        Record(actor, from == ApplicationState.Draft ? "submit" : "resubmit", from, now, null);
        return null;
    }

    public CaseRefusal? Accept(CaseActor actor, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (!actor.IsStaffOf(LeadDepartment))
        {
            return Forbidden("Only staff of the lead department accept (受理). 只有牵头部门工作人员可以受理。");
        }

        if (State != ApplicationState.Submitted)
        {
            return Conflict("Only a submitted application is accepted. 只有已提交的申请可以受理。");
        }

        TakeOwnership(actor);
        AcceptedAt = now;
        DecisionDeadline = calendar.AddWorkingDays(Today(now), CommittedLimitDays);
        State = ApplicationState.Accepted;
        StartStep(0, now);
        Record(actor, "accept", ApplicationState.Submitted, now, null);
        return null;
    }

    public CaseRefusal? Refuse(CaseActor actor, string reason, DateTimeOffset now) =>
        HandleSubmitted(actor, ApplicationState.NotAccepted, "refuse", reason, now);

    public CaseRefusal? ReturnForSupplement(CaseActor actor, string note, DateTimeOffset now) =>
        HandleSubmitted(actor, ApplicationState.ReturnedForSupplement, "return", note, now);

    public CaseRefusal? CompleteStep(int order, CaseActor actor, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (State is not (ApplicationState.Accepted or ApplicationState.InReview))
        {
            return Conflict("Steps are completed after acceptance, before the decision. 受理后、决定前办理各环节。");
        }

        var index = Steps.FindIndex(s => s.CompletedAt is null);
        if (index < 0 || Steps[index].Order != order)
        {
            return Conflict(index < 0 ? "Every step is complete; decide. 所有环节已办结，请作出决定。" : $"Step {Steps[index].Order} comes next. 请先办理第 {Steps[index].Order} 环节。", "step");
        }

        var step = Steps[index];
        if (!actor.IsStaffOf(step.Department))
        {
            return Forbidden($"Step {order} belongs to {step.Department}. 该环节由 {step.Department} 办理。");
        }

        Steps[index] = step with { CompletedAt = now, CompletedBy = actor.Subject };
        if (!step.CountsTowardLimit && PausedSince is { } since)
        {
            // The clock stood still during this step: push the decision deadline by the working days it took.
            PausedDays += calendar.WorkingDaysBetween(since, Today(now));
            PausedSince = null;
            DecisionDeadline = calendar.AddWorkingDays(Today(AcceptedAt!.Value), CommittedLimitDays + PausedDays);
        }

        var from = State;
        State = ApplicationState.InReview;
        StartStep(index + 1, now);
        Record(actor, $"complete-step:{order}", from, now, step.NameZh);
        return null;
    }

    public CaseRefusal? Decide(bool approved, string decision, string? reasons, CaseActor actor, DateTimeOffset now)
    {
        if (!actor.IsStaffOf(LeadDepartment))
        {
            return Forbidden("Only staff of the lead department decide. 只有牵头部门工作人员可以作出决定。");
        }

        if (State != ApplicationState.InReview || Steps.Any(s => s.CompletedAt is null))
        {
            return Conflict("A decision follows the last step. 所有环节办结后方可作出决定。");
        }

        if (!approved && string.IsNullOrWhiteSpace(reasons))
        {
            return new CaseRefusal(false, "A denial gives its reasons. 不予批准须说明理由。", State, Allowed(), "reasons");
        }

        DecidedAt = now;
        Decision = decision;
        DecisionReasons = reasons;
        State = approved ? ApplicationState.Approved : ApplicationState.Denied;
        Record(actor, "decide", ApplicationState.InReview, now, reasons is null ? decision : $"{decision} — {reasons}");
        return null;
    }

    public CaseRefusal? Withdraw(CaseActor actor, string? reason, DateTimeOffset now)
    {
        if (actor.Subject != ApplicantId)
        {
            return Forbidden("Only the applicant withdraws. 只有申请人可以撤回。");
        }

        if (IsFinal)
        {
            return Conflict("A decided, refused or withdrawn application is final. 已办结的申请不能撤回。");
        }

        var from = State;
        State = ApplicationState.Withdrawn;
        Record(actor, "withdraw", from, now, reason);
        return null;
    }

    public CaseRefusal? HandOver(CaseActor actor, CaseActor to, string reason, DateTimeOffset now)
    {
        if (!(actor.IsOperator || (actor.IsStaff && actor.Subject == OwnerId)))
        {
            return Forbidden("Only the owner, or an operator, hands a case over. 只有首问责任人或运营人员可以移交。");
        }

        if (IsFinal || State == ApplicationState.Draft)
        {
            return Conflict("Only a case in progress is handed over. 只有办理中的案件可以移交。");
        }

        if (!to.IsStaff || to.Department is null || !Departments.Contains(to.Department))
        {
            return new CaseRefusal(false, "The new owner is staff of a department with a step in this case. 接收人须为参与办理部门的工作人员。", State, Allowed(), "to");
        }

        var previous = OwnerName ?? OwnerId;
        OwnerId = to.Subject;
        OwnerName = to.Name;
        OwnerContact = to.Phone ?? ServiceContact;
        Record(actor, "handover", State, now, $"{previous} → {to.Name}: {reason}");
        return null;
    }

    /// <summary>Marks the alert raised; false when it was raised for this deadline already.</summary>
    public bool MarkDueSoon(string deadline)
    {
        if (DueSoonRaisedFor == deadline)
        {
            return false;
        }

        DueSoonRaisedFor = deadline;
        return true;
    }

    public bool MarkOverdue(string deadline)
    {
        if (OverdueRaisedFor == deadline)
        {
            return false;
        }

        OverdueRaisedFor = deadline;
        return true;
    }

    /// <summary>Staff of a department in the case record that the applicant came in person (the target is zero).</summary>
    public CaseRefusal? RecordVisit(CaseActor actor, string? note, DateTimeOffset now)
    {
        if (!(actor.IsStaff && actor.Department is { } department && Departments.Contains(department)))
        {
            return Forbidden("Staff handling the case record visits. 只有办理部门工作人员可以登记到场。");
        }

        if (State == ApplicationState.Draft && FiledBy is null)
        {
            return Conflict("A visit is recorded for a case in progress. 仅办理中的案件可以登记到场。");
        }

        InPersonVisits++;
        Record(actor, "visit", State, now, note);
        return null;
    }

    /// <summary>A staff member answered the applicant's first enquiry about this case: they own it if nobody does yet.</summary>
    public bool AnsweredEnquiry(CaseActor actor, DateTimeOffset now)
    {
        if (OwnerId is not null || !actor.IsStaff)
        {
            return false;
        }

        TakeOwnership(actor);
        Record(actor, "first-enquiry-answered", State, now, null);
        return true;
    }

    /// <summary>On time: decided on or before the decision deadline.</summary>
    public bool DecidedOnTime => DecidedAt is { } at && DecisionDeadline is { } due && Today(at) <= due;

    /// <summary>The zone's day (UTC+8): deadlines are dates in China Standard Time.</summary>
    public static DateOnly Today(DateTimeOffset now) => WorkingCalendar.Today(now);

    private CaseRefusal? HandleSubmitted(CaseActor actor, ApplicationState to, string action, string note, DateTimeOffset now)
    {
        if (!actor.IsStaffOf(LeadDepartment))
        {
            return Forbidden("Only staff of the lead department handle a submitted application. 只有牵头部门工作人员可以处理。");
        }

        if (State != ApplicationState.Submitted)
        {
            return Conflict("Only a submitted application is refused or returned. 只有已提交的申请可以不予受理或退回补正。");
        }

        TakeOwnership(actor);
        State = to;
        Record(actor, action, ApplicationState.Submitted, now, note);
        return null;
    }

    private void StartStep(int index, DateTimeOffset now)
    {
        if (index >= Steps.Count)
        {
            return;
        }

        Steps[index] = Steps[index] with { StartedAt = now };
        if (!Steps[index].CountsTowardLimit)
        {
            PausedSince = Today(now);
        }
    }

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

    private CaseRefusal Conflict(string message, string? field = null) => new(false, message, State, Allowed(), field);

    private CaseRefusal Forbidden(string message) => new(true, message, State, Allowed());
}
