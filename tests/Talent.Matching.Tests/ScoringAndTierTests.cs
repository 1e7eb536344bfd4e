using Talent.Matching.Certifications;
using Talent.Matching.Matching;
using Xunit;

namespace Talent.Matching.Tests;

public sealed class ScoringAndTierTests
{
    private static readonly DemandFacts Demand = new(
        Vocabulary.Domains.Mask(["biomedicine", "new-materials"]), Vocabulary.ServiceTypes.Mask(["financing"]), Vocabulary.Stages.Mask(["pilot"]), Vocabulary.Languages.Mask(["zh"]), 1);

    private static ProviderFacts Provider(string[] domains, string[] services, int load = 0, int capacity = 4, long ratingSum = 0, int ratings = 0, int seniority = 2, bool eligible = true, string[]? languages = null) => new(
        Vocabulary.Domains.Mask(domains), Vocabulary.ServiceTypes.Mask(services), Vocabulary.Stages.Mask(["pilot", "commercialisation"]), Vocabulary.Languages.Mask(languages ?? ["zh"]), capacity, load, seniority, ratingSum, ratings, eligible);

    [Fact]
    public void Each_component_is_shown_and_the_components_add_up_to_the_score()
    {
        var provider = Provider(["biomedicine"], ["financing", "consulting"], load: 1, capacity: 4, ratingSum: 45, ratings: 10);
        var components = Scoring.Explain(Demand, provider);
        Assert.Equal(["domain", "serviceType", "stage", "rating", "load", "language"], components.Select(c => c.Name));
        Assert.Equal(0.5, components[0].Value); // one of two domains
        Assert.Equal(175, components[0].Points);
        Assert.Equal(250, components[1].Points);
        Assert.Equal(150, components[2].Points);
        // 4.5 over 10 ratings, pulled towards 3.5 by 5 prior ratings: (45 + 17.5) / 15 = 4.1667 stars, (4.1667 - 1) / 4 = 0.7917.
        Assert.Equal(0.7917, components[3].Value);
        Assert.Equal(119, components[3].Points); // 150 × 0.79167 = 118.75
        Assert.Equal(38, components[4].Points); // 3 of 4 places free: 37.5 rounds up
        Assert.Equal(50, components[5].Points);
        Assert.Equal(782, Scoring.Points(Demand, provider)); // 175 + 250 + 150 + 119 + 38 + 50
        Assert.Equal(782, components.Sum(c => c.Points));
    }

    [Fact]
    public void Few_ratings_move_the_rating_less_than_many()
    {
        // (sum + 3.5 × 5) / (count + 5) stars, then (stars - 1) / 4; worked out by hand.
        Assert.Equal(0.625, Scoring.RatingValue(0, 0), 4);        // 17.5 / 5 = 3.5 stars
        Assert.Equal(0.6875, Scoring.RatingValue(5, 1), 4);       // one 5: 22.5 / 6 = 3.75 stars
        Assert.Equal(0.982143, Scoring.RatingValue(500, 100), 4); // a hundred 5s: 517.5 / 105 = 4.9286 stars
        Assert.Equal(0.520833, Scoring.RatingValue(1, 1), 4);     // one 1: 18.5 / 6 = 3.0833 stars
        Assert.Equal(0.029762, Scoring.RatingValue(100, 100), 4); // a hundred 1s: 117.5 / 105 = 1.1190 stars
    }

    [Fact]
    public void Providers_at_capacity_ineligible_too_junior_or_without_any_overlap_are_excluded()
    {
        Assert.True(Scoring.Points(Demand, Provider(["biomedicine"], ["financing"])) > 0);
        Assert.Equal(-1, Scoring.Points(Demand, Provider(["biomedicine"], ["financing"], load: 4, capacity: 4)));
        Assert.Equal(-1, Scoring.Points(Demand, Provider(["biomedicine"], ["financing"], eligible: false)));
        Assert.Equal(-1, Scoring.Points(Demand with { MinSeniority = 3 }, Provider(["biomedicine"], ["financing"], seniority: 2)));
        Assert.Equal(-1, Scoring.Points(Demand, Provider(["energy-storage"], ["technical"])));
    }

    [Fact]
    public void A_better_fit_scores_higher()
    {
        var exact = Scoring.Points(Demand, Provider(["biomedicine", "new-materials"], ["financing"]));
        var partial = Scoring.Points(Demand, Provider(["biomedicine"], ["financing"]));
        var foreign = Scoring.Points(Demand, Provider(["biomedicine", "new-materials"], ["financing"], languages: ["en"]));
        Assert.True(exact > partial);
        Assert.Equal(exact - 50, foreign);
    }

