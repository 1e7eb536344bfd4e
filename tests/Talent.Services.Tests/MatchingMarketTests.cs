extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using matching::Talent.Matching.Data;
using matching::Talent.Matching.Demands;
using matching::Talent.Matching.Engagements;
using matching::Talent.Matching.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Market resources (导入市场资源) over HTTP on a real database: operators bring in a law firm, approve it, and it is
/// listed and ranked like the three teams; having no account here, operators answer its proposals for it (audited),
/// and nobody else can.
/// </summary>
public sealed class MatchingMarketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object LawFirm(string kind = "law-firm") => new
    {
        name = "重庆示例律师事务所（测试）", team = "broker", organisation = "重庆示例律师事务所", organisationKind = kind, policyAreas = Array.Empty<string>(),
        domains = new[] { "biomedicine" }, serviceTypes = new[] { "intellectual-property" }, stages = new[] { "pilot", "commercialisation" }, languages = new[] { "zh", "en" },
        capacity = 10, available = true, seniority = 3, introduction = "知识产权与投融资法律服务；联系电话 023-6800 9999",
    };

    [Fact]
    public async Task An_imported_law_firm_is_approved_ranked_for_a_demand_and_its_proposal_answered_by_an_operator_alone()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        using var operators = host.ClientAs(TestTokens.Operator("matching", "market-operator"));

        await ApplicationsFixture.AssertProblemAsync(await operators.PostAsJsonAsync("/api/matching/providers/market", LawFirm("incubator"), Ct), HttpStatusCode.BadRequest, "organisationKind");
        var imported = await operators.PostAsJsonAsync("/api/matching/providers/market", LawFirm(), Ct);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var firm = await imported.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("market", "pending"), (firm.GetProperty("team").GetString(), firm.GetProperty("status").GetString()));
        var id = firm.GetProperty("id").GetString();

        using var talent = host.ClientAs(TestTokens.Applicant("matching", "market-talent"));
        Assert.Equal(0, (await talent.GetFromJsonAsync<JsonElement>("/api/matching/providers?team=market", Ct)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await operators.PostAsync($"/api/matching/providers/{id}/approve", null, Ct)).StatusCode);
        Assert.Equal(1, (await talent.GetFromJsonAsync<JsonElement>("/api/matching/providers?team=market", Ct)).GetProperty("total").GetInt32());

        // A legal need: the firm is among its candidates, as any provider would be.
        var registered = await talent.PostAsJsonAsync("/api/matching/demands", new
        {
            domains = new[] { "biomedicine" }, stage = "pilot", serviceTypes = new[] { "intellectual-property" }, description = "专利许可合同审查", language = "zh",
        }, Ct);
        var demand = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var candidates = await talent.GetFromJsonAsync<JsonElement>($"/api/matching/demands/{demand}/candidates?top=50", Ct);
        Assert.Contains(candidates.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("provider").GetProperty("id").GetString() == id);

        Guid proposal;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            var made = Proposal.For(demand, Guid.Parse(id!), 80, null, DateTimeOffset.UtcNow);
            db.Proposals.Add(made);
            (await db.Demands.SingleAsync(d => d.Id == demand, Ct)).Matched();
            await db.SaveChangesAsync(Ct);
            proposal = made.Id;
        }

        using var broker = host.ClientAs(TestTokens.For("market-broker", "matching", ["broker"]));
        Assert.Equal(HttpStatusCode.NotFound, (await broker.PostAsync($"/api/matching/proposals/{proposal}/accept", null, Ct)).StatusCode);
        var waiting = await operators.GetFromJsonAsync<JsonElement>("/api/matching/proposals/market", Ct);
        Assert.Contains(waiting.EnumerateArray(), p => p.GetProperty("proposal").GetProperty("id").GetGuid() == proposal && p.GetProperty("providerName").GetString() == "重庆示例律师事务所（测试）");
        var accepted = await operators.PostAsync($"/api/matching/proposals/{proposal}/accept", null, Ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(Ct));

        await using var check = host.Factory.Services.CreateAsyncScope();
        var read = check.ServiceProvider.GetRequiredService<MatchingDbContext>();
        Assert.Equal(1, await read.Engagements.CountAsync(e => e.ProposalId == proposal, Ct));
        Assert.Equal(1, await read.Audit.CountAsync(a => a.Action == "proposal.answered-for-market" && a.Subject == proposal.ToString(), Ct));
        Assert.Equal(1, await read.Audit.CountAsync(a => a.Action == "provider.imported" && a.Subject == id, Ct));
    }
}
