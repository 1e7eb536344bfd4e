using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>Applying online through the gateway, from a draft to the decision arriving at the feedback service.</summary>
public sealed class ApplyingTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    internal static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // SPOUSE-EMPLOYMENT (demonstration data): led by HRSS, two HRSS steps, the CV to upload, ID and marriage record shared.
    internal const string Item = "SPOUSE-EMPLOYMENT";

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% demo CV\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private async Task<HttpClient> AsAsync(string user) => system.As((await system.SignInAsync(user, "applications")).AccessToken!);

    internal static async Task<JsonElement> DraftAsync(SystemFixture system, HttpClient talent, CancellationToken ct)
    {
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        var created = await talent.PostAsJsonAsync("/api/applications", new { itemCode = Item }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string code, byte[] bytes, string fileName, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(code), "materialCode" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", fileName },
        };
        return await client.PostAsync($"/api/applications/{id}/materials", form, ct);
    }

    internal static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string id, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit");
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, ct);
    }

    internal static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
    }

    [Fact]
    public async Task An_application_goes_from_draft_through_acceptance_and_steps_to_a_decision_and_its_file_is_reused_from_the_wallet()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        var draft = await DraftAsync(system, talent, ct);
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        // Materials held by departments are referenced, not uploaded (免提交).
        Assert.Contains(draft.GetProperty("materials").EnumerateArray(), m => m.GetProperty("code").GetString() == "id-card" && m.GetProperty("kind").GetString() == "dataSharing");

        var wrong = await talent.PutAsJsonAsync($"/api/applications/{id}", new { answers = new { preferredSectors = new[] { "circus" }, nickname = "x" } }, ct);
        var errors = await ErrorsAsync(wrong, ct);
        Assert.True(errors.TryGetProperty("form.preferredSectors", out _));
        Assert.True(errors.TryGetProperty("form.nickname", out _));
        var answers = new { contactName = "张明", contactPhone = "13800000000", spouseName = "王丽", preferredSectors = new[] { "enterprise", "education" } };
        Assert.Equal(HttpStatusCode.OK, (await talent.PutAsJsonAsync($"/api/applications/{id}", new { answers }, ct)).StatusCode);

        Assert.True((await ErrorsAsync(await SubmitAsync(talent, id, "k-" + id, ct), ct)).TryGetProperty("materials.resume", out _));
        var disguised = await UploadAsync(talent, id, "resume", Encoding.UTF8.GetBytes("just text, named like a PDF"), "cv.pdf", ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(talent, id, "id-card", Pdf, "id.pdf", ct)).StatusCode);
        var uploaded = await UploadAsync(talent, id, "resume", Pdf, "cv.pdf", ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var resume = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "resume");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), resume.GetProperty("sha256").GetString());
        var fileId = resume.GetProperty("fileId").GetString();

        // The same Idempotency-Key twice: one submission, the same answer.
        var first = await SubmitAsync(talent, id, "k-" + id, ct);
        var again = await SubmitAsync(talent, id, "k-" + id, ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var submitted = await first.Content.ReadFromJsonAsync<JsonElement>(ct);
        var reference = submitted.GetProperty("reference").GetString()!;
        Assert.Matches("^TA-20[0-9]{2}-[0-9]{6}$", reference);
        Assert.Equal(reference, (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SubmitAsync(talent, id, "another-key", ct)).StatusCode);

        // Someone else's application does not exist for them; another department cannot accept it.
        using var enterprise = await AsAsync("enterprise1");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/applications/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/applications/{id}/materials/{fileId}", ct)).StatusCode);
        using var sti = await AsAsync("staff-sti");
        Assert.Equal(HttpStatusCode.NotFound, (await sti.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);

        using var hr = await AsAsync("staff-hr");
        var inbox = await hr.GetFromJsonAsync<JsonElement>("/api/applications/inbox?pageSize=100", ct);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("reference").GetString() == reference);
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);
        var accepted = await hr.PostAsync($"/api/applications/{id}/accept", null, ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var owner = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("owner");
        Assert.Contains("李强", owner.GetProperty("name").GetString());
        Assert.Equal("023-6800 1002", owner.GetProperty("contact").GetString()); // HRSS's enquiry phone on the flow card

        // 免提交: the identity card came from the department's (stand-in) system through the exchange; staff see it on the case.
        // (Tokens live 40 s here: the poll signs in again when its token is 20 s old.)
        JsonElement shared = default;
        var (poller, signedIn) = (hr, DateTimeOffset.UtcNow);
        var asked = Eventually.UntilAsync(async () =>
        {
            if (DateTimeOffset.UtcNow - signedIn > TimeSpan.FromSeconds(20))
            {
                (poller, signedIn) = (await AsAsync("staff-hr"), DateTimeOffset.UtcNow);
            }

            var material = (await poller.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", ct)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "id-card");
            shared = material.GetProperty("shared");
            return shared.ValueKind == JsonValueKind.Object && shared.GetProperty("status").GetString() != "requested";
        }, TimeSpan.FromSeconds(60), "the identity card's record asked of its department through the exchange");
        await asked.ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"{t.Exception?.InnerException?.Message} Last seen: {shared}"), ct);
        Assert.True(shared.GetProperty("status").GetString() == "obtained", shared.ToString());
        Assert.Contains("demo", shared.GetProperty("source").GetString());
        Assert.Matches("^[0-9a-f]{64}$", shared.GetProperty("sha256").GetString());
        Assert.True(JsonDocument.Parse(shared.GetProperty("record").GetString()!).RootElement.GetProperty("demonstration").GetBoolean());

        var early = await hr.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = "同意推荐" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("Accepted", problem.GetProperty("state").GetString());
        Assert.Contains("complete-step", problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/1/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/applications/{id}/steps/2/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = "同意推荐至三家企业面试" }, ct)).StatusCode);

        var history = await talent.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/history", ct);
        Assert.Equal(["create", "submit", "accept", "complete-step:1", "complete-step:2", "decide"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var download = await hr.GetAsync($"/api/applications/{id}/materials/{fileId}", ct);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains((await talent.GetFromJsonAsync<JsonElement>("/api/applications/wallet", ct)).EnumerateArray(), f => f.GetProperty("id").GetString() == fileId);

        // The approved application's CV is now in the wallet: a new application reuses it with one request.
        var next = (await DraftAsync(system, talent, ct)).GetProperty("id").GetString()!;
        var reused = await talent.PostAsJsonAsync($"/api/applications/{next}/materials", new { materialCode = "resume", walletFileId = fileId }, ct);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains((await reused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("materials").EnumerateArray(), m => m.GetProperty("kind").GetString() == "wallet" && m.GetProperty("fileId").GetString() == fileId);
    }

    [Fact]
    public async Task A_material_not_in_the_wallet_is_refused_and_a_draft_is_withdrawn_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        var id = (await DraftAsync(system, talent, ct)).GetProperty("id").GetString()!;

        var unknown = await talent.PostAsJsonAsync($"/api/applications/{id}/materials", new { materialCode = "resume", walletFileId = Guid.NewGuid() }, ct);
        Assert.True((await ErrorsAsync(unknown, ct)).TryGetProperty("walletFileId", out _));

        Assert.Equal(HttpStatusCode.OK, (await talent.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { reason = "重复申请" }, ct)).StatusCode);
        var again = await talent.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { reason = "again" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Withdrawn", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_demonstration_accounts_have_applications_in_every_state_one_of_them_overdue()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        JsonElement mine = default;
        await Eventually.UntilAsync(
            async () => (mine = await talent.GetFromJsonAsync<JsonElement>("/api/applications/mine?pageSize=100", ct)).GetProperty("items").EnumerateArray()
                .Count(i => !i.GetProperty("applicantName").GetString()!.Contains("基准", StringComparison.Ordinal)) >= 15,
            TimeSpan.FromSeconds(60),
            "the demonstration applications");
        var states = mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("state").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Draft", "Submitted", "InReview", "ReturnedForSupplement", "Approved", "Withdrawn" }, states);
        Assert.Single(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("dueStatus").GetString() == "overdue");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("dueStatus").GetString() == "dueSoon");
    }

    [Fact]
    public async Task The_first_staff_member_to_answer_an_enquiry_owns_it_and_the_case_and_visits_and_figures_are_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        using var talent = await AsAsync("talent1");
        var id = (await DraftAsync(system, talent, ct)).GetProperty("id").GetString()!;
        var asked = await talent.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = Item, applicationId = id, question = "配偶在外地工作，可以先申请吗？" }, ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var enquiry = (await asked.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.True((await ErrorsAsync(await talent.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = Item, question = "" }, ct), ct)).TryGetProperty("question", out _));

        using var sti = await AsAsync("staff-sti");
        Assert.Equal(HttpStatusCode.NotFound, (await sti.PostAsJsonAsync($"/api/applications/enquiries/{enquiry}/answer", new { answer = "x" }, ct)).StatusCode);
        using var hr = await AsAsync("staff-hr");
        Assert.Contains((await hr.GetFromJsonAsync<JsonElement>("/api/applications/enquiries", ct)).EnumerateArray(), e => e.GetProperty("id").GetString() == enquiry);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/applications/enquiries/{enquiry}/answer", new { answer = "可以，先在线提交，材料齐全即可受理。" }, ct)).StatusCode);
        var owner = (await talent.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", ct)).GetProperty("owner");
        Assert.Contains("李强", owner.GetProperty("name").GetString());

        // A visit is recorded on a case in progress; figures are for operators.
        string? submitted = null;
        await Eventually.UntilAsync(
            async () => (submitted = (await talent.GetFromJsonAsync<JsonElement>("/api/applications/mine?state=Submitted&pageSize=1", ct)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()).FirstOrDefault()) is not null,
            TimeSpan.FromSeconds(60),
            "a submitted application of talent1 (demonstration data)");
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsJsonAsync($"/api/applications/{submitted}/visits", new { note = "x" }, ct)).StatusCode);
        using var op = await AsAsync("operator1");
        var before = (await op.GetFromJsonAsync<JsonElement>($"/api/applications/{submitted}", ct)).GetProperty("inPersonVisits").GetInt32();
        var lead = (await op.GetFromJsonAsync<JsonElement>($"/api/applications/{submitted}", ct)).GetProperty("leadDepartment").GetString();
        using var leadStaff = await AsAsync(lead == "STI" ? "staff-sti" : "staff-hr");
        Assert.Equal(HttpStatusCode.OK, (await leadStaff.PostAsJsonAsync($"/api/applications/{submitted}/visits", new { note = "现场核验原件" }, ct)).StatusCode);
        Assert.Equal(before + 1, (await op.GetFromJsonAsync<JsonElement>($"/api/applications/{submitted}", ct)).GetProperty("inPersonVisits").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/applications/figures", ct)).StatusCode);
        var figures = await op.GetFromJsonAsync<JsonElement>("/api/applications/figures", ct);
        // Cases submitted ten days ago or earlier are the demonstration data's alone (tests never backdate): thirteen, of
        // which nine decided (six approved, three denied), whichever department each item fell to and whatever other tests did.
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var demo = await op.GetFromJsonAsync<JsonElement>($"/api/applications/figures?to={until:yyyy-MM-dd}", ct);
        var departments = demo.GetProperty("byDepartment").EnumerateArray().ToList();
        Assert.Equal(13, demo.GetProperty("total").GetInt32());
        Assert.Equal(13, departments.Sum(d => d.GetProperty("total").GetInt32()));
        Assert.Equal(9, departments.Sum(d => d.GetProperty("decided").GetInt32()));
        Assert.True(figures.GetProperty("total").GetInt32() >= 13, "all figures include the demonstration cases");
    }
}
