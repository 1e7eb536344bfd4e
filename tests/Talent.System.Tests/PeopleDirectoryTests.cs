using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The people directory across services: identity announces people (<c>PersonChanged</c>), applications keeps a copy
/// and uses it for window filing, so a person created or disabled through the identity admin API is known (or refused)
/// there shortly after, without applications ever calling identity.
/// </summary>
public sealed class PeopleDirectoryTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // SPOUSE-EMPLOYMENT (demonstration data): led by HRSS, so staff-hr may file it at a window.
    private const string Item = "SPOUSE-EMPLOYMENT";

    [Fact]
    public async Task A_demonstration_applicant_is_in_the_directory_and_staff_file_for_them_at_a_window()
    {
        var ct = TestContext.Current.CancellationToken;
        using var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!);
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");

        JsonElement? filed = null;
        await Eventually.UntilAsync(async () => (filed = await FileAsync(hr, "demo-talent1", ct)) is not null, Deadline, "talent1 in applications' people directory");

        Assert.Equal("window", filed!.Value.GetProperty("channel").GetString());
        Assert.Equal("张明 Zhang Ming", filed.Value.GetProperty("applicantName").GetString());
    }

    [Fact]
    public async Task A_person_created_through_the_identity_admin_API_appears_in_applications_copy_and_a_disabled_one_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "identity")).AccessToken!);
        using var hr = system.As((await system.SignInAsync("staff-hr", "applications")).AccessToken!);
        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{Item}", ct)).IsSuccessStatusCode, Deadline, "the demonstration item in applications");
        var userName = "walkin-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/identity/api/users", new
        {
            userName,
            displayName = "窗口申请人 Walk-in applicant",
            password = "Valid#2026pass",
            roles = new[] { "applicant" },
            applicantKind = "talent",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;

        // Refused (400 naming applicantId) until the copy has the person; then filed once.
        JsonElement? filed = null;
        await Eventually.UntilAsync(async () => (filed = await FileAsync(hr, id, ct)) is not null, Deadline, "the new person in applications' people directory");
        Assert.Equal(id, filed!.Value.GetProperty("applicantId").GetString());
        Assert.Equal("窗口申请人 Walk-in applicant", filed.Value.GetProperty("applicantName").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/identity/api/users/{id}/disable", null, ct)).StatusCode);
        await Eventually.UntilAsync(async () =>
        {
            using var refused = await hr.PostAsJsonAsync("/api/applications", new { itemCode = Item, applicantId = id }, ct);
            return refused.StatusCode == HttpStatusCode.BadRequest;
        }, Deadline, "the disabled person refused at the window");
    }

    /// <summary>The window draft filed for <paramref name="applicantId"/>, or null while the directory refuses them (400).</summary>
    private static async Task<JsonElement?> FileAsync(HttpClient staff, string applicantId, CancellationToken ct)
    {
        using var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = Item, applicantId }, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
