extern alias catalogue;
extern alias feedback;
extern alias identity;
extern alias matching;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Messaging.Metrics;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Every service's gauges are read from its own schema: one sampling round on a migrated database succeeds and sets
/// each gauge of its plan (a wrong table or column would fail here, not as a warning every half minute in production).
/// </summary>
public sealed class BusinessMetersSamplingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalogue_samples_its_directory_and_its_review_queue()
    {
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        // The directory's size comes from the search index once it is built: sampled after, it must agree with the table.
        await host.Factory.Services.GetRequiredService<catalogue::Talent.Catalogue.Search.CatalogueSearchIndex>().Ready.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var values = await SampleAsync<catalogue::Talent.Catalogue.Data.CatalogueDbContext>(host.Factory.Services, "Talent.Catalogue",
            catalogue::Talent.Catalogue.Items.CatalogueMeters.InDirectory, catalogue::Talent.Catalogue.Items.CatalogueMeters.DraftsInReview,
            catalogue::Talent.Catalogue.Items.CatalogueMeters.OldestDraftInReviewAge);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<catalogue::Talent.Catalogue.Data.CatalogueDbContext>().Items.CountAsync(i => !i.Withdrawn, Ct);
        Assert.True(items > 0);
        Assert.Equal(items, values[0]);
    }

    [Fact]
    public async Task Feedback_samples_its_rectification_cases_and_tickets()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback");
        var values = await SampleAsync<feedback::Talent.Feedback.Data.FeedbackDbContext>(host.Factory.Services, "Talent.Feedback",
            feedback::Talent.Feedback.Figures.FeedbackMeters.RectificationsOpen, feedback::Talent.Feedback.Figures.FeedbackMeters.RectificationsOverdue,
            feedback::Talent.Feedback.Figures.FeedbackMeters.OldestRectificationAge, feedback::Talent.Feedback.Figures.FeedbackMeters.TicketsOpen,
            feedback::Talent.Feedback.Figures.FeedbackMeters.TicketsOverdue);

        Assert.All(values, v => Assert.Equal(0, v)); // a new database: nothing waits
    }

    [Fact]
    public async Task Matching_samples_its_demands_proposals_and_engagements()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var values = await SampleAsync<matching::Talent.Matching.Data.MatchingDbContext>(host.Factory.Services, "Talent.Matching",
            matching::Talent.Matching.Matching.MatchingMeters.DemandsOpen, matching::Talent.Matching.Matching.MatchingMeters.ProposalsWaiting,
            matching::Talent.Matching.Matching.MatchingMeters.OldestWaitingProposalAge, matching::Talent.Matching.Matching.MatchingMeters.EngagementsActive);

        Assert.All(values, v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task Identity_samples_its_accounts()
    {
        await using var host = await AccessIdentity.StartAsync();
        var values = await SampleAsync<identity::Talent.Identity.Data.IdentityDb>(host.Factory.Services, "Talent.Identity",
            identity::Talent.Identity.Account.IdentityMeters.Accounts, identity::Talent.Identity.Account.IdentityMeters.LockedOut);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<identity::Talent.Identity.Data.IdentityDb>().Users.CountAsync(u => !u.Disabled, Ct);
        Assert.Equal(accounts, values[0]);
        Assert.Equal(0, values[1]);
    }

    /// <summary>One sampling round, then each gauge as a listener reads it (each must have a value).</summary>
    private static async Task<double[]> SampleAsync<TContext>(IServiceProvider services, string meter, params string[] gauges)
        where TContext : DbContext
    {
        using var reading = new MeterReading(services.GetRequiredService<IMeterFactory>(), meter);
        await services.GetRequiredService<GaugeSampling<TContext>>().SampleAsync(Ct);
        return [.. gauges.Select(g => reading.Gauge(g) ?? throw new Xunit.Sdk.XunitException($"{g} reported no value"))];
    }
}
