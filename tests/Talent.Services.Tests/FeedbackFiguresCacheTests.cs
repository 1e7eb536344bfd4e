extern alias feedback;
using System.Net.Http.Json;
using System.Text.Json;
using feedback::Talent.Feedback.Evaluations;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The published figures are public and cheap: an answer is reused for <c>Feedback:FiguresCacheFor</c> per distinct query
/// (here 8 s), then computed again. Counters are folded by the test before each read, so only the cache is in question.
/// </summary>
public sealed class FeedbackFiguresCacheTests
{
    [Fact]
    public async Task A_figures_answer_is_reused_for_the_same_query_until_it_expires_while_another_query_reads_afresh()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:SweepInterval", "12:00:00"), ("Feedback:FiguresCacheFor", "00:00:08"));
        var department = "C" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var anonymous = host.Factory.CreateClient();

        await FeedbackSeed.ReviewAsync(host.Factory.Services, department, "talent-cache", EvaluationLevel.VerySatisfied, null, fold: true, ct);
        Assert.Equal(1, await ReviewsAsync(anonymous, "pageSize=37", department, ct));

        await FeedbackSeed.ReviewAsync(host.Factory.Services, department, "talent-cache", EvaluationLevel.VerySatisfied, null, fold: true, ct);
        Assert.Equal(1, await ReviewsAsync(anonymous, "pageSize=37", department, ct)); // the same query: the answer kept
        Assert.Equal(2, await ReviewsAsync(anonymous, "pageSize=38", department, ct)); // another query: computed now
        await Eventually.UntilAsync(async () => await ReviewsAsync(anonymous, "pageSize=37", department, ct) == 2, TimeSpan.FromSeconds(30),
            "the kept answer to expire");
    }

    private static async Task<int> ReviewsAsync(HttpClient anonymous, string query, string department, CancellationToken ct)
    {
        var figures = await anonymous.GetFromJsonAsync<JsonElement>($"/api/feedback/figures?{query}", ct);
        return figures.GetProperty("departments").EnumerateArray().Where(d => d.GetProperty("department").GetString() == department)
            .Select(d => d.GetProperty("figures").GetProperty("reviews").GetInt32()).SingleOrDefault();
    }
}
