using Talent.Feedback.Evaluations;
using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Feedback.Rectifications;

/// <summary>
/// The closed loop of a bad review (差评整改): <c>Raised → Verifying → Rectifying → ReturnVisit → Closed</c>, for the department
/// (and the owner) that served. Each stage has a deadline in working days (verify: from the review; rectify and return
/// visit: from the previous step); a step taken after its deadline makes the case late (not on time). The department may
/// appeal a review it believes mistaken or malicious: while the appeal waits the case stands still and its clock is paused;
/// an operator upholds the review (the case goes on, its deadline moved by the days the appeal took) or removes it from the
/// figures (the case closes). Pure: the clock and the calendar are passed in.
/// </summary>
public sealed class RectificationCase
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid EvaluationId { get; private set; }

    /// <summary>The application whose service was rated.</summary>
    public Guid SubjectId { get; private set; }

    public string ItemCode { get; private set; } = "";

    public string ItemTitle { get; private set; } = "";

    public string Department { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public EvaluationLevel Level { get; private set; }

    public string? Comment { get; private set; }

    public RectificationState State { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The deadline of the stage the case is in (verification covers Raised and Verifying).</summary>
    public DateOnly StageDueOn { get; private set; }

    /// <summary>A step was taken after its deadline.</summary>
    public bool Late { get; private set; }

    public string? Findings { get; private set; }

    public string? Changes { get; private set; }

    public bool? SatisfiedAfterVisit { get; private set; }

    public string? ReturnVisitNote { get; private set; }

    public AppealState Appeal { get; private set; }

    public string? AppealReason { get; private set; }

    public DateTimeOffset? AppealedAt { get; private set; }

    public string? AppealDecisionNote { get; private set; }

    public string? AppealDecidedBy { get; private set; }

    /// <summary>The stage deadline an overdue flag was raised for (<c>{stage}:{yyyy-MM-dd}</c>), so it is raised once.</summary>
    public string? OverdueFlaggedFor { get; private set; }

    /// <summary>"rectified" or "removedOnAppeal" once closed.</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public List<RectificationStep> History { get; private set; } = [];

    public bool OnTime => State == RectificationState.Closed && !Late;

    private RectificationCase()
    {
    }

    public static RectificationCase Open(Evaluation evaluation, WorkingCalendar calendar, int verifyDays, DateTimeOffset now)
    {
        var raised = new RectificationCase
        {
            EvaluationId = evaluation.Id,
            SubjectId = evaluation.SubjectId,
            ItemCode = evaluation.ItemCode,
            ItemTitle = evaluation.Title,
            Department = evaluation.LeadDepartment,
            OwnerId = evaluation.OwnerId,
            Level = evaluation.Level,
            Comment = evaluation.Comment,
            State = RectificationState.Raised,
            RaisedAt = now,
            StageDueOn = calendar.AddWorkingDays(WorkingCalendar.Today(now), verifyDays),
        };
        raised.History.Add(new RectificationStep(now, "system", "系统 System", "raise", RectificationState.Raised, RectificationState.Raised, $"{evaluation.Level}"));
        return raised;
    }

    /// <summary>Past its stage's deadline and still open (an appeal waiting stops the clock).</summary>
    public bool IsOverdue(DateOnly today) => State != RectificationState.Closed && Appeal != AppealState.Pending && StageDueOn < today;

    /// <summary>The actions the case allows now.</summary>
    public IReadOnlyList<string> AllowedActions()
    {
        if (Appeal == AppealState.Pending)
        {
            return ["appeal-decision"];
        }

        var appeal = Appeal == AppealState.None ? new[] { "appeal" } : [];
        return State switch
        {
            RectificationState.Raised => ["start-verification", .. appeal],
            RectificationState.Verifying => ["verify", .. appeal],
            RectificationState.Rectifying => ["rectify", .. appeal],
            RectificationState.ReturnVisit => ["return-visit"],
            _ => [],
        };
    }

    /// <summary>Raised → Verifying: the department takes the case up; a staff member becomes its owner when it has none.</summary>
    public Refusal? StartVerification(CaseActor actor, DateTimeOffset now)
    {
        if (Refuse(actor, "start-verification") is { } refusal)
        {
            return refusal;
        }

        OwnerId ??= actor.Subject;
        Step(actor, "start-verification", RectificationState.Verifying, null, now);
        return null;
    }

    /// <summary>Verifying → Rectifying, recording what was found.</summary>
    public Refusal? Verify(CaseActor actor, string findings, WorkingCalendar calendar, int rectifyDays, DateTimeOffset now)
    {
        if (Refuse(actor, "verify") is { } refusal)
        {
            return refusal;
        }

        Findings = findings;
        Step(actor, "verify", RectificationState.Rectifying, findings, now);
        StageDueOn = calendar.AddWorkingDays(WorkingCalendar.Today(now), rectifyDays);
        return null;
    }

    /// <summary>Rectifying → ReturnVisit, recording what was changed.</summary>
    public Refusal? Rectify(CaseActor actor, string changes, WorkingCalendar calendar, int returnVisitDays, DateTimeOffset now)
    {
        if (Refuse(actor, "rectify") is { } refusal)
        {
            return refusal;
        }

        Changes = changes;
        Step(actor, "rectify", RectificationState.ReturnVisit, changes, now);
        StageDueOn = calendar.AddWorkingDays(WorkingCalendar.Today(now), returnVisitDays);
        return null;
    }

    /// <summary>ReturnVisit → Closed: whether the person is now satisfied, and what they said.</summary>
    public Refusal? RecordReturnVisit(CaseActor actor, bool satisfied, string? note, DateTimeOffset now)
    {
        if (Refuse(actor, "return-visit") is { } refusal)
        {
            return refusal;
        }

        SatisfiedAfterVisit = satisfied;
        ReturnVisitNote = note;
        Step(actor, "return-visit", RectificationState.Closed, $"{(satisfied ? "满意 satisfied" : "仍不满意 still dissatisfied")}{(note is null ? "" : $": {note}")}", now);
        Outcome = "rectified";
        ClosedAt = now;
        return null;
    }

    /// <summary>The department appeals the review as mistaken or malicious (once, before the return visit).</summary>
    public Refusal? AppealReview(CaseActor actor, string reason, DateTimeOffset now)
    {
        if (Refuse(actor, "appeal") is { } refusal)
        {
            return refusal;
        }

        Appeal = AppealState.Pending;
        AppealReason = reason;
        AppealedAt = now;
        History.Add(new RectificationStep(now, actor.Subject, actor.Name, "appeal", State, State, reason));
        return null;
    }

    /// <summary>
    /// An operator decides the appeal: <paramref name="remove"/> takes the review out of the figures and closes the case;
    /// otherwise the review stands and the case goes on, its deadline moved by the working days the appeal took.
    /// </summary>
    public Refusal? DecideAppeal(CaseActor actor, bool remove, string note, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (!actor.IsOperator)
        {
            return Refusal.Forbidden("Only an operator decides an appeal. 申诉由平台运营人员裁定。", allowed: AllowedActions());
        }

        if (Appeal != AppealState.Pending)
        {
            return Refusal.Conflict("No appeal is waiting for a decision. 没有待裁定的申诉。", allowed: AllowedActions());
        }

        AppealDecisionNote = note;
        AppealDecidedBy = actor.Subject;
        if (remove)
        {
            Appeal = AppealState.Removed;
            History.Add(new RectificationStep(now, actor.Subject, actor.Name, "appeal-decision", State, RectificationState.Closed, $"评价移出统计 removed from the figures: {note}"));
            State = RectificationState.Closed;
            Outcome = "removedOnAppeal";
            ClosedAt = now;
            return null;
        }

        Appeal = AppealState.Upheld;
        var paused = calendar.WorkingDaysBetween(WorkingCalendar.Today(AppealedAt!.Value), WorkingCalendar.Today(now));
        StageDueOn = calendar.AddWorkingDays(StageDueOn, paused);
        History.Add(new RectificationStep(now, actor.Subject, actor.Name, "appeal-decision", State, State, $"评价维持 review upheld: {note}"));
        return null;
    }

    /// <summary>Marks the current stage's deadline as flagged; false when it was already.</summary>
    public bool FlagOverdue()
    {
        var key = $"{State}:{StageDueOn:yyyy-MM-dd}";
        if (OverdueFlaggedFor == key)
        {
            return false;
        }

        OverdueFlaggedFor = key;
        return true;
    }

    private Refusal? Refuse(CaseActor actor, string action)
    {
        if (!actor.IsStaff || !string.Equals(actor.Department, Department, StringComparison.Ordinal))
        {
            return Refusal.Forbidden($"Only staff of {Department} act on this case. 仅 {Department} 工作人员可办理此整改。", allowed: AllowedActions());
        }

        if (!AllowedActions().Contains(action))
        {
            var why = Appeal == AppealState.Pending
                ? "An appeal is waiting for an operator's decision. 申诉待裁定，整改暂停。"
                : $"Not allowed while the case is {State}. 当前状态不允许此操作。";
            return Refusal.Conflict(why, allowed: AllowedActions());
        }

        return null;
    }

    private void Step(CaseActor actor, string action, RectificationState to, string? note, DateTimeOffset now)
    {
        if (WorkingCalendar.Today(now) > StageDueOn)
        {
            Late = true;
        }

        History.Add(new RectificationStep(now, actor.Subject, actor.Name, action, State, to, note));
        State = to;
    }
}
