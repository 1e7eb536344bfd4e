using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>The directory as the public sees it through the gateway: search over the demonstration items, JSON-LD, synonyms.</summary>
public sealed partial class CatalogueSearchTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Anyone_searches_the_demonstration_directory_in_everyday_Chinese_and_gets_items_snippets_facets_and_a_total()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/items?q=" + Uri.EscapeDataString("爱人工作") + "&pageSize=5", ct);

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("SPOUSE-EMPLOYMENT", items.Take(3).Select(i => i.GetProperty("code").GetString()));
        var spouse = items.First(i => i.GetProperty("code").GetString() == "SPOUSE-EMPLOYMENT");
        Assert.Equal("人才配偶就业一件事", spouse.GetProperty("titleZh").GetString());
        Assert.Equal("Spouse employment", spouse.GetProperty("titleEn").GetString());
        Assert.Contains("<em>", spouse.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, spouse.GetProperty("stages").ValueKind);
        Assert.True(result.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(1, result.GetProperty("page").GetInt32());
        Assert.True(result.GetProperty("facets").GetProperty("category").GetArrayLength() >= 1);

        var all = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/items?category=life&pageSize=50", ct);
        Assert.True(all.GetProperty("total").GetInt32() >= 11);
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal("life", i.GetProperty("category").GetString()));
        Assert.Contains("TALENT-APARTMENT", await CatalogueSamples.TopCodesAsync(system.Gateway, "公寓", ct));
        Assert.Contains("CHILD-SCHOOLING", await CatalogueSamples.TopCodesAsync(system.Gateway, "小孩上学", ct));
    }

    [Fact]
    public async Task Search_parameters_out_of_range_are_refused_naming_the_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var (query, field) in new[] { ("pageSize=500", "pageSize"), ("page=0", "page"), ("stage=teenage", "stage"), ("category=food", "category"), ("page=60&pageSize=50", "page"), ("q=" + new string('x', 201), "q") })
        {
            var response = await system.Gateway.GetAsync($"/api/catalogue/items?{query}", ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Fact]
    public async Task A_published_item_is_found_at_once_and_a_withdrawn_one_no_longer()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        var code = CatalogueSamples.NewCode("SRCH");
        var word = "量子" + code[^4..];
        await CatalogueSamples.PublishAsync(admin, admin, CatalogueSamples.Draft(code, titleZh: $"{word}人才服务"), ct);

        Assert.Equal([code], await CatalogueSamples.TopCodesAsync(system.Gateway, word, ct));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/catalogue/items/{code}/withdraw", new { reason = "测试下架 test withdrawal" }, ct)).StatusCode);
        Assert.Empty(await CatalogueSamples.TopCodesAsync(system.Gateway, word, ct));
    }

    [Fact]
    public async Task An_item_is_also_a_CPSV_AP_public_service_in_JSON_LD()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/items/TALENT-APARTMENT");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        var response = await system.Gateway.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        var context = doc.GetProperty("@context");
        Assert.Equal("http://purl.org/vocab/cpsv#", context.GetProperty("cpsv").GetString());
        Assert.Equal("http://data.europa.eu/m8g/", context.GetProperty("cv").GetString());
        Assert.Equal("cpsv:PublicService", doc.GetProperty("@type").GetString());
        Assert.Equal("TALENT-APARTMENT", doc.GetProperty("dct:identifier").GetString());
        Assert.Contains(doc.GetProperty("dct:title").EnumerateArray(), t => t.GetProperty("@language").GetString() == "zh" && t.GetProperty("@value").GetString() == "人才公寓一件事");
        Assert.Equal("HOUSING", doc.GetProperty("cv:hasCompetentAuthority").GetProperty("dct:identifier").GetString());
        Assert.Matches("^P[0-9]+D$", doc.GetProperty("cv:processingTime").GetString());
        Assert.Equal("cv:LifeEvent", doc.GetProperty("cv:isGroupedBy")[0].GetProperty("@type").GetString());
        Assert.Equal(0, doc.GetProperty("cv:hasCost")[0].GetProperty("cv:value").GetDecimal());
        Assert.True(doc.GetProperty("cv:hasChannel").GetArrayLength() >= 2);
        Assert.True(doc.GetProperty("cpsv:hasInput").GetArrayLength() >= 3);
        Assert.True(doc.GetProperty("cv:hasLegalResource").GetArrayLength() >= 1);
        Assert.Contains("Accept", response.Headers.Vary);

        // JSON-LD well-formedness: every property is a keyword or a compact IRI whose prefix the context defines.
        var prefixes = context.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Name).ToHashSet();
        AssertTermsDefined(doc, prefixes);

        var plain = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/items/TALENT-APARTMENT", ct);
        Assert.Equal("人才公寓一件事", plain.GetProperty("content").GetProperty("titleZh").GetString());
        Assert.True(plain.GetProperty("flowCard").GetProperty("form").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Operators_edit_the_synonyms_with_If_Match_and_the_change_is_audited_and_used_by_search()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        using var staff = system.As((await system.SignInAsync("staff-hr", "catalogue")).AccessToken!);
        var slang = "神秘" + Guid.NewGuid().ToString("N")[..4];

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.GetAsync("/api/catalogue/synonyms", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/catalogue/synonyms", ct)).StatusCode);
        Assert.Empty(await CatalogueSamples.TopCodesAsync(system.Gateway, slang, ct));

        var current = await admin.GetAsync("/api/catalogue/synonyms", ct);
        var etag = current.Headers.ETag!.Tag;
        var groups = (await current.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("groups").Deserialize<List<List<string>>>()!;
        groups.Add([slang, "配偶"]);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await admin.PutAsJsonAsync("/api/catalogue/synonyms", new { groups }, ct)).StatusCode);
        var invalid = await Put(admin, new { groups = new[] { new[] { "只有一个" } } }, etag, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("groups[0]", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(staff, new { groups }, etag, ct)).StatusCode);

        var saved = await Put(admin, new { groups }, etag, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(admin, new { groups }, etag, ct)).StatusCode);
        Assert.Contains("SPOUSE-EMPLOYMENT", await CatalogueSamples.TopCodesAsync(system.Gateway, slang, ct));

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/catalogue/audit?subject=synonyms&pageSize=5", ct);
        var entry = audit.GetProperty("items")[0];
        Assert.Equal("synonyms.replaced", entry.GetProperty("action").GetString());
        Assert.Contains(slang, entry.GetProperty("details").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/catalogue/audit", ct)).StatusCode);
    }

    [Fact]
    public async Task A_reference_data_edit_is_audited_with_before_and_after()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        var phone = "023-" + Random.Shared.Next(1000_0000, 9999_9999);

        var saved = await admin.PutAsJsonAsync("/api/catalogue/departments/IP", new { nameZh = "知识产权局", nameEn = "Intellectual Property Office", phone }, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await Eventually.UntilAsync(
            async () =>
            {
                var audit = await admin.GetFromJsonAsync<JsonElement>("/api/catalogue/audit?subject=IP&action=department.saved&pageSize=1", ct);
                var details = audit.GetProperty("items")[0].GetProperty("details");
                return details.GetProperty("after").GetProperty("phone").GetString() == phone && details.TryGetProperty("before", out _);
            },
            Deadline,
            "the audit entry of the department edit");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, object body, string etag, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalogue/synonyms") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request, ct);
    }

    private static void AssertTermsDefined(JsonElement node, HashSet<string> prefixes)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in node.EnumerateArray())
            {
                AssertTermsDefined(child, prefixes);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "@context")
                {
                    continue;
                }

                Assert.True(property.Name.StartsWith('@') || (CompactIri().Match(property.Name) is { Success: true } m && prefixes.Contains(m.Groups[1].Value)), $"undefined term '{property.Name}'");
                AssertTermsDefined(property.Value, prefixes);
            }
        }
    }

    [GeneratedRegex("^([a-z]+):[A-Za-z]+$")]
    private static partial Regex CompactIri();
}
