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

    [Fact]
    public async Task Staff_find_an_applicant_by_name_or_account_and_colleagues_by_department_never_a_disabled_one_and_nobody_else_may_look()
    {
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications");
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        var at = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..6];
        PersonChanged[] people =
        [
            new(Guid.CreateVersion7(), at, $"lookup-{tag}-1", $"王小明{tag}", ["applicant"], null, "talent", false),
            new(Guid.CreateVersion7(), at, $"lookup-{tag}-2", $"王小红{tag}", ["applicant"], null, "enterprise", false),
            new(Guid.CreateVersion7(), at, $"lookup-{tag}-3", $"王离职{tag}", ["applicant"], null, "talent", true),
            new(Guid.CreateVersion7(), at, $"lookup-{tag}-4", $"王科员{tag}", ["staff"], "HRSS", null, false),
            new(Guid.CreateVersion7(), at, $"lookup-{tag}-5", $"王处长{tag}", ["staff"], "STI", null, false),
        ];
        foreach (var person in people)
        {
            await bus.Publish(person, Ct);
        }

        await Eventually.UntilAsync(async () => await PersonAsync(host, $"lookup-{tag}-5") is not null && await PersonAsync(host, $"lookup-{tag}-3") is not null, TimeSpan.FromSeconds(30), "the people in the copy");
        using var staff = host.ClientAs(TestTokens.Staff("applications", "HRSS"));

        // By part of the name: both active applicants, neither the disabled one nor staff; by account: that one.
        var found = await staff.GetFromJsonAsync<JsonElement>($"/api/applications/people?role=applicant&q={Uri.EscapeDataString("王小")}&pageSize=100", Ct);
        var subjects = found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("subject").GetString()).Where(s => s!.StartsWith($"lookup-{tag}", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"lookup-{tag}-1", $"lookup-{tag}-2"], subjects.Order(StringComparer.Ordinal));
        var one = await staff.GetFromJsonAsync<JsonElement>($"/api/applications/people?role=applicant&q=lookup-{tag}-2", Ct);
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        Assert.Equal("enterprise", one.GetProperty("items")[0].GetProperty("applicantKind").GetString());
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"/api/applications/people?role=applicant&q=lookup-{tag}-3", Ct)).GetProperty("total").GetInt32());
        // A pattern character is a character: "%" finds nobody rather than everybody.
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/api/applications/people?role=applicant&q=%25%25", Ct)).GetProperty("total").GetInt32());

        // Colleagues of one department, without a query (as the hand-over list asks); and narrowed by a query.
        var sti = await staff.GetFromJsonAsync<JsonElement>("/api/applications/people?role=staff&department=STI&pageSize=100", Ct);
        var stiStaff = sti.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(stiStaff, p => p.GetProperty("subject").GetString() == $"lookup-{tag}-5");
        Assert.All(stiStaff, p => Assert.Equal("STI", p.GetProperty("department").GetString()));
        var narrowed = await staff.GetFromJsonAsync<JsonElement>($"/api/applications/people?role=staff&department=STI&q={tag}", Ct);
        Assert.Equal([$"lookup-{tag}-5"], narrowed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("subject").GetString()));

        // Never the whole register, never an unknown role; nobody but staff may look.
        var tooShort = await staff.GetAsync("/api/applications/people?role=applicant&q=王", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("q", out _));
        var noRole = await staff.GetAsync("/api/applications/people?q=王小", Ct);
        Assert.True((await noRole.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("role", out _));
        using var applicant = host.ClientAs(TestTokens.Applicant("applications"));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/applications/people?role=applicant&q=王小", Ct)).StatusCode);
        using var anonymous = host.ClientAs(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/applications/people?role=applicant&q=王小", Ct)).StatusCode);
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
