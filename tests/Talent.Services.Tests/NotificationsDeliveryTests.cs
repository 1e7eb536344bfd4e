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
/// Notifications on a real broker, database and SMTP server: an event that concerns a person becomes one inbox entry and
/// one e-mail in their language; a redelivered event adds nothing; a mail server that is down gets the mail once it is
/// back; a delivery that failed for good is listed for operators and sent again when one asks.
/// </summary>
public sealed class NotificationsDeliveryTests
{
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
}
