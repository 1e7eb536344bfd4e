extern alias notifications;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using notifications::Talent.Notifications.Data;
using notifications::Talent.Notifications.Deliveries;
using Talent.Contracts.Applications;
using Talent.Contracts.Feedback;
using Talent.Contracts.Matching;
using Talent.Contracts.People;
using Talent.Testing;
using Xunit;
using static Talent.Services.Tests.NotificationsTestHost;

namespace Talent.Services.Tests;

/// <summary>
/// Who hears what: a deadline alert reaches the owner or, before there is one, the department's active staff; a bad
/// review's rectification and a routed ticket likewise; a refusal, a milestone, a close and a suggestion reach their
/// person, once, in their words.
/// </summary>
public sealed class NotificationsRoutingTests
{
    [Fact]
    public async Task A_deadline_alert_of_a_case_without_an_owner_reaches_each_active_staff_member_of_its_lead_department_and_an_owned_case_only_its_owner()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        var logs = new CapturedLogs();
        await using var host = await StartAsync(smtp, logs);
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Staff("notify-hr-a", "HRSS", disabled: false), ct);
        await PublishAsync(bus, Staff("notify-hr-b", "HRSS", disabled: false), ct);
        await PublishAsync(bus, Staff("notify-hr-gone", "HRSS", disabled: true), ct);
        await PublishAsync(bus, Staff("notify-sti", "STI", disabled: false), ct);
        await PublishAsync(bus, Person("notify-hr-talent", "Someone", "someone@example.org", null), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.CountAsync(ct)).ContinueWith(t => t.Result == 5, ct), Deadline, "the five people");

        // Submitted, not yet accepted: no owner, so HRSS's active staff hear of it, each once.
        var unowned = new ApplicationDueSoon(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TL-2026-000500", "TALENT-HOUSING", "HRSS", null, "acceptance", new DateOnly(2026, 12, 7));
        await PublishAsync(bus, unowned, ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Notifications.CountAsync(n => n.SourceEventId == unowned.EventId, ct)).ContinueWith(t => t.Result >= 2, ct), Deadline, "the department's alerts");
        var told = await ReadAsync(host, db => db.Notifications.Where(n => n.SourceEventId == unowned.EventId).ToListAsync(ct));
        Assert.Equal(["notify-hr-a", "notify-hr-b"], told.Select(n => n.RecipientId).Order());
        Assert.All(told, n => Assert.Contains("贵部门尚无负责人", n.Body));

        // Accepted and owned: the owner alone.
        var owned = new ApplicationOverdue(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TL-2026-000501", "TALENT-HOUSING", "HRSS", "notify-sti", "decision", new DateOnly(2026, 12, 4));
        await PublishAsync(bus, owned, ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Notifications.AnyAsync(n => n.SourceEventId == owned.EventId, ct)), Deadline, "the owner's alert");
        await PublishAsync(bus, owned, ct);
        await Eventually.UntilAsync(() => logs.Any($"Skipped ApplicationOverdue {owned.EventId}"), Deadline, "the redelivery skipped");
        var ownerTold = await ReadAsync(host, db => db.Notifications.Where(n => n.SourceEventId == owned.EventId).ToListAsync(ct));
        Assert.Equal("notify-sti", Assert.Single(ownerTold).RecipientId);
        Assert.Contains("您负责的", ownerTold[0].Body);

        // A bad review's rectification case without an owner: HRSS's active staff, verify by the date; an engagement's
        // review (no case here) tells nobody. A ticket routed to STI: STI's staff member, reply by the date.
        var review = new NegativeEvaluationRaised(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), "TALENT-HOUSING", "HRSS", null, "veryDissatisfied", "太慢",
            Guid.NewGuid(), new DateOnly(2026, 12, 9));
        var engagementReview = new NegativeEvaluationRaised(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), "", "HRSS", null, "dissatisfied", null);
        var ticket = new FeedbackTicketOpened(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "FK-2026-000900", "complaint", "other", "STI", null, null, new DateOnly(2026, 12, 10));
        await PublishAsync(bus, engagementReview, ct);
        await PublishAsync(bus, review, ct);
        await PublishAsync(bus, ticket, ct);
        await Eventually.UntilAsync(
            () => ReadAsync(host, db => db.Notifications.CountAsync(n => n.SourceEventId == review.EventId || n.SourceEventId == ticket.EventId, ct)).ContinueWith(t => t.Result >= 3, ct),
            Deadline, "the rectification and ticket notices");
        var rectification = await ReadAsync(host, db => db.Notifications.Where(n => n.SourceEventId == review.EventId).ToListAsync(ct));
        Assert.Equal(["notify-hr-a", "notify-hr-b"], rectification.Select(n => n.RecipientId).Order());
        Assert.All(rectification, n => Assert.Equal(new DateOnly(2026, 12, 9), n.DueOn));
        Assert.Contains("非常不满意", rectification[0].Body);
        var routed = Assert.Single(await ReadAsync(host, db => db.Notifications.Where(n => n.SourceEventId == ticket.EventId).ToListAsync(ct)));
        Assert.Equal("notify-sti", routed.RecipientId);
        Assert.Contains("投诉", routed.Body);
        Assert.False(await ReadAsync(host, db => db.Notifications.AnyAsync(n => n.SourceEventId == engagementReview.EventId, ct)));
    }

    [Fact]
    public async Task A_reply_to_a_ticket_raised_online_reaches_its_person_and_one_to_a_walk_in_person_makes_no_notification()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await StartAsync(smtp, new CapturedLogs());
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        // A walk-in person has no account: staff telephone them (the ticket's contact); nobody's inbox gets the reply.
        var walkIn = new FeedbackTicketReplied(Guid.NewGuid(), now, Guid.NewGuid(), "FK-2026-000801", $"walk-in:{Guid.NewGuid()}", "HRSS", new DateOnly(2026, 12, 12), "window");
        var online = new FeedbackTicketReplied(Guid.NewGuid(), now, Guid.NewGuid(), "FK-2026-000802", "notify-ticket-talent", "HRSS", new DateOnly(2026, 12, 12));
        await PublishAsync(bus, walkIn, ct);
        await PublishAsync(bus, online, ct);

        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Notifications.AnyAsync(n => n.SourceEventId == online.EventId && n.RecipientId == "notify-ticket-talent", ct)), Deadline, "the online person's notification");
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Set<Talent.Messaging.Inbox.InboxMessage>().AnyAsync(m => m.MessageId == walkIn.EventId, ct)), Deadline, "the walk-in reply consumed");
        Assert.False(await ReadAsync(host, db => db.Notifications.AnyAsync(n => n.SourceEventId == walkIn.EventId, ct)));
    }

    [Fact]
    public async Task A_refusal_a_milestone_a_close_and_a_suggestion_each_reach_their_person_once_with_the_reason_the_step_and_the_rule_s_words()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await smtp.StartAsync();
        var logs = new CapturedLogs();
        await using var host = await StartAsync(smtp, logs);
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Person("notify-kinds-en", "Alex Kim", "kim@example.org", "en"), ct);
        await PublishAsync(bus, Person("notify-kinds-zh", "周敏", "zhou@example.org", "zh-CN"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.CountAsync(r => r.Subject.StartsWith("notify-kinds-"), ct)).ContinueWith(t => t.Result == 2, ct), Deadline, "the two people");

        var now = DateTimeOffset.UtcNow;
        var demand = Guid.NewGuid();
        await PublishAsync(bus, new ApplicationRefused(Guid.NewGuid(), now, Guid.NewGuid(), "TL-2026-000700", "notify-kinds-en", "TALENT-HOUSING", "HRSS", "demo-staff-hr", "Not registered in the zone."), ct);
        await PublishAsync(bus, new EngagementMilestoneReached(Guid.NewGuid(), now, Guid.NewGuid(), Guid.NewGuid(), "firstContact", null, true, "notify-kinds-zh", demand, "broker", "planAgreed"), ct);
        await PublishAsync(bus, new EngagementClosed(Guid.NewGuid(), now, Guid.NewGuid(), demand, "notify-kinds-zh", Guid.NewGuid(), "王经纪", "broker", null, "policy-benefit"), ct);
        // A milestone from a publisher that did not name the person served: nobody to tell, nothing written.
        await PublishAsync(bus, new EngagementMilestoneReached(Guid.NewGuid(), now, Guid.NewGuid(), Guid.NewGuid(), "planAgreed", null, true), ct);
        var suggestion = new SuggestionMade(Guid.NewGuid(), now, Guid.NewGuid(), "notify-kinds-en", "SPOUSE-THEN-SCHOOL", Guid.NewGuid(), "CHILD-SCHOOLING",
            "您可申请子女入学服务", "You may apply for your children's schooling", 0);
        await PublishAsync(bus, suggestion, ct);
        await PublishAsync(bus, suggestion, ct);

        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Notifications.CountAsync(n => n.RecipientId.StartsWith("notify-kinds-"), ct)).ContinueWith(t => t.Result >= 4, ct), Deadline, "four notifications");
        using var english = host.ClientAs(TestTokens.For("notify-kinds-en", "notifications", ["applicant"]));
        using var chinese = host.ClientAs(TestTokens.For("notify-kinds-zh", "notifications", ["applicant"]));
        var en = (await InboxAsync(english, ct)).GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("kind").GetString()!);
        var zh = (await InboxAsync(chinese, ct)).GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("kind").GetString()!);
        Assert.Equal(["refused", "suggested"], en.Keys.Order());
        Assert.Equal(["engagementClosed", "milestone"], zh.Keys.Order());
        Assert.Equal("Application TL-2026-000700 not accepted", en["refused"].GetProperty("title").GetString());
        Assert.Contains("Not registered in the zone.", en["refused"].GetProperty("body").GetString());
        Assert.StartsWith("You may apply for your children's schooling", en["suggested"].GetProperty("body").GetString());
        Assert.Contains("首次联系", zh["milestone"].GetProperty("body").GetString());
        Assert.Contains("确定服务方案", zh["milestone"].GetProperty("nextStep").GetString());
        Assert.Contains("好差评", zh["engagementClosed"].GetProperty("nextStep").GetString());
        Assert.False(zh["engagementClosed"].GetProperty("dueOn").ValueKind == JsonValueKind.Null);
        await Eventually.UntilAsync(() => smtp.Received.Count >= 4, Deadline, "four e-mails");
        await Eventually.UntilAsync(() => logs.Any($"Skipped SuggestionMade {suggestion.EventId}"), Deadline, "the suggestion's redelivery skipped");
        Assert.Equal(4, smtp.Received.Count);
        Assert.Equal(4, await ReadAsync(host, db => db.Notifications.CountAsync(n => n.RecipientId.StartsWith("notify-kinds-"), ct)));
    }
}
