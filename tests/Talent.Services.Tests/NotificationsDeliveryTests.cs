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

namespace Talent.Services.Tests;

/// <summary>
/// Notifications on a real broker, database and SMTP server: an event that concerns a person becomes one inbox entry and
/// one e-mail in their language; a redelivered event adds nothing; a mail server that is down gets the mail once it is
/// back; a delivery that failed for good is listed for operators and sent again when one asks.
/// </summary>
public sealed class NotificationsDeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_return_for_supplement_gives_the_applicant_one_english_email_and_one_inbox_entry_and_a_redelivery_gives_nothing_more()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await smtp.StartAsync();
        var logs = new CapturedLogs();
        await using var host = await StartAsync(smtp, logs);
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        const string Applicant = "notify-talent-en";
        await PublishAsync(bus, Person(Applicant, "Alex Smith", "alex@example.org", "en"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.AnyAsync(r => r.Subject == Applicant, ct)), Deadline, "the applicant's contacts");

        var returned = Returned(Applicant, "TL-2026-000123", "Please add your degree certificate.");
        await PublishAsync(bus, returned, ct);
        await Eventually.UntilAsync(() => smtp.Received.Count >= 1, Deadline, "the e-mail at the SMTP server");

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("alex@example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Application TL-2026-000123: materials to supplement", mail.Subject);
        Assert.Contains("Please add your degree certificate.", mail.TextBody);
        Assert.Contains("submit again", mail.TextBody);
        using var applicant = host.ClientAs(TestTokens.For(Applicant, "notifications", ["applicant"]));
        var inbox = await InboxAsync(applicant, ct);
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var entry = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("en", entry.GetProperty("language").GetString());
        Assert.Equal("supplementRequested", entry.GetProperty("kind").GetString());
        Assert.Equal(mail.Subject, entry.GetProperty("title").GetString());

        // The broker delivers the same event again (same message id): the inbox skips it, nothing more is sent or listed.
        await PublishAsync(bus, returned, ct);
        await Eventually.UntilAsync(() => logs.Any($"Skipped ApplicationReturnedForSupplement {returned.EventId}"), Deadline, "the redelivery skipped");
        Assert.Equal(1, await ReadAsync(host, db => db.Deliveries.CountAsync(ct)));
        Assert.Single(smtp.Received);
        Assert.Single((await InboxAsync(applicant, ct)).GetProperty("items").EnumerateArray());

        // Read: the unread count falls; another person cannot mark it (404, as if it did not exist).
        var id = entry.GetProperty("id").GetGuid();
        using var other = host.ClientAs(TestTokens.For("notify-someone-else", "notifications", ["applicant"]));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/mine/{id}/read", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.PostAsync($"/api/notifications/mine/{id}/read", null, ct)).StatusCode);
        Assert.Equal(0, (await InboxAsync(applicant, ct)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Mail_after_mail_goes_over_the_connection_kept_open_and_one_the_server_closed_is_replaced_without_a_failure()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await smtp.StartAsync();
        await using var host = await StartAsync(smtp, new CapturedLogs());
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Person("notify-kept", "Lin Tao", "lin@example.org", "en"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.AnyAsync(r => r.Subject == "notify-kept", ct)), Deadline, "the person's contacts");

        // Three events one after another, each mailed before the next is published: each its own pass, one session.
        for (var i = 1; i <= 3; i++)
        {
            await PublishAsync(bus, Returned("notify-kept", $"TL-2026-00080{i}", "Add the contract."), ct);
            await Eventually.UntilAsync(() => smtp.Received.Count >= i, Deadline, $"mail {i}");
        }

        Assert.Equal(1, smtp.SessionsWithMail);

        // The server restarts (its sessions closed): the next mail goes on a new connection at the first attempt.
        await smtp.StopAsync();
        await smtp.StartAsync();
        await PublishAsync(bus, Returned("notify-kept", "TL-2026-000804", "Add the lease."), ct);
        await Eventually.UntilAsync(() => smtp.Received.Count >= 4, Deadline, "mail 4");
        Assert.Equal(2, smtp.SessionsWithMail);
        Assert.Equal([1, 1, 1, 1], await ReadAsync(host, db => db.Deliveries.OrderBy(d => d.CreatedAt).Select(d => d.Attempts).ToListAsync(ct)));
    }

    [Fact]
    public async Task A_person_without_a_language_is_written_to_in_chinese_and_one_who_turned_email_off_gets_only_the_inbox_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await smtp.StartAsync();
        await using var host = await StartAsync(smtp, new CapturedLogs());
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Person("notify-zh", "王芳", "wang@example.org", null), ct);
        await PublishAsync(bus, Person("notify-quiet", "李强", "li@example.org", "zh-CN"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.CountAsync(ct)).ContinueWith(t => t.Result == 2, ct), Deadline, "both people's contacts");
        using var quiet = host.ClientAs(TestTokens.For("notify-quiet", "notifications", ["applicant"]));
        var put = await quiet.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new[] { new { kind = "supplementRequested", email = false } } }, ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // No Dapr sidecar here: SMS cannot be chosen, and the refusal names the field.
        var sms = await quiet.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new[] { new { kind = "accepted", sms = true } } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, sms.StatusCode);
        Assert.True((await sms.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("kinds[0].sms", out _));

        await PublishAsync(bus, Returned("notify-zh", "TL-2026-000200", "请补充学位证书。"), ct);
        await PublishAsync(bus, Returned("notify-quiet", "TL-2026-000201", "请补充学位证书。"), ct);
        using var chinese = host.ClientAs(TestTokens.For("notify-zh", "notifications", ["applicant"]));
        await Eventually.UntilAsync(async () => (await InboxAsync(quiet, ct)).GetProperty("total").GetInt32() == 1, Deadline, "the quiet person's inbox entry");
        await Eventually.UntilAsync(() => smtp.Received.Count >= 1, Deadline, "the e-mail to the person without a language");

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("wang@example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("申请 TL-2026-000200 需补正材料", mail.Subject);
        var entry = Assert.Single((await InboxAsync(chinese, ct)).GetProperty("items").EnumerateArray());
        Assert.Equal("zh-CN", entry.GetProperty("language").GetString());
        // The quiet person's notification made no delivery at all (e-mail off for that kind).
        Assert.Equal(1, await ReadAsync(host, db => db.Deliveries.CountAsync(ct)));
    }

    [Fact]
    public async Task Mail_for_a_server_that_is_down_is_sent_once_it_is_back_and_one_that_failed_for_good_is_sent_again_by_an_operator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await StartAsync(smtp, new CapturedLogs(), ("Notifications:Delivery:MaxAttempts", "4"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Person("notify-down", "Zhao Lei", "zhao@example.org", "en"), ct);
        await PublishAsync(bus, Person("notify-dead", "Sun Yue", "sun@example.org", "en"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.CountAsync(ct)).ContinueWith(t => t.Result == 2, ct), Deadline, "both people's contacts");

        // The server is down: the first delivery fails, is kept pending with the reason, and is tried again later.
        await PublishAsync(bus, Returned("notify-down", "TL-2026-000300", "Add the contract."), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Deliveries.AnyAsync(d => d.Attempts >= 1 && d.LastError != null, ct)), Deadline, "a failed attempt");
        var failed = await ReadAsync(host, db => db.Deliveries.SingleAsync(ct));
        Assert.Equal(Delivery.Pending, failed.Status);
        Assert.Contains("not reached", failed.LastError);

        await smtp.StartAsync();
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Deliveries.AnyAsync(d => d.Id == failed.Id && d.Status == Delivery.Sent, ct)), Deadline, "the delivery sent after the server returned");
        Assert.Equal("Application TL-2026-000300: materials to supplement", Assert.Single(smtp.Received).Subject);

        // Down again, long enough for every attempt: the delivery is set aside as dead and listed for operators.
        await smtp.StopAsync();
        await PublishAsync(bus, Returned("notify-dead", "TL-2026-000301", "Add the lease."), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Deliveries.AnyAsync(d => d.Status == Delivery.Dead, ct)), Deadline, "the delivery set aside after its last attempt");
        using var operatorClient = host.ClientAs(TestTokens.For("notify-operator", "notifications", ["operator"]));
        var dead = await operatorClient.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries?status=dead", ct);
        var listed = Assert.Single(dead.GetProperty("items").EnumerateArray());
        Assert.Equal("sun@example.org", listed.GetProperty("address").GetString());
        Assert.Equal(4, listed.GetProperty("attempts").GetInt32());
        using var talent = host.ClientAs(TestTokens.For("notify-dead", "notifications", ["applicant"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/notifications/deliveries?status=dead", ct)).StatusCode);

        await smtp.StartAsync();
        var id = listed.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/notifications/deliveries/{id}/retry", null, ct)).StatusCode);
        await Eventually.UntilAsync(() => smtp.Received.Count >= 2, Deadline, "the dead delivery sent again");
        Assert.Equal("Application TL-2026-000301: materials to supplement", smtp.Received[1].Subject);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/notifications/deliveries/{id}/retry", null, ct)).StatusCode);
    }

    [Fact]
    public async Task With_a_dapr_sidecar_a_person_who_chose_sms_gets_the_text_through_the_output_binding_with_their_number_even_after_a_refusal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sidecar = await StandInDaprSidecar.StartAsync();
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await StartAsync(smtp, new CapturedLogs(), ("Notifications:Sms:DaprGrpcEndpoint", sidecar.Endpoint));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, Person("notify-sms", "Chen Jing", "chen@example.org", "en"), ct);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Recipients.AnyAsync(r => r.Subject == "notify-sms", ct)), Deadline, "the person's contacts");
        using var person = host.ClientAs(TestTokens.For("notify-sms", "notifications", ["applicant"]));
        var chosen = await person.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new[] { new { kind = "supplementRequested", email = false, sms = true } } }, ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var channels = (await chosen.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("channels").EnumerateArray().ToList();
        var smsChannel = channels.Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.True(smsChannel.GetProperty("available").GetBoolean());
        Assert.Equal("+86-023-6000-0001", smsChannel.GetProperty("address").GetString());

        // The provider refuses at first: the delivery stays pending and is tried again until the binding takes it.
        sidecar.Refusing = true;
        var returned = Returned("notify-sms", "TL-2026-000400", "Add the lease.");
        await PublishAsync(bus, returned, ct);
        await Eventually.UntilAsync(() => Volatile.Read(ref sidecar.Received.Refused) >= 1, Deadline, "a refused binding call");
        sidecar.Refusing = false;
        await Eventually.UntilAsync(() => sidecar.Received.Accepted.Count >= 1, Deadline, "the binding call accepted");

        var call = Assert.Single(sidecar.Received.Accepted);
        Assert.Equal("sms", call.Name);
        Assert.Equal("create", call.Operation);
        Assert.Equal("+86-023-6000-0001", call.Metadata["toNumber"]);
        var text = System.Text.Json.JsonSerializer.Deserialize<string>(call.Data.ToStringUtf8());
        Assert.StartsWith("[Talent] Application TL-2026-000400: materials to supplement.", text);
        await Eventually.UntilAsync(() => ReadAsync(host, db => db.Deliveries.AnyAsync(d => d.Channel == "sms" && d.Status == Delivery.Sent, ct)), Deadline, "the SMS delivery recorded as sent");
        // E-mail was turned off for this kind: no e-mail delivery, nothing at the SMTP server.
        Assert.Equal(1, await ReadAsync(host, db => db.Deliveries.CountAsync(ct)));
    }

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

    private static PersonChanged Staff(string subject, string department, bool disabled) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, subject, $"职员 {subject}", ["staff"], department, null, disabled, $"{subject}@example.org", null, "zh-CN");

    private static Task<ServiceHost<notifications::Program>> StartAsync(TestSmtpServer smtp, CapturedLogs logs, params (string Key, string Value)[] settings) =>
        ServiceHost<notifications::Program>.StartAsync("notifications", services => services.AddSingleton<ILoggerProvider>(logs),
        [
            ("Notifications:Smtp:Host", "127.0.0.1"),
            ("Notifications:Smtp:Port", smtp.Port.ToString()),
            ("Notifications:Smtp:Security", "None"),
            ("Notifications:Smtp:Timeout", "00:00:05"),
            ("Notifications:Delivery:PollInterval", "00:00:00.200"),
            ("Notifications:Delivery:FirstBackoff", "00:00:00.300"),
            ("Notifications:Delivery:MaxBackoff", "00:00:01"),
            ("Logging:LogLevel:Talent.Notifications", "Information"),
            .. settings,
        ]);

    private static PersonChanged Person(string subject, string name, string email, string? language) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, subject, name, ["applicant"], null, "talent", false, email, "+86-023-6000-0001", language);

    private static ApplicationReturnedForSupplement Returned(string applicant, string reference, string note) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), reference, applicant, "TALENT-HOUSING", "HRSS", "demo-staff-hr", note);

    private static Task PublishAsync<T>(IBus bus, T message, CancellationToken ct)
        where T : class, Talent.Contracts.IIntegrationEvent =>
        bus.Publish(message, c => c.MessageId = message.EventId, ct);

    private static async Task<JsonElement> InboxAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>("/api/notifications/mine", ct);

    private static async Task<T> ReadAsync<T>(ServiceHost<notifications::Program> host, Func<NotificationsDbContext, Task<T>> read)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    /// <summary>What the service logged, for the one fact a test can only see there: a redelivery skipped by the inbox.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public bool Any(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
