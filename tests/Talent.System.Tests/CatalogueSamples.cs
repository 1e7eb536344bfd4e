using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Talent.SystemTests;

/// <summary>Drafts as a department would write them, and publishing one through the editing workflow.</summary>
public static class CatalogueSamples
{
    /// <summary>The codes of a search's first three items.</summary>
    public static async Task<List<string>> TopCodesAsync(HttpClient client, string query, CancellationToken ct)
    {
        var result = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/catalogue/items?q={Uri.EscapeDataString(query)}&pageSize=3", ct);
        return [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }

    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public static object Draft(string code, int committed = 5, int statutory = 20, string titleZh = "人才配偶就业", string leadDepartment = "HRSS") => new
    {
        code,
        content = new
        {
            titleZh, titleEn = "Spouse employment", summaryZh = "为人才配偶推荐就业岗位。", category = "life",
            audience = new[] { "everyone" }, serviceItems = new[] { "SI-SPOUSE-EMPLOYMENT-1" }, leadDepartment, keywords = new[] { "配偶", "爱人工作" },
        },
        flowCard = new
        {
            eligibility = new[] { "区内人才的配偶" },
            materials = new[] { new { code = "ID", nameZh = "身份证", form = "electronic", copies = 1, required = true, source = "applicant" } },
            steps = new[]
            {
                new { order = 1, nameZh = "受理", department = leadDepartment, limitDays = 1, countsTowardLimit = true },
                new { order = 2, nameZh = "岗位推荐", department = leadDepartment, limitDays = 3, countsTowardLimit = true },
            },
            statutoryLimitDays = statutory,
            committedLimitDays = committed,
            inPersonVisits = 0,
            legalBasis = new[] { "POL-SPOUSE-EMPLOYMENT" },
            form = new[] { new { code = "spouseName", labelZh = "配偶姓名", type = "text", required = true, order = 1, options = Array.Empty<object>() } },
        },
    };

    /// <summary>Drafts (as <paramref name="editor"/>), submits, and publishes (as <paramref name="publisher"/>, an operator).</summary>
    public static async Task PublishAsync(HttpClient editor, HttpClient publisher, object draft, CancellationToken ct)
    {
        var created = await editor.PostAsJsonAsync("/api/catalogue/drafts", draft, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/catalogue/drafts/{id}/submit", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsync($"/api/catalogue/drafts/{id}/publish", null, ct)).StatusCode);
    }
}
