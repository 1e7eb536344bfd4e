extern alias exchange;
extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Inbound certifications (人才认定) from the exchange to matching over a real broker: a municipal system granted
/// <c>certifications</c> sends one; the person's running demand is classified again from the certified designation and
/// says so; a revocation puts the declared one back; the same certification sent again tells nobody.
/// </summary>
public sealed class ExchangeCertificationsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const string Issuer = "municipal-talent-test";

    [Fact]
    public async Task A_certification_from_a_granted_municipal_system_replaces_the_declared_designation_in_matching_and_a_revocation_puts_it_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var exchangeHost = await ServiceHost<exchange::Program>.StartAsync("exchange");
        // Matching on the exchange's virtual host (its own database): the two services' events meet on one broker.
        await using var matchingHost = await ServiceHost<matching::Program>.StartAsync("matching", exchangeHost.ReplicaSettings("exchange")[1]);
        using var issuer = exchangeHost.ClientAs(AccessPersonas.Token(Issuer, "exchange", [], scope: "exchange"));
        using var operators = exchangeHost.ClientAs(AccessPersonas.Token("demo-operator1", "exchange", ["operator"], scope: "exchange"));
        using var talent = matchingHost.ClientAs(TestTokens.Applicant("matching", "talent-certified"));

        var registered = await talent.PostAsJsonAsync("/api/matching/demands", new
        {
            domains = new[] { "biomedicine" }, stage = "pilot", serviceTypes = new[] { "financing" }, description = "融资对接", language = "zh", talentDesignation = "high-level",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var demand = await registered.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(("B", "selfDeclared"), (demand.GetProperty("tier").GetString(), demand.GetProperty("designationSource").GetString()));

        var certification = new { personId = "talent-certified", programme = "golden-phoenix", designation = "leading", certifiedOn = "2026-03-01", validUntil = "2029-02-28" };
        var refused = await issuer.PutAsJsonAsync("/exchange/v1/certifications/GP-2026-0001", certification, ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("service", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, (await operators.PutAsJsonAsync($"/exchange/v1/admin/clients/{Issuer}/grants",
            new { services = new[] { "certifications" }, reason = "市人才系统推送人才认定 Certifications" }, ct)).StatusCode);

        // Bad input names its field; nothing is kept.
        var invalid = await issuer.PutAsJsonAsync("/exchange/v1/certifications/GP-2026-0001", certification with { designation = "genius" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("designation", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await issuer.GetAsync("/exchange/v1/certifications/GP-2026-0001", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await issuer.PutAsJsonAsync("/exchange/v1/certifications/GP-2026-0001", certification, ct)).StatusCode);
        var certified = await DemandWhenAsync(talent, d => d.GetProperty("designationSource").GetString() == "certified", "the demand classified from the certification", ct);
        Assert.Equal("A", certified.GetProperty("tier").GetString());
        Assert.Equal(3, certified.GetProperty("providersWanted").GetInt32());
        Assert.Contains("certified designation: leading (golden-phoenix, municipal-talent-test, 2026-03-01)", certified.GetProperty("tierReason").GetString());

        // The same again: 200, nothing new told; the revocation puts the declared designation back.
        var again = await issuer.PutAsJsonAsync("/exchange/v1/certifications/GP-2026-0001", certification, ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await issuer.PutAsJsonAsync("/exchange/v1/certifications/GP-2026-0001", new
        {
            certification.personId, certification.programme, certification.designation, certification.certifiedOn, certification.validUntil, revoked = true,
        }, ct)).StatusCode);
        var revoked = await DemandWhenAsync(talent, d => d.GetProperty("designationSource").GetString() == "selfDeclared", "the demand classified again after the revocation", ct);
        Assert.Equal("B", revoked.GetProperty("tier").GetString());
        var held = await issuer.GetFromJsonAsync<JsonElement>("/exchange/v1/certifications/GP-2026-0001", ct);
        Assert.True(held.GetProperty("revoked").GetBoolean());

        // Two changes told (created, revoked), not three: the identical put recorded no event.
        await using var scope = exchangeHost.Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<exchange::Talent.Exchange.Data.ExchangeDbContext>().Set<global::Talent.Messaging.Outbox.OutboxMessage>();
        Assert.Equal(2, await outbox.CountAsync(m => m.MessageType.Contains("TalentCertified"), ct));
    }

    private static async Task<JsonElement> DemandWhenAsync(HttpClient talent, Func<JsonElement, bool> condition, string what, CancellationToken ct)
    {
        JsonElement demand = default;
        await Eventually.UntilAsync(async () =>
        {
            demand = (await talent.GetFromJsonAsync<JsonElement>("/api/matching/demands/mine", ct))[0];
            return condition(demand);
        }, Deadline, what);
        return demand;
    }
}
