using Talent.Feedback.Tickets;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Feedback.Tests;

/// <summary>The problem-feedback window's rules: routing, first-ask ownership, replies, confirmation and reopening.</summary>
public sealed class TicketTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);
    private static readonly CaseActor Housing = new("staff-housing-1", "住房局 张三", "HOUSING", true, false);
    private static readonly CaseActor HousingColleague = new("staff-housing-2", "住房局 李四", "HOUSING", true, false);
    private static readonly CaseActor Education = new("staff-edu", "教育局 王五", "EDU", true, false);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Cst);

    private static FeedbackTicket Open(DateTimeOffset at) =>
        FeedbackTicket.Open("FK-2026-000001", TicketKind.Question, "housing", "人才公寓何时配租", "想了解开放时间", null, null, "talent-1", "张明", "HOUSING", "category", Calendar, 3, at);

    [Theory]
    [InlineData("housing", "HOUSING")]
    [InlineData("education", "EDU")]
    [InlineData("research", "STI")]
    [InlineData("financing", "FINANCE")]
    [InlineData("platform", TicketRouting.Platform)]
    public void A_category_routes_to_its_department(string category, string department) =>
        Assert.Equal(department, TicketRouting.DepartmentOf(category, new Dictionary<string, string>()));

    [Fact]
    public void Configured_routing_overrides_the_default_and_an_unknown_category_has_no_route()
    {
        Assert.Equal("DEV", TicketRouting.DepartmentOf("industry", new Dictionary<string, string> { ["industry"] = "DEV" }));
        Assert.Null(TicketRouting.DepartmentOf("weather", new Dictionary<string, string>()));
    }

    [Fact]
    public void The_first_staff_member_to_take_it_up_owns_it_and_other_departments_cannot_touch_it()
    {
        var ticket = Open(At(11, 23));
        Assert.Equal(403, ticket.Take(Education, At(11, 23))!.Status);
        Assert.Null(ticket.Take(Housing, At(11, 23, 11)));
        Assert.Equal(409, ticket.Answer(HousingColleague, "答复", Calendar, 5, At(11, 23, 12))!.Status);
        Assert.Null(ticket.Answer(Housing, "12 月开放申请", Calendar, 5, At(11, 24)));
        Assert.Equal("staff-housing-1", ticket.OwnerId);
        Assert.False(ticket.RepliedLate);
    }

    [Fact]
    public void A_reply_is_due_in_working_days_and_a_late_one_is_marked()
    {
        var ticket = Open(At(11, 20)); // Friday: three working days is Wednesday
        Assert.Equal(new DateOnly(2026, 11, 25), ticket.ReplyDueOn);
        Assert.True(ticket.IsOverdue(new DateOnly(2026, 11, 26)));
        Assert.Null(ticket.Answer(Housing, "答复", Calendar, 5, At(11, 26)));
        Assert.True(ticket.RepliedLate);
    }

    [Fact]
    public void The_person_reopens_within_five_working_days_and_the_owner_must_reply_again()
    {
        var ticket = Open(At(11, 23));
        Assert.Null(ticket.Answer(Housing, "答复", Calendar, 5, At(11, 23, 15)));
        Assert.Equal(new DateOnly(2026, 11, 30), ticket.ConfirmBy);
        Assert.Equal(404, ticket.Reopen("someone-else", "不对", Calendar, 3, At(11, 24))!.Status);
        Assert.Null(ticket.Reopen("talent-1", "还没说清楚申请条件", Calendar, 3, At(11, 30)));
        Assert.Equal(TicketState.Open, ticket.State);
        Assert.Equal(1, ticket.Reopened);
        Assert.Equal(new DateOnly(2026, 12, 3), ticket.ReplyDueOn);
        Assert.Equal(409, ticket.Confirm("talent-1", true, null, At(11, 30))!.Status);
        Assert.Null(ticket.Answer(Housing, "申请条件见公告第三条", Calendar, 5, At(12, 1)));
        Assert.Null(ticket.Confirm("talent-1", true, "清楚了", At(12, 1, 16)));
        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.Equal("confirmed", ticket.Resolution);
        Assert.Equal(["open", "take", "reply", "reopen", "reply", "confirm"], ticket.History.Select(h => h.Action));
    }

    [Fact]
    public void After_the_period_a_reply_can_no_longer_be_reopened_and_closes_as_confirmed()
    {
        var ticket = Open(At(11, 23));
        Assert.Null(ticket.Answer(Housing, "答复", Calendar, 5, At(11, 23, 15)));
        Assert.False(ticket.CloseUnconfirmed(At(11, 30, 23)));
        Assert.Equal(409, ticket.Reopen("talent-1", "太晚了", Calendar, 3, At(12, 1))!.Status);
        Assert.True(ticket.CloseUnconfirmed(At(12, 1)));
        Assert.Equal("confirmedByTime", ticket.Resolution);
        Assert.False(ticket.CloseUnconfirmed(At(12, 2)));
    }

    private static readonly CaseActor Hr = new("staff-hr-1", "人社局 赵六", "HRSS", true, false);
    private static readonly CaseActor Operator = new("operator-1", "平台运营", null, false, true);

    private static FeedbackTicket WalkIn(CaseActor staff, string department, DateTimeOffset at) =>
        FeedbackTicket.Open("FK-2026-000002", TicketKind.Question, "housing", "公寓配租", "窗口来访咨询", null, null, "walk-in:1", "陈七", department, "category", Calendar, 3, at,
            new FeedbackTicket.WalkIn("window", "023-6800 1234", staff));

    [Fact]
    public void A_walk_in_ticket_records_channel_contact_and_receiver_who_owns_it_only_when_it_is_their_department()
    {
        var own = WalkIn(Housing, "HOUSING", At(11, 23));
        Assert.Equal(("window", "023-6800 1234", "staff-housing-1"), (own.Channel, own.Contact, own.OpenedById));
        Assert.Equal("staff-housing-1", own.OwnerId);
        Assert.Equal("staff-housing-1", own.History[0].ActorId);
        Assert.Contains("陈七", own.History[0].Note, StringComparison.Ordinal);

        var elsewhere = WalkIn(Hr, "HOUSING", At(11, 23));
        Assert.Null(elsewhere.OwnerId);
        Assert.Equal("staff-hr-1", elsewhere.OpenedById);
    }

    [Fact]
    public void A_ticket_passed_on_goes_unowned_to_the_other_department_with_its_reason_and_a_fresh_clock_that_is_explained()
    {
        var ticket = Open(At(11, 23)); // Monday: due Thursday 11-26
        Assert.Null(ticket.Take(Housing, At(11, 23)));
        Assert.Null(ticket.Transfer(Housing, "EDU", "子女入学问题，属教育局", Calendar, 3, At(11, 25)));

        Assert.Equal(("EDU", "transfer", 1), (ticket.Department, ticket.RoutedBy, ticket.Transfers));
        Assert.Null(ticket.OwnerId);
        Assert.Equal(new DateOnly(2026, 11, 26), ticket.FirstDueOn);
        Assert.Equal(new DateOnly(2026, 11, 30), ticket.ReplyDueOn); // three working days from Wednesday
        Assert.Equal("子女入学问题，属教育局", ticket.TransferReason);
        Assert.Equal("HOUSING → EDU: 子女入学问题，属教育局", ticket.History[^1].Note);
        var (zh, en) = ticket.Clock;
        Assert.Equal("答复期限 2026-11-30：自转办之日 2026-11-25 起 3 个工作日（首次承诺 2026-11-26）。", zh);
        Assert.Equal("Reply due 2026-11-30: 3 working days from the transfer to EDU on 2026-11-25 (first promised 2026-11-26).", en);

        Assert.Equal(403, ticket.Take(Housing, At(11, 25, 11))!.Status);
        Assert.Null(ticket.Answer(Education, "请咨询学区", Calendar, 5, At(11, 26)));
        Assert.Equal(409, ticket.Transfer(Education, "HOUSING", "答复后不能转办", Calendar, 3, At(11, 26))!.Status);
    }

    [Fact]
    public void Only_the_owner_passes_an_owned_ticket_on_never_to_where_it_is_and_after_three_transfers_only_an_operator()
    {
        var ticket = Open(At(11, 23));
        Assert.Null(ticket.Take(Housing, At(11, 23)));
        Assert.Equal(409, ticket.Transfer(HousingColleague, "EDU", "不是我的", Calendar, 3, At(11, 23))!.Status);
        Assert.Equal(403, ticket.Transfer(Education, "HRSS", "不是我们的", Calendar, 3, At(11, 23))!.Status);
        Assert.Equal(409, ticket.Transfer(Housing, "HOUSING", "原地", Calendar, 3, At(11, 23))!.Status);

        Assert.Null(ticket.Transfer(Housing, "EDU", "一", Calendar, 3, At(11, 23)));
        Assert.Null(ticket.Transfer(Education, "HRSS", "二", Calendar, 3, At(11, 23)));
        Assert.Null(ticket.Transfer(Hr, "HOUSING", "三", Calendar, 3, At(11, 23)));
        Assert.Equal(409, ticket.Transfer(Housing, "EDU", "四", Calendar, 3, At(11, 23))!.Status);
        Assert.Null(ticket.Transfer(Operator, "STI", "运营统筹交办", Calendar, 3, At(11, 24)));
        Assert.Equal(("STI", 4), (ticket.Department, ticket.Transfers));
    }

    [Fact]
    public void Staff_record_a_walk_in_person_s_reopening_and_confirmation_and_never_for_an_online_ticket()
    {
        var ticket = WalkIn(Hr, "HOUSING", At(11, 23));
        Assert.Null(ticket.Answer(Housing, "12 月开放", Calendar, 5, At(11, 23, 15)));
        Assert.Equal(403, ticket.RecordReopening(Education, "不满意", Calendar, 3, At(11, 24))!.Status);
        Assert.Null(ticket.RecordReopening(Hr, "想知道具体日期", Calendar, 3, At(11, 24)));
        Assert.Equal((TicketState.Open, "reopened", 1), (ticket.State, ticket.ClockCause, ticket.Reopened));
        Assert.Null(ticket.Answer(Housing, "12 月 8 日开放", Calendar, 5, At(11, 25)));
        Assert.Null(ticket.RecordConfirmation(HousingColleague, true, "电话告知，满意", At(11, 26)));
        Assert.Equal((TicketState.Closed, "confirmed", true), (ticket.State, ticket.Resolution, ticket.Satisfied));
        Assert.Equal("staff-housing-2", ticket.History[^1].ActorId);

        var online = Open(At(11, 23));
        Assert.Null(online.Answer(Housing, "答复", Calendar, 5, At(11, 23, 15)));
        Assert.Equal(409, online.RecordConfirmation(Housing, true, null, At(11, 24))!.Status);
        Assert.Equal(TicketState.Replied, online.State);
    }
}
