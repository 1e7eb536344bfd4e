extern alias applications;
using System.Net;
using System.Net.Http.Json;
using applications::Talent.Applications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Messaging.Outbox;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// <c>Idempotency-Key</c> on submit: the same key replays the first answer only for the same submission; a key that an
/// earlier submission of the application used (before it was returned for supplement) is a 422 asking for a new key.
/// </summary>
public sealed class ApplicationsResubmissionTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_key_twice_gives_the_same_answer_and_one_submission()
    {
        using var applicant = app.Applicant("resubmit-same-key");
        var id = await app.CompleteDraftAsync(applicant);

        var first = await ApplicationsFixture.SubmitAsync(applicant, id, "same-key");
        var second = await ApplicationsFixture.SubmitAsync(applicant, id, "same-key");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (a, b) = (await ApplicationsFixture.JsonAsync(first), await ApplicationsFixture.JsonAsync(second));
        Assert.Equal(a.GetProperty("reference").GetString(), b.GetProperty("reference").GetString());
        Assert.Equal("Submitted", b.GetProperty("state").GetString());
        Assert.Equal(1, await SubmissionsAsync(applicant, id));
        Assert.Equal(1, await SubmittedEventsAsync(id));
    }

    [Fact]
    public async Task The_first_key_after_a_return_is_a_422_naming_the_key_and_changes_nothing()
    {
        using var applicant = app.Applicant("resubmit-old-key");
        var id = await ReturnedAsync(applicant, "old-key");

        var reused = await ApplicationsFixture.SubmitAsync(applicant, id, "old-key");

        var problem = await ApplicationsFixture.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Contains("new", problem.GetProperty("title").GetString());
        var view = await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}");
        Assert.Equal("ReturnedForSupplement", view.GetProperty("state").GetString());
        Assert.Equal(1, await SubmissionsAsync(applicant, id));
        Assert.Equal(1, await SubmittedEventsAsync(id));
    }

    [Fact]
    public async Task A_new_key_after_a_return_resubmits_and_the_old_key_stays_refused()
    {
        using var applicant = app.Applicant("resubmit-new-key");
        var id = await ReturnedAsync(applicant, "round-1");

        var resubmitted = await ApplicationsFixture.SubmitAsync(applicant, id, "round-2");
        var replayed = await ApplicationsFixture.SubmitAsync(applicant, id, "round-2");
        var old = await ApplicationsFixture.SubmitAsync(applicant, id, "round-1");

        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal("Submitted", (await ApplicationsFixture.JsonAsync(resubmitted)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        await ApplicationsFixture.AssertProblemAsync(old, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        var history = await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "resubmit");
        Assert.Equal(2, await SubmittedEventsAsync(id));
    }

    /// <summary>Submitted with <paramref name="key"/>, then returned for supplement by the lead department.</summary>
    private async Task<Guid> ReturnedAsync(HttpClient applicant, string key)
    {
        var id = await app.CompleteDraftAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(applicant, id, key)).StatusCode);
        using var lead = app.Staff(ApplicationsFixture.Lead, $"{key}-lead");
        var returned = await lead.PostAsJsonAsync($"/api/applications/{id}/return", new { note = "请补充盖章页" }, Ct);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        return id;
    }

    private static async Task<int> SubmissionsAsync(HttpClient client, Guid id) =>
        (await ApplicationsFixture.GetAsync(client, $"/api/applications/{id}/history")).EnumerateArray()
            .Count(h => h.GetProperty("action").GetString() is "submit" or "resubmit");

    private async Task<int> SubmittedEventsAsync(Guid id)
    {
        await using var scope = app.Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var bodies = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("ApplicationSubmitted")).Select(m => m.Body).ToListAsync(Ct);
        return bodies.Count(b => b.Contains(id.ToString(), StringComparison.Ordinal));
    }
}
