using Talent.Catalogue.Demo;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Stages;
using Xunit;

namespace Talent.Catalogue.Tests;

public sealed class DemoCatalogueTests
{
    [Fact]
    public void The_demonstration_catalogue_has_37_items_with_unique_codes()
    {
        Assert.Equal(37, DemoCatalogue.Items.Count);
        Assert.Equal(37, DemoCatalogue.Items.Select(i => i.Code).Distinct().Count());
    }

    [Fact]
    public void Every_demonstration_item_passes_the_rules_an_editor_faces()
    {
        var codes = DemoReferenceData.Codes();
        foreach (var item in DemoCatalogue.Items)
        {
            var errors = DemoCatalogue.ContentOf(item).Validate(codes).Concat(FlowCardRules.Validate(DemoCatalogue.FlowCardOf(item), codes)).ToList();
            Assert.True(errors.Count == 0, $"{item.Code}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
        }
    }

    [Fact]
    public void The_items_cover_the_six_stages_and_the_life_services()
    {
        var stages = DemoCatalogue.Items.SelectMany(i => i.Stages).Distinct().ToHashSet();
        Assert.Equal(Enum.GetValues<LifecycleStage>().ToHashSet(), stages);
        Assert.InRange(DemoCatalogue.Items.Count(i => i.Category == ItemCategory.Life), 8, 15);
        Assert.Contains(DemoCatalogue.Items, i => i.Code == "TALENT-APARTMENT");
        Assert.Contains(DemoCatalogue.Items, i => i.Code == "SPOUSE-EMPLOYMENT");
    }

    [Fact]
    public void Every_item_has_a_complete_flow_card_and_form()
    {
        foreach (var item in DemoCatalogue.Items)
        {
            var card = DemoCatalogue.FlowCardOf(item);
            Assert.True(card.Eligibility.Count > 0 && card.Materials.Count > 0 && card.Steps.Count > 0 && card.Faq.Count > 0, item.Code);
            Assert.True(card.Form.Count >= 3, $"{item.Code} has a form of {card.Form.Count} fields");
            Assert.Equal(Enumerable.Range(1, card.Form.Count), card.Form.Select(f => f.Order));
            Assert.InRange(card.InPersonVisits, 0, 1);
            Assert.NotNull(DemoCatalogue.ContentOf(item).TitleEn);
        }
    }

    [Fact]
    public void Reference_codes_are_unique()
    {
        Assert.Empty(DemoReferenceData.AllPolicies().GroupBy(p => p.Code).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(DemoReferenceData.AllServiceItems().GroupBy(s => s.Code).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(DemoReferenceData.AllDepartments.GroupBy(d => d.Code).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(DemoReferenceData.AllPolicies(), p => Assert.InRange(p.Code.Length, 3, 40));
    }

    [Fact]
    public void Reference_data_has_the_articles_scale_about_60_policies_and_280_departmental_items_merged_into_the_37()
    {
        Assert.InRange(DemoReferenceData.AllPolicies().Count(), 55, 65);
        var merged = DemoCatalogue.Items.SelectMany(i => DemoCatalogue.ContentOf(i).ServiceItems).ToList();
        Assert.Equal(37, DemoCatalogue.Items.Count);
        Assert.InRange(merged.Distinct().Count(), 280, 320);
        Assert.Equal(merged.Count, merged.Distinct().Count());
        Assert.All(DemoCatalogue.Items, i => Assert.True(DemoCatalogue.ContentOf(i).ServiceItems.Count >= 4, $"{i.Code} merges fewer than four departmental items"));
        // Each departmental item is one department's own and named once; none is filler repeated under two items.
        var titles = DemoReferenceData.AllServiceItems().Select(s => s.TitleZh).ToList();
        Assert.Empty(titles.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains(DemoCatalogue.Items, i => i.Materials.Any(m => m.NeedNotBeSubmitted));
    }

    [Fact]
    public void Every_policy_is_the_legal_basis_of_something_and_every_basis_is_a_known_policy()
    {
        var policies = DemoReferenceData.AllPolicies().Select(p => p.Code).ToHashSet();
        var cited = DemoReferenceData.AllServiceItems().SelectMany(s => s.LegalBasis)
            .Concat(DemoCatalogue.Items.SelectMany(i => DemoCatalogue.FlowCardOf(i).LegalBasis))
            .ToHashSet();
        Assert.Empty(cited.Except(policies));
        Assert.Empty(policies.Except(cited));
    }
}
