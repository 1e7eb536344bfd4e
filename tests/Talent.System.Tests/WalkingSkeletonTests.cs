using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

public sealed class WalkingSkeletonTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private async Task<HttpClient> OperatorAsync() => system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_item_published_through_the_gateway_reaches_the_read_models_of_applications_and_matching()
    {
        var ct = TestContext.Current.CancellationToken;
        var code = "SYS-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        using var editor = await OperatorAsync();
        await CatalogueSamples.PublishAsync(editor, editor, CatalogueSamples.Draft(code, titleZh: "人才公寓申请"), ct);

        foreach (var service in new[] { "applications", "matching" })
        {
            HttpResponseMessage? copy = null;
            await Eventually.UntilAsync(
                async () => (copy = await system.Gateway.GetAsync($"/api/{service}/catalogue/{code}", ct)).IsSuccessStatusCode,
                Deadline,
                $"{service}'s copy of {code}");
            var body = await copy!.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.Equal("人才公寓申请", body.GetProperty("titleZh").GetString());
            Assert.Equal(1, body.GetProperty("version").GetInt32());
            Assert.Equal("life", body.GetProperty("category").GetString());
            Assert.Equal("HRSS", body.GetProperty("leadDepartment").GetString());
            Assert.False(body.GetProperty("withdrawn").GetBoolean());
        }
    }

    [Fact]
    public async Task The_demonstration_items_reach_matching_with_their_stages_and_applications_with_their_form()
    {
        var ct = TestContext.Current.CancellationToken;
        JsonElement matching = default;
        await Eventually.UntilAsync(
            async () =>
            {
                var response = await system.Gateway.GetAsync("/api/matching/catalogue/POC-FUNDING", ct);
                matching = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(ct) : default;
                return response.IsSuccessStatusCode;
            },
            Deadline,
            "matching's copy of the demonstration item POC-FUNDING");
        Assert.Equal("production", matching.GetProperty("category").GetString());
        Assert.Equal(["proofOfConcept"], matching.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));

        await Eventually.UntilAsync(async () => (await system.Gateway.GetAsync("/api/applications/catalogue/TALENT-APARTMENT", ct)).IsSuccessStatusCode, Deadline, "applications' copy of TALENT-APARTMENT");
        var card = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/applications/catalogue/TALENT-APARTMENT", ct)).GetProperty("flowCard");
        Assert.Contains("flatType", card.GetProperty("form").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_gateway_health_reports_every_service_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var health = await system.Gateway.GetFromJsonAsync<JsonElement>("/health", ct);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "identity", "catalogue", "applications", "feedback", "matching", "notifications" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        using var editor = await OperatorAsync();
        var code = CatalogueSamples.NewCode("NOTITLE");
        var missingTitle = await editor.PostAsJsonAsync("/api/catalogue/drafts", CatalogueSamples.Draft(code, titleZh: ""), ct);
        Assert.Equal(HttpStatusCode.BadRequest, missingTitle.StatusCode);
        Assert.Equal("application/problem+json", missingTitle.Content.Headers.ContentType?.MediaType);
        var problem = await missingTitle.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("content.titleZh", out _));

        var malformed = await editor.PostAsync("/api/catalogue/drafts", new StringContent($"{{\"code\": \"{code}\", ", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        // Nothing was stored under the code: a valid draft takes it now, and a second one is refused as a duplicate
        // (so a draft left behind by either refusal would have made the first one fail too).
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/catalogue/drafts", CatalogueSamples.Draft(code), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync("/api/catalogue/drafts", CatalogueSamples.Draft(code), ct)).StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_the_gateway_limit_is_refused_with_413()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await OperatorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalogue/drafts")
        {
            Content = new ByteArrayContent(new byte[(25 * 1024 * 1024) + 1]) { Headers = { ContentType = new("application/json") } },
        };
        // As a well-behaved client with a large upload does: the gateway refuses on the declared length, before the body.
        request.Headers.ExpectContinue = true;

        var response = await editor.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Drafting_a_new_item_with_an_existing_code_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var item = CatalogueSamples.Draft(CatalogueSamples.NewCode("DUP"), titleZh: "重复");

        using var editor = await OperatorAsync();
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/catalogue/drafts", item, ct)).StatusCode);
        var again = await editor.PostAsJsonAsync("/api/catalogue/drafts", item, ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("code", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
    }
}
