extern alias notifications;
using notifications::Talent.Notifications.Messages;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>Every kind of message in both languages says what happened, what to do next and, where something is due, by when (pure: no I/O).</summary>
public sealed class NotificationsTemplatesTests
{
    public static TheoryData<string, bool> Kinds() => new()
    {
        { NotificationKinds.SupplementRequested, false },
        { NotificationKinds.Accepted, true },
        { NotificationKinds.Decided, true },
        { NotificationKinds.DueSoon, true },
        { NotificationKinds.Overdue, false },
        { NotificationKinds.RectificationOverdue, false },
        { NotificationKinds.EngagementStarted, true },
        { NotificationKinds.Proposed, false },
        { NotificationKinds.TicketReplied, true },
        { NotificationKinds.Refused, false },
        { NotificationKinds.Milestone, false },
        { NotificationKinds.EngagementClosed, true },
        { NotificationKinds.Suggested, false },
        { NotificationKinds.RectificationOpened, true },
        { NotificationKinds.TicketOpened, true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_names_the_case_and_its_item_and_gives_a_next_step_and_the_date_when_one_is_due_in_chinese_and_english(string kind, bool due)
    {
        var facts = new MessageFacts(kind, "TL-2026-000042", "TALENT-HOUSING", "人才安居补贴", "Talent housing subsidy",
            By: new DateOnly(2026, 12, 18), Note: "请补充 Please add", Approved: true, Deadline: "decision", OwnerName: "李强 Li Qiang", Stage: "Rectifying", Team: "butler");
        var aboutAnItem = kind is not (NotificationKinds.RectificationOverdue or NotificationKinds.EngagementStarted or NotificationKinds.Proposed or NotificationKinds.TicketReplied
            or NotificationKinds.Milestone or NotificationKinds.EngagementClosed);

        var zh = Templates.Write(facts, "zh-CN");
        var en = Templates.Write(facts, "en");

        Assert.Contains("TL-2026-000042", zh.Title + zh.Body);
        Assert.Contains("TL-2026-000042", en.Title + en.Body);
        if (aboutAnItem)
        {
            Assert.Contains("人才安居补贴", zh.Body);
            Assert.Contains("Talent housing subsidy", en.Body);
        }
        Assert.False(string.IsNullOrWhiteSpace(zh.NextStep));
        Assert.False(string.IsNullOrWhiteSpace(en.NextStep));
        Assert.Equal(due ? new DateOnly(2026, 12, 18) : null, zh.By);
        Assert.Equal(zh.By, en.By);
        if (due)
        {
            Assert.Contains("2026年12月18日", zh.NextStep);
            Assert.Contains("18 December 2026", en.NextStep);
        }

        // Neither language leaks into the other's title.
        Assert.DoesNotMatch("[A-Za-z]{4,}", zh.Title.Replace("TL-", ""));
        Assert.DoesNotMatch("[\u4e00-\u9fff]", en.Title);
    }

    [Fact]
    public void Every_kind_has_a_template_and_people_can_set_its_channels()
    {
        foreach (var kind in NotificationKinds.All)
        {
            var facts = new MessageFacts(kind, "R1", "ITEM", null, null, By: new DateOnly(2027, 1, 4));
            Assert.False(string.IsNullOrWhiteSpace(Templates.Write(facts, "zh-CN").Body), kind);
            Assert.False(string.IsNullOrWhiteSpace(Templates.Write(facts, "en").Body), kind);
        }

        Assert.Equal(NotificationKinds.All.Length, NotificationKinds.All.Distinct().Count());
    }

    [Fact]
    public void A_milestone_names_the_step_reached_and_the_next_one_and_a_suggestion_speaks_in_the_rule_s_words()
    {
        var milestone = new MessageFacts(NotificationKinds.Milestone, "0A1B2C3D", "", null, null, Stage: "firstContact", Team: "broker", Next: "planAgreed");
        Assert.Contains("首次联系", Templates.Write(milestone, "zh-CN").Body);
        Assert.Contains("确定服务方案", Templates.Write(milestone, "zh-CN").NextStep);
        Assert.Contains("tech broker", Templates.Write(milestone, "en").Body);
        Assert.Contains("plan agreed", Templates.Write(milestone, "en").NextStep);

        var suggestion = new MessageFacts(NotificationKinds.Suggested, "9F8E7D6C", "", null, null, Note: "您可申请人才安居补贴", NoteEn: "You may apply for the housing subsidy");
        Assert.StartsWith("您可申请人才安居补贴", Templates.Write(suggestion, "zh-CN").Body);
        Assert.StartsWith("You may apply for the housing subsidy", Templates.Write(suggestion, "en").Body);
        Assert.DoesNotContain("item:", Templates.Write(suggestion, "en").Body);
    }

    [Fact]
    public void A_refusal_gives_its_reasons_and_the_way_to_object_and_an_item_without_an_english_name_falls_back_to_the_chinese_one()
    {
        var facts = new MessageFacts(NotificationKinds.Decided, "TL-2026-000043", "ITEM-X", "创业担保贷款", null,
            By: new DateOnly(2027, 1, 4), Note: "材料不符合条件 The materials do not qualify", Approved: false);

        var en = Templates.Write(facts, "en-GB");

        Assert.Equal("Application TL-2026-000043 decided: not approved", en.Title);
        Assert.Contains("Reasons: 材料不符合条件 The materials do not qualify", en.Body);
        Assert.Contains("创业担保贷款", en.Body);
        Assert.Contains("problem-feedback window", en.NextStep);
        Assert.Contains("不予准予", Templates.Write(facts, "zh-CN").Title);
    }
}
