extern alias applications;
extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Catalogue;
using Talent.ReadModels;
using Xunit;
using ApplicationsDb = applications::Talent.Applications.Data.ApplicationsDbContext;
using CatalogueDb = catalogue::Talent.Catalogue.Data.CatalogueDbContext;

namespace Talent.Services.Tests;

/// <summary>
/// Records the access probes and the bad-input corpus work on, made through each service's API as their owner would
/// (only the applications service's copy of a published item is seeded straight into its database, as if the catalogue
/// had announced it).
/// </summary>
public static class AccessRecords
{
    /// <summary>A published item in the applications service's catalogue copy, led by <paramref name="lead"/> with one step of it, no uploads required.</summary>
    public static async Task<string> PublishedItemAsync(IServiceProvider services, string lead)
    {
        var code = $"ACCESS-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var card = new FlowCardSnapshot(
            [], [new MaterialSnapshot("contract", "劳动合同", "Labour contract", "electronic", 0, false, false, null)],
            [new StepSnapshot(1, "受理审核", null, lead, 2, true)],
            15, 7, 0, true, true, [], [], "023-6800 1003");
        var published = new CatalogueItemPublished(Guid.CreateVersion7(), DateTimeOffset.UtcNow, code, 1, "人才安居", "Talent housing", lead, "life", [], card);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
        db.CatalogueItems.Add(CatalogueItemCopy.From(published, DateTimeOffset.UtcNow));
        db.CatalogueVersions.Add(CatalogueVersionCopy.From(published));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return code;
    }

    /// <summary>A draft application of the item by the client's applicant (staff filing at a window name an applicant).</summary>
    public static Task<Guid> DraftApplicationAsync(HttpClient client, string itemCode) =>
        CreatedIdAsync(client, "/api/applications", new { itemCode, applicantId = "demo-talent1", applicantName = "张明 Zhang Ming" });

    /// <summary>Submits a draft (every material optional in <see cref="PublishedItemAsync"/>'s item).</summary>
    public static async Task SubmitApplicationAsync(HttpClient client, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Submitting {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>An enquiry about the item by the client's applicant (it goes to the item's lead department).</summary>
    public static Task<Guid> EnquiryAsync(HttpClient client, string itemCode) =>
        CreatedIdAsync(client, "/api/applications/enquiries", new { itemCode, question = "需要提交哪些材料？" });

    /// <summary>A ticket about talent policy (routed to HRSS) opened by the client's applicant.</summary>
    public static Task<Guid> TicketAsync(HttpClient client) =>
        CreatedIdAsync(client, "/api/feedback/tickets", new { kind = "question", category = "talent-policy", title = "人才公寓申请条件", body = "请问申请人才公寓需要什么条件？" });

    /// <summary>A financing demand registered by the client's applicant.</summary>
    public static Task<Guid> DemandAsync(HttpClient client) =>
        CreatedIdAsync(client, "/api/matching/demands", new
        {
            domains = new[] { "biomedicine" }, stage = "pilot", serviceTypes = new[] { "financing" }, description = "融资对接（访问测试）",
            language = "zh", urgency = "high", talentDesignation = "distinguished",
        });

    /// <summary>The codes of the catalogue's demonstration items (the host started with <c>Catalogue:DemoData</c>).</summary>
    public static async Task<List<string>> CatalogueItemCodesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Versions.Select(v => v.Code).Distinct().OrderBy(c => c).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The next version's draft of a published item, started by an editor.</summary>
    public static Task<Guid> CatalogueDraftAsync(HttpClient client, string code) => CreatedIdAsync(client, $"/api/catalogue/items/{code}/drafts", null);

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string path, object? body)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = body is null ? await client.PostAsync(path, null, ct) : await client.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
