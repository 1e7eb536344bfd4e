using Talent.Contracts.Applications;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Feedback.Tests;

/// <summary>The bad-review loop as a state machine on a fake clock, with deadlines in the 2026 working-day calendar.</summary>
public sealed class RectificationTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);
    private static readonly CaseActor Housing = new("staff-housing-1", "住房局 张三", "HOUSING", true, false);
    private static readonly CaseActor HousingColleague = new("staff-housing-2", "住房局 李四", "HOUSING", true, false);
    private static readonly CaseActor Education = new("staff-edu", "教育局 王五", "EDU", true, false);
    private static readonly CaseActor Operator = new("operator-1", "运营 周洋", null, false, true);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Cst);

    private static RectificationCase Raise(DateTimeOffset at, string? owner = "staff-housing-1")
    {
        var invitation = EvaluationInvitation.For(
            new ApplicationDecided(Guid.NewGuid(), at.AddDays(-1), Guid.NewGuid(), "TA-2026-000009", "talent-1", "TALENT-APARTMENT", 1, "HOUSING", ["HOUSING"], owner, true, "同意", true, 0),
            "人才公寓配租", TimeSpan.FromDays(30));
        var evaluation = Evaluation.Of(invitation, EvaluationLevel.VeryDissatisfied, null, null, "排队太久", "window", at)!;
        return RectificationCase.Open(evaluation, Calendar, 1, at);
    }

    [Fact]
    public void A_case_goes_through_every_stage_in_order_with_a_deadline_per_stage_and_closes_on_time()
    {
        var raised = Raise(At(11, 23)); // Monday
        Assert.Equal(RectificationState.Raised, raised.State);
        Assert.Equal("HOUSING", raised.Department);
        Assert.Equal(new DateOnly(2026, 11, 24), raised.StageDueOn); // verify in 1 working day

        Assert.Null(raised.StartVerification(HousingColleague, At(11, 23, 14)));
        Assert.Equal("staff-housing-1", raised.OwnerId); // the case's owner stays the one who served
        Assert.Null(raised.Verify(Housing, "属实", Calendar, 5, At(11, 24)));
        Assert.Equal(new DateOnly(2026, 12, 1), raised.StageDueOn); // rectify in 5 working days from Tuesday
        Assert.Null(raised.Rectify(Housing, "增开窗口", Calendar, 2, At(11, 27))); // Friday
        Assert.Equal(new DateOnly(2026, 12, 1), raised.StageDueOn); // return visit in 2 working days: Monday, Tuesday
        Assert.Null(raised.RecordReturnVisit(Housing, true, "满意", At(11, 30)));

        Assert.Equal(RectificationState.Closed, raised.State);
        Assert.Equal("rectified", raised.Outcome);
        Assert.True(raised.OnTime);
        Assert.True(raised.SatisfiedAfterVisit);
        Assert.Equal(["raise", "start-verification", "verify", "rectify", "return-visit"], raised.History.Select(h => h.Action));
    }

    [Fact]
    public void A_case_without_an_owner_gets_the_first_staff_member_who_takes_it_up()
    {
        var raised = Raise(At(11, 23), owner: null);
        Assert.Null(raised.StartVerification(HousingColleague, At(11, 23, 11)));
        Assert.Equal("staff-housing-2", raised.OwnerId);
    }

    [Fact]
    public void Deadlines_skip_the_national_day_holiday_and_a_step_after_its_deadline_makes_the_case_late()
    {
        var raised = Raise(At(9, 30)); // the last working day before 1-7 October
        Assert.Equal(new DateOnly(2026, 10, 8), raised.StageDueOn);
        Assert.False(raised.IsOverdue(new DateOnly(2026, 10, 8)));
        Assert.True(raised.IsOverdue(new DateOnly(2026, 10, 9)));

        Assert.Null(raised.StartVerification(Housing, At(10, 9)));
        Assert.Null(raised.Verify(Housing, "属实", Calendar, 5, At(10, 9)));
        Assert.Null(raised.Rectify(Housing, "已整改", Calendar, 2, At(10, 12)));
        Assert.Null(raised.RecordReturnVisit(Housing, false, null, At(10, 13)));
        Assert.True(raised.Late);
        Assert.False(raised.OnTime);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_with_the_allowed_actions_and_only_the_department_acts()
    {
        var raised = Raise(At(11, 23));
        var early = raised.Rectify(Housing, "x", Calendar, 2, At(11, 23));
        Assert.Equal(409, early!.Status);
        Assert.Equal(["start-verification", "appeal"], early.Allowed);
        Assert.Equal(403, raised.StartVerification(Education, At(11, 23))!.Status);
        Assert.Equal(403, raised.StartVerification(Operator, At(11, 23))!.Status);
        Assert.Equal(RectificationState.Raised, raised.State);
        Assert.Single(raised.History);
    }

    [Fact]
    public void An_appeal_pauses_the_case_and_an_operator_removes_the_review_which_closes_it()
    {
        var raised = Raise(At(11, 23));
        Assert.Null(raised.AppealReview(Housing, "评价人并未办理此事项（恶意差评）", At(11, 23, 15)));
        Assert.Equal(["appeal-decision"], raised.AllowedActions());
        Assert.Equal(409, raised.StartVerification(Housing, At(11, 24))!.Status);
        Assert.False(raised.IsOverdue(new DateOnly(2026, 12, 31))); // the clock stops while the appeal waits
        Assert.Equal(403, raised.DecideAppeal(Housing, true, "x", Calendar, At(11, 25))!.Status);

        Assert.Null(raised.DecideAppeal(Operator, true, "核实为误评", Calendar, At(11, 26)));
        Assert.Equal(RectificationState.Closed, raised.State);
        Assert.Equal(AppealState.Removed, raised.Appeal);
        Assert.Equal("removedOnAppeal", raised.Outcome);
        Assert.Equal("appeal-decision", raised.History[^1].Action);
        Assert.Equal(409, raised.AppealReview(Housing, "again", At(11, 27))!.Status);
    }

    [Fact]
    public void An_upheld_review_goes_on_with_its_deadline_moved_by_the_working_days_the_appeal_took()
    {
        var raised = Raise(At(11, 23));
        Assert.Equal(new DateOnly(2026, 11, 24), raised.StageDueOn);
        Assert.Null(raised.AppealReview(Housing, "理由", At(11, 23, 15)));
        Assert.Null(raised.DecideAppeal(Operator, false, "评价属实，维持", Calendar, At(11, 26))); // three working days later
        Assert.Equal(AppealState.Upheld, raised.Appeal);
        Assert.Equal(new DateOnly(2026, 11, 27), raised.StageDueOn);
        Assert.Equal(["start-verification"], raised.AllowedActions()); // one appeal per case
        Assert.Null(raised.StartVerification(Housing, At(11, 27)));
    }

    [Fact]
    public void An_overdue_stage_is_flagged_once_per_deadline()
    {
        var raised = Raise(At(11, 2));
        Assert.True(raised.FlagOverdue());
        Assert.False(raised.FlagOverdue());
        Assert.Null(raised.StartVerification(Housing, At(11, 10)));
        Assert.Null(raised.Verify(Housing, "属实", Calendar, 5, At(11, 10)));
        Assert.True(raised.FlagOverdue()); // a new stage, a new deadline
    }
}
