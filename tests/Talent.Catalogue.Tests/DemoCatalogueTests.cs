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
    public void Reference_data_is_of_the_order_of_the_articles_figures()
    {
        // The article: about 60 policies and 280 departmental items merged into 37.
        Assert.InRange(DemoReferenceData.AllPolicies().Count(), 40, 80);
        Assert.InRange(DemoReferenceData.AllServiceItems().Count(), 90, 300);
        Assert.Contains(DemoCatalogue.Items, i => i.Materials.Any(m => m.NeedNotBeSubmitted));
    }
}
