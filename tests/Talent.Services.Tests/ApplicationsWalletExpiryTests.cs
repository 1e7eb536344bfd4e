extern alias applications;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using applications::Talent.Applications.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Talent.Contracts.Catalogue;
using Talent.ReadModels;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The wallet over HTTP on a clock the test moves: a material accepted with an approved application is reusable for a
/// year (Applications:WalletValidYears), to the day, and not the day after.
/// </summary>
public sealed class ApplicationsWalletExpiryTests
{
    private const string Lead = "HOUSING";
    private static readonly TimeSpan LongLived = TimeSpan.FromDays(800); // tokens outlive the moved clock, whichever clock checks them

    [Fact]
    public async Task An_approved_applications_file_is_in_the_wallet_for_a_year_to_the_day_and_refused_for_reuse_the_day_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start);
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications", services => services.AddSingleton<TimeProvider>(clock));
        var item = $"WALLET-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        await SeedItemAsync(host, item, start);
        using var applicant = host.ClientAs(TestTokens.For("wallet-applicant", "applications", ["applicant"], lifetime: LongLived));
        using var staff = host.ClientAs(TestTokens.For("wallet-staff", "applications", ["staff"], Lead, lifetime: LongLived));

        var id = await DraftAsync(applicant, item, ct);
        var uploaded = await ApplicationsFixture.UploadAsync(applicant, id, ApplicationsFixture.Pdf);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var fileId = (await ApplicationsFixture.JsonAsync(uploaded)).GetProperty("materials").EnumerateArray().Single().GetProperty("fileId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(applicant, id, "wallet-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/applications/{id}/accept", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/applications/{id}/steps/1/complete", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = "同意" }, ct)).StatusCode);

        // A year later, to the day: still there and reusable.
        clock.SetUtcNow(start.AddYears(1));
        Assert.Contains(await WalletAsync(applicant, ct), f => f == fileId);
        var onTheDay = await DraftAsync(applicant, item, ct);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsJsonAsync($"/api/applications/{onTheDay}/materials", new { materialCode = "contract", walletFileId = fileId }, ct)).StatusCode);

        // The day after: gone from the wallet, and reuse is refused naming the field.
        clock.SetUtcNow(start.AddYears(1).AddDays(1));
        Assert.DoesNotContain(await WalletAsync(applicant, ct), f => f == fileId);
        var dayAfter = await DraftAsync(applicant, item, ct);
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync($"/api/applications/{dayAfter}/materials", new { materialCode = "contract", walletFileId = fileId }, ct), HttpStatusCode.BadRequest, "walletFileId");
    }

    private static async Task SeedItemAsync(ServiceHost<applications::Program> host, string item, DateTimeOffset now)
    {
        var card = new FlowCardSnapshot(
            [], [new MaterialSnapshot("contract", "劳动合同", "Labour contract", "electronic", 0, true, false, null)],
            [new StepSnapshot(1, "审核", null, Lead, 2, true)], 15, 7, 0, true, true, [], [], "023-6800 1003");
        var published = new CatalogueItemPublished(Guid.CreateVersion7(), now, item, 1, "人才安居", "Talent housing", Lead, "life", [], card);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        db.CatalogueItems.Add(CatalogueItemCopy.From(published, now));
        db.CatalogueVersions.Add(CatalogueVersionCopy.From(published));
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> DraftAsync(HttpClient applicant, string item, CancellationToken ct)
    {
        var response = await applicant.PostAsJsonAsync("/api/applications", new { itemCode = item }, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    private static async Task<IReadOnlyList<Guid>> WalletAsync(HttpClient applicant, CancellationToken ct) =>
        [.. (await applicant.GetFromJsonAsync<JsonElement>("/api/applications/wallet", ct)).EnumerateArray().Select(f => f.GetProperty("id").GetGuid())];
}
