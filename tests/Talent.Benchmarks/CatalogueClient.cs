using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talent.Benchmarks;

/// <summary>Publishing an item the way departments do: draft, submit, publish (as the demonstration operator).</summary>
public static class CatalogueClient
{
    public static object Draft(string code, string titleZh, string titleEn, string summaryZh, string category, string[] stages, string department, string[] keywords) => new
    {
        code,
        content = new { titleZh, titleEn, summaryZh, category, stages, audience = new[] { "everyone" }, serviceItems = Array.Empty<string>(), leadDepartment = department, keywords },
        flowCard = new
        {
            eligibility = new[] { "基准测试数据 benchmark data" },
            materials = new[] { new { code = "id-card", nameZh = "居民身份证", nameEn = "Resident ID card", form = "electronic", copies = 0, required = true, source = "departmentData", sourceDepartment = "POLICE" } },
            steps = new[] { new { order = 1, nameZh = "受理", department, limitDays = 1, countsTowardLimit = true }, new { order = 2, nameZh = "审核", department, limitDays = 4, countsTowardLimit = true } },
            statutoryLimitDays = 20,
            committedLimitDays = 5,
            inPersonVisits = 0,
            form = new[] { new { code = "contactName", labelZh = "联系人", type = "text", required = true, order = 1, options = Array.Empty<object>() } },
        },
    };

    public static async Task PublishAsync(HttpClient http, object draft)
    {
        using var created = await http.PostAsJsonAsync("/api/catalogue/drafts", draft);
        await Expect(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var submitted = await http.PostAsync($"/api/catalogue/drafts/{id}/submit", null);
        await Expect(submitted, HttpStatusCode.OK);
        using var published = await http.PostAsync($"/api/catalogue/drafts/{id}/publish", null);
        await Expect(published, HttpStatusCode.OK);
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
