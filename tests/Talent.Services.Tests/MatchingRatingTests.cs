extern alias matching;
using MassTransit;
using matching::Talent.Matching.Data;
using matching::Talent.Matching.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Feedback;
using Talent.Messaging.Inbox;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>Provider ratings from EvaluationSubmitted on a real broker and database: each evaluation counts once.</summary>
public sealed class MatchingRatingTests
{
    [Fact]
    public async Task A_redelivered_evaluation_changes_the_provider_s_rating_once_and_other_subjects_none_without_a_transaction()
    {
        var ct = TestContext.Current.CancellationToken;
        // One message at a time, in order: once the last one is applied, the ones before it have been handled.
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching", ("Messaging:ConcurrentMessageLimit", "1"), ("Messaging:PrefetchCount", "1"));
        var services = host.Factory.Services;
        var now = DateTimeOffset.UtcNow;
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(60, await DemoMatching.SeedAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), now, ct));
        }

        (Guid Engagement, Guid Provider)[] engagements;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            engagements = [.. (await db.Engagements.AsNoTracking().ToListAsync(ct)).Select(e => (e.Id, e.ProviderId)).DistinctBy(e => e.ProviderId).Take(2)];
        }

        Assert.Equal(2, engagements.Length);
        var (rated, provider) = engagements[0];
        var (marker, markerProvider) = engagements[1];
        var before = await RatingsAsync(services, provider, ct);
        var markerBefore = await RatingsAsync(services, markerProvider, ct);

        var bus = services.GetRequiredService<IBus>();
        var evaluation = Evaluation("engagement", rated, 4);
        await bus.Publish(evaluation, c => c.MessageId = evaluation.EventId, ct);
        await bus.Publish(evaluation, c => c.MessageId = evaluation.EventId, ct); // a redelivery
        var application = Evaluation("application", rated, 1);
        await bus.Publish(application, c => c.MessageId = application.EventId, ct); // not an engagement: no rating
        var last = Evaluation("engagement", marker, 5);
        await bus.Publish(last, c => c.MessageId = last.EventId, ct);

        await Eventually.UntilAsync(async () => await RatingsAsync(services, markerProvider, ct) == markerBefore + 1, TimeSpan.FromSeconds(30), "the last evaluation applied");
        Assert.Equal(before + 1, await RatingsAsync(services, provider, ct));

        // The rating of an application is acknowledged without a transaction: no inbox row, unlike the engagement's.
        await using var check = services.CreateAsyncScope();
        var inbox = check.ServiceProvider.GetRequiredService<MatchingDbContext>().Set<InboxMessage>().AsNoTracking();
        var ratingConsumer = nameof(matching::Talent.Matching.Engagements.EvaluationSubmittedConsumer);
        Assert.Equal(1, await inbox.CountAsync(m => m.MessageId == evaluation.EventId && m.Consumer == ratingConsumer, ct));
        Assert.Equal(0, await inbox.CountAsync(m => m.MessageId == application.EventId && m.Consumer == ratingConsumer, ct));
    }

    private static EvaluationSubmitted Evaluation(string subject, Guid subjectId, int score) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), subject, subjectId, "broker", "", null, "satisfied", score, "web");

    private static async Task<int> RatingsAsync(IServiceProvider services, Guid provider, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchingDbContext>().Providers.AsNoTracking().Where(p => p.Id == provider).Select(p => p.RatingCount).SingleAsync(ct);
    }
}
