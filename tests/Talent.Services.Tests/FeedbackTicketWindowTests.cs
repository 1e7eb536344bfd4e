extern alias feedback;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using feedback::Talent.Feedback.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The problem-feedback window offline (问题反馈窗口 at the service points) over HTTP on a real database: staff open a
/// ticket for a walk-in person, follow it wherever it goes, pass a misrouted ticket on with a reason (its clock explained,
/// its event recorded), and record the walk-in person's answer to the reply.
/// </summary>
public sealed class FeedbackTicketWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object WalkIn(string category, string channel = "window", string name = "陈七", string phone = "023-6800 1234") =>
        new { kind = "question", category, title = "窗口来访咨询", body = "想了解人才公寓配租条件", channel, personName = name, personPhone = phone };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    [Fact]
    public async Task Staff_open_a_walk_in_ticket_that_goes_to_another_department_and_follow_it_while_colleagues_cannot_see_it()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        using var window = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "window-hr-1"));
        var ticket = await JsonAsync(await window.PostAsJsonAsync("/api/feedback/tickets/window", WalkIn("housing"), Ct), HttpStatusCode.Created);

        Assert.Equal("window", ticket.GetProperty("channel").GetString());
        Assert.Equal("陈七", ticket.GetProperty("requesterName").GetString());
        Assert.Equal("023-6800 1234", ticket.GetProperty("contact").GetString());
        Assert.Equal("HOUSING", ticket.GetProperty("department").GetString());
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("ownerId").ValueKind);
        Assert.StartsWith("Reply due ", ticket.GetProperty("clockEn").GetString(), StringComparison.Ordinal);
        var id = ticket.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await window.GetAsync($"/api/feedback/tickets/{id}", Ct)).StatusCode);
        var mine = await JsonAsync(await window.GetAsync("/api/feedback/tickets/inbox?openedByMe=true", Ct), HttpStatusCode.OK);
        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        using var colleague = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "window-hr-2"));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/feedback/tickets/{id}", Ct)).StatusCode);
        using var housing = host.ClientAs(TestTokens.Staff("feedback", "HOUSING", "housing-1"));
        var inbox = await JsonAsync(await housing.GetAsync("/api/feedback/tickets/inbox?state=open", Ct), HttpStatusCode.OK);
        Assert.Contains(id, inbox.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_walk_in_ticket_without_a_known_channel_name_or_telephone_is_a_400_naming_each_and_nothing_is_saved()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        using var window = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "window-hr-bad"));

        Assert.Equal(["channel", "personName", "personPhone"],
            (await ProblemFieldsAsync(await window.PostAsJsonAsync("/api/feedback/tickets/window", WalkIn("housing", "online", " ", "call me"), Ct))).Order());
        Assert.Equal(["personPhone"], await ProblemFieldsAsync(await window.PostAsJsonAsync("/api/feedback/tickets/window", WalkIn("housing", phone: "12"), Ct)));

        var mine = await JsonAsync(await window.GetAsync("/api/feedback/tickets/inbox?openedByMe=true", Ct), HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_owner_passes_a_misrouted_ticket_on_with_a_reason_the_receiver_replies_and_the_window_records_the_person_s_confirmation()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        using var window = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "window-hr-3"));
        var ticket = await JsonAsync(await window.PostAsJsonAsync("/api/feedback/tickets/window", WalkIn("employment", "phone"), Ct), HttpStatusCode.Created);
        var id = ticket.GetProperty("id").GetString();
        Assert.Equal("window-hr-3", ticket.GetProperty("ownerId").GetString()); // its own department's: the receiver owns it at once

        using var colleague = host.ClientAs(TestTokens.Staff("feedback", "HRSS", "window-hr-4"));
        Assert.Equal(HttpStatusCode.Conflict, (await colleague.PostAsJsonAsync($"/api/feedback/tickets/{id}/transfer", new { department = "HOUSING", reason = "住房问题" }, Ct)).StatusCode);
        Assert.Equal(["department"], await ProblemFieldsAsync(await window.PostAsJsonAsync($"/api/feedback/tickets/{id}/transfer", new { department = "NOWHERE", reason = "住房问题" }, Ct)));
        Assert.Equal(["reason"], await ProblemFieldsAsync(await window.PostAsJsonAsync($"/api/feedback/tickets/{id}/transfer", new { department = "HOUSING", reason = "" }, Ct)));

        var passed = await JsonAsync(await window.PostAsJsonAsync($"/api/feedback/tickets/{id}/transfer", new { department = "housing", reason = "来访人问的是人才公寓" }, Ct), HttpStatusCode.OK);
        Assert.Equal(("HOUSING", 1), (passed.GetProperty("department").GetString(), passed.GetProperty("transfers").GetInt32()));
        Assert.Contains("the transfer to HOUSING", passed.GetProperty("clockEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("自转办之日", passed.GetProperty("clockZh").GetString(), StringComparison.Ordinal);

        using var housing = host.ClientAs(TestTokens.Staff("feedback", "HOUSING", "housing-2"));
        await JsonAsync(await housing.PostAsJsonAsync($"/api/feedback/tickets/{id}/reply", new { reply = "12 月 8 日起受理配租申请" }, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await housing.PostAsJsonAsync($"/api/feedback/tickets/{id}/transfer", new { department = "HRSS", reason = "已答复" }, Ct)).StatusCode);
        var closed = await JsonAsync(await window.PostAsJsonAsync($"/api/feedback/tickets/{id}/record-confirmation", new { satisfied = true, note = "电话告知，满意" }, Ct), HttpStatusCode.OK);
        Assert.Equal(("closed", "confirmed", true), (closed.GetProperty("state").GetString(), closed.GetProperty("resolution").GetString(), closed.GetProperty("satisfied").GetBoolean()));

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Database;
        var transferred = await database.SqlQuery<string>($"""SELECT body::text AS "Value" FROM outbox_messages WHERE message_type LIKE '%FeedbackTicketTransferred%'""").ToListAsync(Ct);
        var body = JsonDocument.Parse(Assert.Single(transferred)).RootElement;
        Assert.Equal(("HRSS", "HOUSING", "来访人问的是人才公寓"), (body.GetProperty("fromDepartment").GetString(), body.GetProperty("toDepartment").GetString(), body.GetProperty("reason").GetString()));
    }
}
