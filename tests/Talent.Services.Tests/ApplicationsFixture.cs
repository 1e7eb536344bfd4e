extern alias applications;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using applications::Talent.Applications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Catalogue;
using Talent.Contracts.People;
using Talent.ReadModels;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The applications service in-process with one published item in its catalogue copy (seeded directly): lead department
/// HOUSING, a second step by HRSS, one required upload (<c>contract</c>). Shared by a test class; each test uses its own
/// applicants, so tests do not see each other's cases.
/// </summary>
public sealed class ApplicationsFixture : IAsyncLifetime
{
    public const string Lead = "HOUSING";
    public const string StepDepartment = "HRSS";

    /// <summary>Unique per fixture: the service keeps flow cards in memory by code and version, across hosts in one process.</summary>
    public string ItemCode { get; } = $"HARDEN-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public ServiceHost<applications::Program> Host { get; private set; } = null!;

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();

    public async ValueTask InitializeAsync()
    {
        // A small upload limit: archives are judged against ten times it.
        Host = await ServiceHost<applications::Program>.StartAsync("applications", ("Applications:MaxUploadBytes", "1048576"));
        var card = new FlowCardSnapshot(
            [], [new MaterialSnapshot("contract", "劳动合同", "Labour contract", "electronic", 0, true, false, null)],
            [new StepSnapshot(1, "受理审核", null, Lead, 2, true), new StepSnapshot(2, "资格复核", null, StepDepartment, 3, true)],
            15, 7, 0, true, true, [], [], "023-6800 1003");
        var published = new CatalogueItemPublished(Guid.CreateVersion7(), DateTimeOffset.UtcNow, ItemCode, 1, "人才安居", "Talent housing", Lead, "life", [], card);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        db.CatalogueItems.Add(CatalogueItemCopy.From(published, DateTimeOffset.UtcNow));
        db.CatalogueVersions.Add(CatalogueVersionCopy.From(published));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>How many applications the database holds for this applicant (whoever filed them).</summary>
    public async Task<int> ApplicationsOfAsync(string applicantId)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Applications.CountAsync(a => a.ApplicantId == applicantId, TestContext.Current.CancellationToken);
    }

    /// <summary>Puts a person in the people directory directly, as if identity had announced them.</summary>
    public async Task SeedPersonAsync(string subject, string name, string[] roles, string? department = null, string? applicantKind = null, bool disabled = false)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        db.People.Add(PersonCopy.From(new PersonChanged(Guid.CreateVersion7(), DateTimeOffset.UtcNow, subject, name, roles, department, applicantKind, disabled), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public HttpClient Applicant(string subject) => Host.ClientAs(TestTokens.Applicant("applications", subject));

    public HttpClient Staff(string department, string subject) => Host.ClientAs(TestTokens.Staff("applications", department, subject));

    /// <summary>A new draft of the item, by an applicant online.</summary>
    public async Task<Guid> DraftAsync(HttpClient applicant)
    {
        var response = await applicant.PostAsJsonAsync("/api/applications", new { itemCode = ItemCode }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a file as the <c>contract</c> material.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string fileName = "contract.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent("contract"), "materialCode" }, { file, "file", fileName } };
        return client.PostAsync($"/api/applications/{id}/materials", form, TestContext.Current.CancellationToken);
    }

    /// <summary>A draft with its contract attached, ready to submit.</summary>
    public async Task<Guid> CompleteDraftAsync(HttpClient applicant)
    {
        var id = await DraftAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(applicant, id, Pdf)).StatusCode);
        return id;
    }

    /// <summary>A case submitted by <c>{prefix}-applicant</c> and accepted by <c>{prefix}-owner</c> of the lead department (its owner).</summary>
    public async Task<(Guid Id, HttpClient Owner)> AcceptedCaseAsync(string prefix)
    {
        using var applicant = Applicant($"{prefix}-applicant");
        var id = await CompleteDraftAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(applicant, id, $"{prefix}-1")).StatusCode);
        var owner = Staff(Lead, $"{prefix}-owner");
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/applications/{id}/accept", null, TestContext.Current.CancellationToken)).StatusCode);
        return (id, owner);
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid id, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit");
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>
    /// Asserts a 4xx problem (RFC 7807) that names <paramref name="field"/>: as a validation error (<c>errors.{field}</c>)
    /// or the <c>field</c> extension. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var named = (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _))
            || (problem.TryGetProperty("field", out var named1) && named1.GetString() == field);
        Assert.True(named, $"The problem does not name '{field}': {body}");
        return problem;
    }
}