    [Theory]
    [InlineData("talent", "distinguished", null, null, null, null, "A")]
    [InlineData("talent", "high-level", null, null, null, null, "B")]
    [InlineData("talent", null, null, null, null, null, "C")]
    [InlineData("enterprise", null, 6000, null, null, null, "A")]
    [InlineData("enterprise", null, null, null, 25, null, "A")]
    [InlineData("enterprise", null, 800, null, null, null, "B")]
    [InlineData("enterprise", null, null, null, null, 60, "B")]
    [InlineData("enterprise", null, 100, 200, 1, 8, "C")]
    public void The_tier_follows_the_configured_rules(string kind, string? designation, int? funding, int? revenue, int? patents, int? headcount, string tier)
    {
        var (computed, reason) = new TierOptions().Classify(new TierFacts(kind, designation, funding, revenue, patents, headcount));
        Assert.Equal(tier, computed);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void A_tier_sets_the_number_of_providers_their_seniority_and_the_first_contact_deadline_and_the_rules_are_configurable()
    {
        var defaults = new TierOptions();
        Assert.Equal((3, 2, 1), (defaults.RuleFor("A").Providers, defaults.RuleFor("A").MinSeniority, defaults.RuleFor("A").FirstContactDays));
        Assert.Equal((1, 1, 3), (defaults.RuleFor("C").Providers, defaults.RuleFor("C").MinSeniority, defaults.RuleFor("C").FirstContactDays));
        var configured = new TierOptions { Rules = [new() { Tier = "A", Providers = 5, MinSeniority = 3, FirstContactDays = 2 }], TierAFundingWan = 100 };
        Assert.Equal(5, configured.RuleFor("A").Providers);
        Assert.Equal("A", configured.Classify(new TierFacts("enterprise", null, 150, null, null, null)).Tier);
    }

    [Fact]
    public void A_certified_designation_wins_over_the_declared_one_and_the_reason_says_which_was_used()
    {
        var tiers = new TierOptions();
        var certified = new CertifiedDesignation("leading", "golden-phoenix", "municipal-talent", new DateOnly(2026, 3, 1));
        var (tier, reason) = tiers.Classify(new TierFacts("talent", "high-level", null, null, null, null, certified));
        Assert.Equal("A", tier);
        Assert.Contains("certified designation: leading (golden-phoenix, municipal-talent, 2026-03-01)", reason);

        // Certified lower than declared: the certification still decides (the declared one is not evidence).
        var lower = tiers.Classify(new TierFacts("talent", "distinguished", null, null, null, null, certified with { Designation = "outstanding-youth" }));
        Assert.Equal("B", lower.Tier);
        Assert.Contains("self-declared designation: high-level", tiers.Classify(new TierFacts("talent", "high-level", null, null, null, null)).Reason);
    }

    [Fact]
    public void A_demand_records_whether_its_designation_was_certified_or_declared_and_is_classified_again_when_that_changes()
    {
        var tiers = new TierOptions();
        var demand = Talent.Matching.Demands.Demand.Register("talent-1", "张明", "talent", new Talent.Matching.Demands.Demand.Registration(
            ["biomedicine"], "pilot", ["financing"], "需要融资", "zh", "normal", "high-level", null, null, null, null, null), tiers, DateTimeOffset.UtcNow);
        Assert.Equal(("B", "selfDeclared", 2), (demand.Tier, demand.DesignationSource, demand.ProvidersWanted));

        demand.Classify(tiers, new CertifiedDesignation("distinguished", "golden-phoenix", "municipal-talent", new DateOnly(2026, 3, 1)));
        Assert.Equal(("A", "certified", 3, 1), (demand.Tier, demand.DesignationSource, demand.ProvidersWanted, demand.FirstContactDays));

        demand.Classify(tiers, null);
        Assert.Equal(("B", "selfDeclared"), (demand.Tier, demand.DesignationSource));
    }

    [Fact]
    public void Of_a_persons_certifications_the_valid_one_with_the_highest_tier_counts_and_a_revoked_or_expired_one_never()
    {
        var tiers = new TierOptions();
        var day = new DateOnly(2026, 12, 4);
        var at = DateTimeOffset.UtcNow;
        CertificationCopy Held(string id, string designation, DateOnly? until = null, bool revoked = false)
        {
            var copy = CertificationCopy.Of("municipal-talent", id);
            copy.Apply("talent-1", "golden-phoenix", designation, new DateOnly(2025, 1, 1), until, revoked, at);
            return copy;
        }

        Assert.Equal("leading", CertificationCopy.Best([Held("1", "high-level"), Held("2", "leading")], tiers, day)!.Designation);
        Assert.Equal("high-level", CertificationCopy.Best([Held("1", "high-level"), Held("2", "leading", revoked: true)], tiers, day)!.Designation);
        Assert.Null(CertificationCopy.Best([Held("2", "leading", until: new DateOnly(2026, 12, 3))], tiers, day));

        // An older version told late changes nothing.
        var copy = Held("3", "leading");
        Assert.False(copy.Apply("talent-1", "golden-phoenix", "high-level", new DateOnly(2025, 1, 1), null, false, at.AddMinutes(-1)));
        Assert.Equal("leading", copy.Designation);
    }
}
