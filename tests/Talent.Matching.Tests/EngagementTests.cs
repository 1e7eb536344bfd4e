using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Matching.Tests;

/// <summary>Proposal and engagement rules, and what demands and providers keep of them.</summary>
public sealed class EngagementTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)); // before the National Day holiday
    private static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);

    private static Provider Broker() => Provider.Create("broker-1", new Provider.Profile("孙悦", "broker", "孵化器", "incubator", null, [], ["biomedicine"], ["financing"], ["pilot"], ["zh"], 2, true, 2, null), ProviderStatus.Approved, Now);

    private static Demand Demand(string? designation = "distinguished") => Demands.Demand.Register("talent-1", "张明", "talent",
        new Demand.Registration(["biomedicine"], "pilot", ["financing"], "融资", "zh", "high", designation, null, null, null, null, null), new TierOptions(), Now);

    [Fact]
    public void A_proposal_is_decided_once()
    {
        var proposal = Proposal.For(Guid.NewGuid(), Guid.NewGuid(), 800, null, Now);
        Assert.True(proposal.Accept(Now));
        Assert.False(proposal.Accept(Now));
        Assert.False(proposal.Decline("busy", Now));
        Assert.Equal(ProposalState.Accepted, proposal.State);
    }

    [Fact]
    public void A_decline_keeps_the_provider_out_of_the_demand_s_next_rounds()
    {
        var demand = Demand();
        var provider = Broker();
        Assert.False(demand.Excludes(provider.Id));
        demand.DeclinedBy(provider.Id);
        demand.DeclinedBy(provider.Id);
        Assert.True(demand.Excludes(provider.Id));
        Assert.Single(demand.Declined);
    }

    [Fact]
    public void The_first_contact_deadline_follows_the_tier_in_working_days_and_milestones_come_in_order_once()
    {
        var demand = Demand(); // tier A: first contact within one working day
        var provider = Broker();
        var proposal = Proposal.For(demand.Id, provider.Id, 900, null, Now);
        proposal.Accept(Now);
        var engagement = Engagement.Start(proposal, demand, provider, Calendar, Now);
        Assert.Equal(new DateOnly(2026, 10, 8), engagement.FirstContactDueOn); // 1-7 October are holidays
        Assert.True(engagement.IsFirstContactOverdue(new DateOnly(2026, 10, 9)));
        Assert.True(engagement.FlagFirstContactOverdue());
        Assert.False(engagement.FlagFirstContactOverdue());

        Assert.Equal("The next milestone is firstContact. 下一个节点是 firstContact。", engagement.Record("planAgreed", "broker-1", null, null, Now));
        Assert.Null(engagement.Record("firstContact", "broker-1", "电话联系", null, Now.AddHours(1)));
        Assert.True(engagement.FirstContactOnTime);
        Assert.Equal("The next milestone is planAgreed. 下一个节点是 planAgreed。", engagement.Record("firstContact", "broker-1", null, null, Now));
        Assert.Null(engagement.Record("planAgreed", "broker-1", null, null, Now.AddDays(1)));
        Assert.Null(engagement.Record("serviceDelivered", "broker-1", null, null, Now.AddDays(2)));
        Assert.StartsWith("An outcome of ", engagement.Record("outcomeRecorded", "broker-1", null, "luck", Now.AddDays(3)), StringComparison.Ordinal);
        Assert.Equal(3, engagement.Milestones.Count); // the refused outcome was not recorded
        Assert.Null(engagement.Record("outcomeRecorded", "broker-1", "A 轮 3000 万", "financing", Now.AddDays(3)));
        Assert.Null(engagement.Record("closed", "broker-1", null, null, Now.AddDays(4)));
        Assert.Equal(EngagementState.Closed, engagement.State);
        Assert.Equal("financing", engagement.Outcome);
        Assert.Equal("The engagement is closed. 服务已结束。", engagement.Record("closed", "broker-1", null, null, Now.AddDays(5)));
        Assert.Null(engagement.Next);
    }

    [Fact]
    public void Load_follows_engagements_and_ratings_add_up()
    {
        var provider = Broker();
        provider.EngagementStarted();
        provider.EngagementStarted();
        Assert.Equal(-1, Scoring.Points(Demand(null).Facts(), provider.Facts())); // at capacity (2 of 2)
        provider.EngagementEnded();
        Assert.True(Scoring.Points(Demand(null).Facts(), provider.Facts()) > 0);
        Assert.Equal(-1, Scoring.Points(Demand(null).Facts(), provider.Facts(pendingProposals: 1))); // an open proposal holds the last place
        provider.Rated(5);
        provider.Rated(4);
        Assert.Equal(4.5, provider.AverageRating);
        Assert.Equal(2, provider.RatingCount);
    }

    [Fact]
    public void Profiles_and_demands_name_their_invalid_fields()
    {
        var errors = Provider.Validate(new Provider.Profile("", "wizard", "", "guild", null, null, ["astrology"], [], ["pilot"], ["zh"], 0, true, 4, null));
        Assert.Superset(new HashSet<string> { "name", "team", "organisation", "organisationKind", "domains", "serviceTypes", "capacity", "seniority" }, errors.Keys.ToHashSet());
        var demandErrors = Demands.Demand.Validate(new Demand.Registration([], "moon", ["financing"], "", "xx", "asap", null, -1, null, -2, null, null));
        Assert.Superset(new HashSet<string> { "domains", "stage", "description", "language", "urgency", "fundingRaisedWan", "patents" }, demandErrors.Keys.ToHashSet());
    }
}
