extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using matching::Talent.Matching.Engagements;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Talent.Services.Tests.MatchingTestData;

namespace Talent.Services.Tests;

/// <summary>Free text in matching is bounded by its column: longer answers 400 naming the field, and nothing is written.</summary>
public sealed class MatchingInputTests
{
    [Fact]
    public async Task A_profile_or_demand_with_text_longer_than_its_column_is_refused_naming_the_field_and_nothing_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");

        using var broker = host.ClientAs(TestTokens.For("broker-long", "matching", ["broker"]));
        var profile = await broker.PutAsJsonAsync("/api/matching/providers/me", new
        {
            name = "孙悦",
            team = "broker",
            organisation = "测试孵化器",
            organisationKind = "incubator",
            department = new string('部', 21),
            domains = new[] { "biomedicine" },
            serviceTypes = new[] { "financing" },
            stages = new[] { "pilot" },
            languages = new[] { "zh" },
            capacity = 3,
        }, ct);
        await AssertFieldAsync(profile, "department", ct);
        Assert.Equal(HttpStatusCode.NotFound, (await broker.GetAsync("/api/matching/providers/me", ct)).StatusCode);

        using var talent = host.ClientAs(TestTokens.Applicant("matching", "talent-long"));
        object Demand(string? designation, string description) => new
        {
            domains = new[] { "biomedicine" },
            stage = "pilot",
            serviceTypes = new[] { "financing" },
            description,
            language = "zh",
            talentDesignation = designation,
        };
        await AssertFieldAsync(await talent.PostAsJsonAsync("/api/matching/demands", Demand(new string('x', 41), "融资"), ct), "talentDesignation", ct);
        await AssertFieldAsync(await talent.PostAsJsonAsync("/api/matching/demands", Demand("leading", new string('需', 2001)), ct), "description", ct);
        Assert.Equal(0, (await talent.GetFromJsonAsync<JsonElement>("/api/matching/demands/mine", ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_decline_reason_milestone_note_or_outcome_out_of_bounds_is_refused_naming_the_field_and_nothing_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var provider = Broker("broker-notes", 5);
        var (first, second) = (TierA("talent-a"), TierA("talent-b"));
        var (accepted, declined) = (Proposal.For(first.Id, provider.Id, 500, null, Now), Proposal.For(second.Id, provider.Id, 500, null, Now));
        await AddAsync(services, [provider, first, second, accepted, declined], ct);
        using var broker = host.ClientAs(TestTokens.For(provider.UserId!, "matching", ["broker"]));

        await AssertFieldAsync(await broker.PostAsJsonAsync($"/api/matching/proposals/{declined.Id}/decline", new { reason = new string('忙', 501) }, ct), "reason", ct);
        Assert.Equal(ProposalState.Proposed, await ReadAsync(services, db => db.Proposals.Where(p => p.Id == declined.Id).Select(p => p.State).SingleAsync(ct)));

        var engagement = (await (await broker.PostAsync($"/api/matching/proposals/{accepted.Id}/accept", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var milestones = $"/api/matching/engagements/{engagement}/milestones";
        await AssertFieldAsync(await broker.PostAsJsonAsync(milestones, new { milestone = "firstContact", note = new string('记', 2001) }, ct), "note", ct);
        await AssertFieldAsync(await broker.PostAsJsonAsync(milestones, new { milestone = "firstContact", outcome = new string('o', 5000) }, ct), "outcome", ct);
        Assert.Empty(await ReadAsync(services, db => db.Engagements.Where(e => e.Id == engagement).Select(e => e.Milestones).SingleAsync(ct)));
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors.{field} missing: {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Any(c => c > 0x2E80)); // in Chinese as well
    }
}
