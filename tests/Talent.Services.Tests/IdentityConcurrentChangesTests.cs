extern alias identity;
using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Two operators changing one person at the same moment: ASP.NET Identity's concurrency stamp lets one through and
/// the other must hear "it changed meanwhile" (409 problem details), not a 500. CI met this as a 500 when the bad-input
/// run sent a change and a disable for the same person side by side.
/// </summary>
public sealed class IdentityConcurrentChangesTests
{
    [Fact]
    public async Task Changes_and_disables_of_one_person_at_once_answer_200_or_409_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await AccessIdentity.StartAsync();
        var tokens = await AccessIdentity.TokensAsync(host);
        using var client = host.ClientAs(tokens[AccessPersonas.Operator]);

        var requests = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? client.PutAsJsonAsync("/identity/api/users/demo-talent1", new { displayName = $"Talent One {i}" }, ct)
            : client.PostAsync("/identity/api/users/demo-talent1/disable", null, ct));
        var answers = await Task.WhenAll(requests);

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is 200 or 409, $"statuses: {string.Join(", ", statuses)}"));
        Assert.Contains(200, statuses);
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        }

        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
