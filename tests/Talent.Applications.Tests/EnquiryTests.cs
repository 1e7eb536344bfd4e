using Talent.Applications.Applying;
using Talent.Applications.Enquiries;
using Xunit;

namespace Talent.Applications.Tests;

/// <summary>First-ask responsibility (首问责任制) for enquiries: who owns one, who may act on it, and what the person sees.</summary>
public sealed class EnquiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseActor Talent = new("talent-1", "张明", true, false, false, null);
    private static readonly CaseActor Hr = new("staff-hr-1", "人社局 李强", false, true, false, "HRSS");
    private static readonly CaseActor HrColleague = new("staff-hr-2", "人社局 周敏", false, true, false, "HRSS");
    private static readonly CaseActor Sti = new("staff-sti-1", "科技局 王芳", false, true, false, "STI");
    private static readonly CaseActor Housing = new("staff-housing-1", "住房局 陈刚", false, true, false, "HOUSING");

    [Fact]
    public void Asked_online_the_lead_department_s_first_to_act_owns_it_and_nobody_else_answers()
    {
        var enquiry = Enquiry.Ask(Talent, "SW-01", null, "HRSS", "配偶可以一起申请吗？", Now);
        Assert.Null(enquiry.OwnerId);
        Assert.Equal(403, enquiry.Reply(Sti, "可以", Now)!.Status);
        Assert.Null(enquiry.Reply(Hr, "可以，一并填写。", Now.AddHours(1)));
        Assert.Equal(("staff-hr-1", "HRSS"), (enquiry.OwnerId, enquiry.OwnerDepartment));
        Assert.Equal(409, enquiry.Reply(Hr, "再答一次", Now.AddHours(2))!.Status);
        Assert.Equal(["ask", "answer"], enquiry.Steps.Select(s => s.Action));
    }

    [Fact]
    public void Asked_first_in_another_department_the_receiver_owns_it_at_once_and_the_lead_department_cannot_take_it()
    {
        var enquiry = Enquiry.Receive(Housing, "talent-1", "张明", "window", "SW-01", null, "HRSS", "人才公寓和补贴能一起申请吗？", Now);
        Assert.Equal(("staff-housing-1", "住房局 陈刚", "HOUSING"), (enquiry.OwnerId, enquiry.OwnerName, enquiry.OwnerDepartment));
        Assert.True(enquiry.IsVisibleTo(Housing));
        Assert.True(enquiry.IsVisibleTo(Hr));
        Assert.False(enquiry.IsVisibleTo(Sti));
        Assert.Equal(403, enquiry.Reply(Hr, "可以", Now)!.Status);
        Assert.Equal(403, enquiry.HandOver(Hr, "staff-hr-2", "人社局 周敏", "HRSS", "给同事", Now)!.Status);
    }

    [Fact]
    public void The_owner_hands_it_over_to_a_named_colleague_anywhere_who_alone_answers_and_the_steps_say_who_at_each_moment()
    {
        var enquiry = Enquiry.Receive(Housing, "talent-1", "张明", "phone", "SW-01", null, "HRSS", "补贴什么时候发？", Now);
        Assert.Equal(409, enquiry.HandOver(Housing, "staff-housing-1", "住房局 陈刚", "HOUSING", "自己", Now)!.Status);
        Assert.Null(enquiry.HandOver(Housing, "staff-hr-2", "人社局 周敏", "HRSS", "补贴发放由人社局周敏负责", Now.AddMinutes(5)));

        Assert.Equal(("staff-hr-2", "人社局 周敏", "HRSS", 1), (enquiry.OwnerId, enquiry.OwnerName, enquiry.OwnerDepartment, enquiry.Handovers));
        Assert.True(enquiry.IsVisibleTo(Housing)); // whoever was asked first still sees where it went
        Assert.Equal(403, enquiry.Reply(Housing, "下月", Now)!.Status);
        Assert.Equal(403, enquiry.Reply(Hr, "下月", Now)!.Status); // the department's, but not theirs: the colleague owns it
        Assert.Null(enquiry.Reply(HrColleague, "每月 15 日发放。", Now.AddHours(1)));

        Assert.Equal(["receive", "handover", "answer"], enquiry.Steps.Select(s => s.Action));
        var handover = enquiry.Steps[1];
        Assert.Equal(("住房局 陈刚", "人社局 周敏", "补贴发放由人社局周敏负责"), (handover.ActorName, handover.ToName, handover.Note));
        Assert.Equal(409, enquiry.HandOver(HrColleague, "staff-sti-1", "科技局 王芳", "STI", "答复后", Now)!.Status);
    }

    [Fact]
    public void After_five_handovers_no_sixth()
    {
        var enquiry = Enquiry.Ask(Talent, "SW-01", null, "HRSS", "问题", Now);
        CaseActor[] people = [Hr, Sti, Housing, HrColleague, Sti, Housing];
        for (var i = 0; i < Enquiry.MaxHandovers; i++)
        {
            Assert.Null(enquiry.HandOver(people[i], people[i + 1].Subject, people[i + 1].Name, people[i + 1].Department!, $"第 {i + 1} 次", Now));
        }

        Assert.Equal(409, enquiry.HandOver(Housing, "staff-hr-1", "人社局 李强", "HRSS", "第六次", Now)!.Status);
    }
}
