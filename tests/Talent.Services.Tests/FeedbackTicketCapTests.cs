extern alias feedback;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The problem-feedback window's limits over HTTP (real database): at most 20 tickets not closed per person, the next
/// refused with a 409 that says why, other people unaffected.
/// </summary>
public sealed class FeedbackTicketCapTests
{
    private static object Ticket(int n) => new { kind = "question", category = "employment", title = $"第 {n} 个问题", body = "社保转移需要哪些材料？" };

    [Fact]
    public async Task A_person_with_twenty_tickets_not_closed_is_refused_a_twenty_first_with_a_409_and_others_are_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"));
        using var busy = host.ClientAs(TestTokens.Applicant("feedback", "ticket-cap-busy"));
        for (var n = 1; n <= 20; n++)
        {
            Assert.Equal(HttpStatusCode.Created, (await busy.PostAsJsonAsync("/api/feedback/tickets", Ticket(n), ct)).StatusCode);
        }

        var refused = await busy.PostAsJsonAsync("/api/feedback/tickets", Ticket(21), ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("At most 20 open tickets per person", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var mine = await busy.GetFromJsonAsync<JsonElement>("/api/feedback/tickets/mine?pageSize=50", ct);
        Assert.Equal(20, mine.GetProperty("total").GetInt32());

        using var other = host.ClientAs(TestTokens.Applicant("feedback", "ticket-cap-other"));
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/feedback/tickets", Ticket(1), ct)).StatusCode);
    }
}
