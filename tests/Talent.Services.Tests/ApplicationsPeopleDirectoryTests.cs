extern alias applications;
extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using applications::Talent.Applications.Data;
using identity::Talent.Identity.Data;
using identity::Talent.Identity.People;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.People;
using Talent.Messaging.Outbox;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The people directory applications keeps: identity records <c>PersonChanged</c> in its outbox with every change of a
/// person and announces everyone once per generation; applications' copy takes the events, the newest winning.
/// </summary>
public sealed class ApplicationsPeopleDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identity_records_PersonChanged_with_each_create_update_and_disable_through_the_admin_API()
    {
        await using var host = await StartIdentityAsync();
        using var admin = await OperatorAsync(host);

        var created = await admin.PostAsJsonAsync("/identity/api/users",
            new { userName = "walkin-window", displayName = "窗口申请人 Walk-in", password = "Valid#2026pass", roles = new[] { "applicant" }, applicantKind = "talent" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/identity/api/users/{id}", new { roles = new[] { "applicant", "staff" }, departmentCode = "HRSS" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/identity/api/users/{id}/disable", null, Ct)).StatusCode);

        var events = (await PersonEventsAsync(host)).Where(e => e.Subject == id).OrderBy(e => e.OccurredAt).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(["applicant"], events[0].Roles);
        Assert.Equal("窗口申请人 Walk-in", events[0].DisplayName);
        Assert.Equal("talent", events[0].ApplicantKind);
        Assert.Equal(["applicant", "staff"], events[1].Roles);
        Assert.Equal("HRSS", events[1].Department);
        Assert.False(events[1].Disabled);
        Assert.True(events[2].Disabled);
    }

    [Fact]
    public async Task Replicas_starting_together_announce_every_person_once_per_generation_demonstration_accounts_included()
    {
        await using var host = await StartIdentityAsync();
        var people = await PersonEventsAsync(host);
        Assert.Contains(people, e => e.Subject == "demo-talent1" && e.Roles.SequenceEqual(["applicant"]));
        Assert.Contains(people, e => e.Subject == "demo-staff-hr" && e.Department == "HRSS");

        int users;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            users = await db.Users.CountAsync(Ct);
            Assert.Equal(users, people.Select(e => e.Subject).Distinct().Count());
            // As if this generation had never been announced: no marker, nothing recorded.
            await db.Audit.Where(a => a.Action == PeopleAnnouncement.Action).ExecuteDeleteAsync(Ct);
            await db.Set<OutboxMessage>().ExecuteDeleteAsync(Ct);
        }

        var time = host.Factory.Services.GetRequiredService<TimeProvider>();
        var announced = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            return await PeopleAnnouncement.AnnounceOnceAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), time, Ct);
        }));

        Assert.Equal([0, 0, users], announced.Order());
        Assert.Equal(users, (await PersonEventsAsync(host)).Count);
    }

    [Fact]
    public async Task Applications_copies_a_person_from_PersonChanged_and_keeps_the_newest()
    {
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications");
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        // PostgreSQL keeps microseconds.
        var at = DateTimeOffset.UnixEpoch.AddMicroseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000L);

        await bus.Publish(new PersonChanged(Guid.CreateVersion7(), at, "people-1", "李强", ["staff"], "HRSS", null, false), Ct);
        await Eventually.UntilAsync(async () => await PersonAsync(host, "people-1") is { Department: "HRSS" }, TimeSpan.FromSeconds(30), "the person in the copy");

        // An older change arriving late is ignored; a newer one wins.
        await bus.Publish(new PersonChanged(Guid.CreateVersion7(), at.AddMinutes(-1), "people-1", "旧名", ["applicant"], null, "talent", false), Ct);
        await bus.Publish(new PersonChanged(Guid.CreateVersion7(), at.AddMinutes(1), "people-1", "李强", ["staff"], "STI", null, true), Ct);
        await Eventually.UntilAsync(async () => await PersonAsync(host, "people-1") is { Disabled: true }, TimeSpan.FromSeconds(30), "the newer change");

        var person = await PersonAsync(host, "people-1");
        Assert.Equal("STI", person!.Department);
        Assert.Equal(["staff"], person.Roles);
        Assert.Equal(at.AddMinutes(1), person.ChangedAt);
    }

    private static Task<ServiceHost<identity::Program>> StartIdentityAsync() =>
        ServiceHost<identity::Program>.StartAsync("identity",
            ("Identity:DemoData", "true"), ("Identity:RequireHttps", "false"), ("Identity:Issuer", "http://localhost/identity/"));

    /// <summary>operator1 (a demonstration account) with a token for the identity admin API, by the password flow.</summary>
    private static async Task<HttpClient> OperatorAsync(ServiceHost<identity::Program> host)
    {
        var client = host.Factory.CreateClient();
        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "talent-dev",
            ["username"] = "operator1",
            ["password"] = "Talent#2026",
            ["scope"] = "identity",
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Every PersonChanged in identity's outbox, sent or not.</summary>
    private static async Task<List<PersonChanged>> PersonEventsAsync(ServiceHost<identity::Program> host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var bodies = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType == typeof(PersonChanged).FullName).Select(m => m.Body).ToListAsync(Ct);
        return [.. bodies.Select(b => JsonSerializer.Deserialize<PersonChanged>(b, JsonSerializerOptions.Web)!)];
    }

    private static async Task<Talent.ReadModels.PersonCopy?> PersonAsync(ServiceHost<applications::Program> host, string subject)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().People.AsNoTracking().SingleOrDefaultAsync(p => p.Subject == subject, Ct);
    }
}
