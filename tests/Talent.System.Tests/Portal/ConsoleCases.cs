using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The records the console tests handle, made through the APIs as their people would: talent1's submitted case for
/// SPOUSE-EMPLOYMENT (demonstration data: led by HRSS, whose staff is staff-hr; two HRSS steps; the CV to upload), that
/// case decided by HRSS, talent1's bad review of it (which raises a rectification case for HRSS), and a ticket about the
/// item (routed to HRSS).
/// </summary>
internal static class ConsoleCases
{
    public const string Item = "SPOUSE-EMPLOYMENT";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% console CV\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>talent1's submitted case through the API: its id, reference and the CV's file id.</summary>
    public static async Task<(Guid Id, string Reference, Guid FileId)> SubmittedAsync(SystemFixture system, CancellationToken ct)
    {
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        using var talent = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        var created = await talent.PostAsJsonAsync("/api/applications", new { itemCode = Item }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var answers = new { contactName = "张明", contactPhone = "13800000000", spouseName = "王丽", preferredSectors = new[] { "enterprise" } };
        Assert.Equal(HttpStatusCode.OK, (await talent.PutAsJsonAsync($"/api/applications/{id}", new { answers }, ct)).StatusCode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("resume"), "materialCode" },
            { new ByteArrayContent(Pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "cv.pdf" },
        };
        var uploaded = await talent.PostAsync($"/api/applications/{id}/materials", form, ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var fileId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("materials").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "resume").GetProperty("fileId").GetGuid();
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit") { Headers = { { "Idempotency-Key", $"console-{id}" } } };
        var submitted = await talent.SendAsync(submit, ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("reference").GetString()!, fileId);
    }

    /// <summary>talent1's case, accepted, through both steps and approved by staff-hr, then rated very dissatisfied by
    /// talent1: the rectification case it raised for HRSS.</summary>
    public static async Task<Guid> BadReviewAsync(SystemFixture system, CancellationToken ct)
    {
        var (id, reference, _) = await SubmittedAsync(system, ct);
        using (var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!))
        {
            Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);
            foreach (var step in new[] { 1, 2 })
            {
                Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/{step}/complete", null, ct)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = "同意推荐" }, ct)).StatusCode);
        }

        using var rater = system.As((await system.SignInAsync("talent1", "feedback")).AccessToken!);
        await Eventually.UntilAsync(
            async () => (await rater.GetFromJsonAsync<JsonElement>("/api/feedback/invitations/mine", ct)).EnumerateArray().Any(i => i.GetProperty("reference").GetString() == reference),
            Deadline, "the invitation to rate the decided case");
        var rated = await rater.PostAsJsonAsync("/api/feedback/evaluations", new { applicationId = id, level = "veryDissatisfied", comment = "推荐的岗位与爱人专业完全不符", channel = "web" }, ct);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);

        using var staff = system.As((await system.SignInAsync("staff-hr", "feedback")).AccessToken!);
        var raised = await staff.GetFromJsonAsync<JsonElement>("/api/feedback/rectifications?state=raised&pageSize=100", ct);
        return raised.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("applicationId").GetGuid() == id).GetProperty("id").GetGuid();
    }

    /// <summary>enterprise1's question about the item, routed to HRSS: its id.</summary>
    public static async Task<Guid> TicketAsync(SystemFixture system, string title, CancellationToken ct)
    {
        using var person = system.As((await system.SignInAsync("enterprise1", "feedback")).AccessToken!);
        var opened = await person.PostAsJsonAsync("/api/feedback/tickets", new { kind = "question", category = "other", title, body = "员工配偶就业推荐需要企业出具什么证明？", itemCode = Item }, ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var ticket = await opened.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("HRSS", ticket.GetProperty("department").GetString());
        return ticket.GetProperty("id").GetGuid();
    }

    /// <summary>One record as someone sees it through the API (a scope: <c>applications</c> or <c>feedback</c>).</summary>
    public static async Task<JsonElement> AsSeenByAsync(SystemFixture system, string user, string scope, string path, CancellationToken ct)
    {
        using var client = system.As((await system.SignInAsync(user, scope)).AccessToken!);
        return await client.GetFromJsonAsync<JsonElement>(path, ct);
    }
}
