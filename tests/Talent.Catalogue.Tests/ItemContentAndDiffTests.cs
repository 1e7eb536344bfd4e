using Talent.Catalogue.Editing;
using Talent.Catalogue.Stages;
using Xunit;
using static Talent.Catalogue.Tests.Samples;

namespace Talent.Catalogue.Tests;

public sealed class ItemContentAndDiffTests
{
    [Fact]
    public void A_missing_Chinese_title_and_unknown_codes_are_named()
    {
        var errors = (Content() with { TitleZh = " ", LeadDepartment = "NOPE", ServiceItems = ["SI-APT-RENT", "SI-NOPE"] }).Validate(Codes);
        Assert.Contains("titleZh", errors.Keys);
        Assert.Contains("leadDepartment", errors.Keys);
        Assert.Contains("serviceItems[1]", errors.Keys);
        Assert.DoesNotContain("serviceItems[0]", errors.Keys);
    }

    [Fact]
    public void A_production_service_names_its_lifecycle_stages()
    {
        Assert.Contains("stages", (Content() with { Category = ItemCategory.Production }).Validate(Codes).Keys);
        Assert.Empty((Content() with { Category = ItemCategory.Production, Stages = [LifecycleStage.Pilot] }).Validate(Codes));
    }

    [Fact]
    public void The_difference_between_two_versions_lists_each_changed_field_with_both_values()
    {
        var before = Card();
        var after = before with
        {
            CommittedLimitDays = 4,
            Steps = [.. before.Steps.Select(s => s.Order == 2 ? s with { LimitDays = 2 } : s)],
        };
        var changes = VersionDiff.Between(Content(), before, Content() with { TitleEn = "Talent apartments" }, after);

        Assert.Equal(["flowCard.committedLimitDays", "flowCard.steps[1].limitDays", "titleEn"], changes.Select(c => c.Path));
        var limit = changes.Single(c => c.Path == "flowCard.committedLimitDays");
        Assert.Equal(("5", "4"), (limit.Before, limit.After));
    }

    [Fact]
    public void Identical_versions_have_no_difference() =>
        Assert.Empty(VersionDiff.Between(Content(), Card(), Content(), Card()));
}
