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
}
