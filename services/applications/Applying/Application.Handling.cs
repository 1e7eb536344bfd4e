using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Applications.Applying;

// The departments' part: acceptance, steps, the decision, visits; and the applicant's withdrawal (ownership: Application.Ownership.cs).
public sealed partial class Application
{
    public Refusal? Accept(CaseActor actor, WorkingCalendar calendar, DateTimeOffset now)
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

    public Refusal? Refuse(CaseActor actor, string reason, DateTimeOffset now) =>
        HandleSubmitted(actor, ApplicationState.NotAccepted, "refuse", reason, now);

    /// <summary>
    /// Returns the case for supplement (补正). The submission's Idempotency-Key is set aside: the next submission is a new
    /// request and needs a new key, and the old key is refused rather than answered with this submission's result.
    /// </summary>
    public Refusal? ReturnForSupplement(CaseActor actor, string note, DateTimeOffset now)
    {
        if (HandleSubmitted(actor, ApplicationState.ReturnedForSupplement, "return", note, now) is { } refusal)
        {
            return refusal;
        }

        if (SubmitKey is not null)
        {
            EarlierSubmitKeys.Add(SubmitKey);
            SubmitKey = null;
        }

        return null;
    }

    public Refusal? CompleteStep(int order, CaseActor actor, WorkingCalendar calendar, DateTimeOffset now)
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

    public Refusal? Decide(bool approved, string decision, string? reasons, CaseActor actor, DateTimeOffset now)
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
            return Invalid("reasons", "A denial gives its reasons. 不予批准须说明理由。");
        }

        DecidedAt = now;
        Decision = decision;
        DecisionReasons = reasons;
        State = approved ? ApplicationState.Approved : ApplicationState.Denied;
        Record(actor, "decide", ApplicationState.InReview, now, reasons is null ? decision : $"{decision} — {reasons}");
        return null;
    }

    public Refusal? Withdraw(CaseActor actor, string? reason, DateTimeOffset now)
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

    /// <summary>Staff of a department in the case record that the applicant came in person (the target is zero).</summary>
    public Refusal? RecordVisit(CaseActor actor, string? note, DateTimeOffset now)
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

    private Refusal? HandleSubmitted(CaseActor actor, ApplicationState to, string action, string note, DateTimeOffset now)
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
}
