using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>The pages of a signed-in talent, in a real browser through the gateway: accessible in both languages, at both widths.</summary>
public sealed class PortalSignedInPagesTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Every_page_of_a_signed_in_talent_has_no_serious_accessibility_violation_in_Chinese_and_English_on_a_phone_and_a_desk()
    {
        var ct = TestContext.Current.CancellationToken;
        // Something on each detail page: a draft application, a ticket, a demand, all of talent1's.
        using var applications = system.As((await system.SignInAsync("talent1", "applications")).AccessToken!);
        using var feedback = system.As((await system.SignInAsync("talent1", "feedback")).AccessToken!);
        using var matching = system.As((await system.SignInAsync("talent1", "matching")).AccessToken!);
        HttpResponseMessage created = null!;
        await Eventually.UntilAsync(
            async () => (created = await applications.PostAsJsonAsync("/api/applications", new { itemCode = "TALENT-APARTMENT" }, ct)).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30), "TALENT-APARTMENT in applications' catalogue copy");
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        await Eventually.UntilAsync(
            async () => (created = await feedback.PostAsJsonAsync("/api/feedback/tickets", new { kind = "question", category = "other", title = "人才公寓多久能入住？", body = "申请通过后多久可以入住？", itemCode = "TALENT-APARTMENT" }, ct)).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30), "TALENT-APARTMENT in feedback's catalogue copy");
        var ticketId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        created = await matching.PostAsJsonAsync("/api/matching/demands", new
        {
            domains = new[] { "intelligent-connected-vehicles" }, stage = "research", serviceTypes = new[] { "life" }, description = "人才公寓和子女入学（门户测试）", language = "zh",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var demandId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();

        SweptPage[] pages =
        [
            new("/cases", Screenshot: "cases"), new($"/cases/{caseId}", Screenshot: "case"), new("/apply/TALENT-APARTMENT", Screenshot: "apply"),
            new("/feedback", Screenshot: "feedback"), new("/feedback/tickets/new", Screenshot: "ticket-new"), new($"/feedback/tickets/{ticketId}", Screenshot: "ticket"),
            new("/matching", Screenshot: "matching"), new("/matching/demands/new", Screenshot: "demand-new"), new($"/matching/demands/{demandId}", Screenshot: "demand"),
            new("/matching/proposals", Screenshot: "proposals"), new("/notifications", Screenshot: "notifications"),
            new("/enquiries?item=SPOUSE-EMPLOYMENT", Screenshot: "enquiries"),
        ];
        var problems = await (await system.BrowserAsync()).SweepAsync(system.GatewayAddress, "talent1", pages);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
