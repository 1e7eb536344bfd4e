extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The suggestion rules are replaced only over their current revision (If-Match), and every replacement is audited.</summary>
public sealed class MatchingSuggestionRulesTests
{
    private const string Rules = "/api/matching/suggestion-rules";

    [Fact]
    public async Task Rules_are_replaced_only_with_the_current_ETag_and_each_replacement_is_audited_with_who_when_before_and_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        using var operators = host.ClientAs(TestTokens.Operator("matching", "operator-7"));

        var read = await operators.GetAsync(Rules, ct);
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);
        var rules = JsonNode.Parse(await read.Content.ReadAsStringAsync(ct))!.AsArray();
        rules.Single(r => (string?)r!["code"] == "research-transfer")!["enabled"] = false;
        rules.Single(r => (string?)r!["code"] == "spouse-schooling")!["serviceTypes"] = null; // none: an item is suggested

        var missing = await operators.PutAsJsonAsync(Rules, rules, ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal("If-Match", (await missing.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(operators, rules, "\"5\"", ct)).StatusCode);

        var replaced = await PutAsync(operators, rules, "\"0\"", ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"1\"", replaced.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(operators, rules, "\"0\"", ct)).StatusCode); // stale now
        var again = await operators.GetAsync(Rules, ct);
        Assert.Equal("\"1\"", again.Headers.ETag?.Tag);
        var stored = (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.False(stored["research-transfer"].GetProperty("enabled").GetBoolean());
        Assert.Equal(0, stored["spouse-schooling"].GetProperty("serviceTypes").GetArrayLength());

        var audit = await operators.GetFromJsonAsync<JsonElement>("/api/matching/audit?subject=suggestion-rules", ct);
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("operator-7", entry.GetProperty("actor").GetString());
        Assert.Equal(1, entry.GetProperty("revision").GetInt32());
        Assert.True(entry.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        bool Enabled(string side) => entry.GetProperty("details").GetProperty(side).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "research-transfer").GetProperty("enabled").GetBoolean();
        Assert.True(Enabled("before"));
        Assert.False(Enabled("after"));

        using var talent = host.ClientAs(TestTokens.Applicant("matching"));
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.GetAsync("/api/matching/audit", ct)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_replacements_over_one_revision_make_one_new_revision_and_the_rest_answer_412()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        using var operators = host.ClientAs(TestTokens.Operator("matching"));
        var rules = JsonNode.Parse(await operators.GetStringAsync(Rules, ct))!.AsArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
        {
            var edited = rules.DeepClone().AsArray();
            edited[0]!["messageEn"] = $"Edit {i}";
            return PutAsync(operators, edited, "\"0\"", ct);
        }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Equal(1, (await operators.GetFromJsonAsync<JsonElement>("/api/matching/audit", ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Rules_with_text_longer_than_its_column_or_a_null_rule_are_refused_naming_the_field_and_nothing_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        using var operators = host.ClientAs(TestTokens.Operator("matching"));
        var before = await operators.GetStringAsync(Rules, ct);

        var invalid = await PutAsync(operators, new JsonArray(
            new JsonObject { ["code"] = "x", ["trigger"] = "approved", ["itemCode"] = "A", ["suggestItemCode"] = new string('B', 65), ["messageZh"] = "推荐", ["messageEn"] = new string('e', 301) },
            null,
            new JsonObject { ["code"] = "y", ["trigger"] = "approved", ["itemCode"] = "A", ["team"] = "broker", ["serviceTypes"] = null, ["messageZh"] = "推荐", ["messageEn"] = "Hint" }), "\"0\"", ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal(["rules[0].messageEn", "rules[0].suggestItemCode", "rules[1]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await operators.GetStringAsync(Rules, ct));
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode? body, string ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Rules) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, ct);
    }
}
