using Talent.Catalogue.FlowCards;
using Xunit;
using static Talent.Catalogue.Tests.Samples;

namespace Talent.Catalogue.Tests;

public sealed class FlowCardRulesTests
{
    [Fact]
    public void A_complete_card_has_no_errors() => Assert.Empty(FlowCardRules.Validate(Card(), Codes));

    [Fact]
    public void A_committed_limit_above_the_statutory_limit_is_refused()
    {
        var errors = FlowCardRules.Validate(Card() with { StatutoryLimitDays = 4, CommittedLimitDays = 5 }, Codes);
        Assert.Contains("flowCard.committedLimitDays", errors.Keys);
    }

    [Fact]
    public void Counted_steps_adding_up_past_the_committed_limit_are_refused_while_special_procedures_do_not_count()
    {
        // 1 + 3 + 1 counted = 5 = committed; the 5-day public notice does not count.
        Assert.DoesNotContain("flowCard.steps", FlowCardRules.Validate(Card(), Codes).Keys);

        var longer = Card() with { Steps = [.. Card().Steps.Select(s => s.Order == 2 ? s with { LimitDays = 4 } : s)] };
        Assert.Contains("flowCard.steps", FlowCardRules.Validate(longer, Codes).Keys);
    }

    [Fact]
    public void Duplicate_material_and_field_codes_are_refused_by_position()
    {
        var card = Card() with
        {
            Materials = [Card().Materials[0], Card().Materials[0]],
            Form = [Card().Form[0], Card().Form[0] with { Order = 3 }],
        };
        var errors = FlowCardRules.Validate(card, Codes);
        Assert.Contains("flowCard.materials[1].code", errors.Keys);
        Assert.Contains("flowCard.form[1].code", errors.Keys);
    }

    [Fact]
    public void A_form_field_with_options_but_no_choice_type_is_refused()
    {
        var card = Card() with { Form = [Card().Form[0] with { Options = [new("a", "甲", null), new("b", "乙", null)] }] };
        Assert.Contains("flowCard.form[0].options", FlowCardRules.Validate(card, Codes).Keys);
    }

    [Fact]
    public void Unknown_department_and_policy_codes_are_named()
    {
        var card = Card() with
        {
            Steps = [Card().Steps[0] with { Department = "NOPE" }],
            LegalBasis = ["POL-UNKNOWN"],
            Materials = [Card().Materials[1] with { SourceDepartment = "NOPE" }],
        };
        var errors = FlowCardRules.Validate(card, Codes);
        Assert.Contains("flowCard.steps[0].department", errors.Keys);
        Assert.Contains("flowCard.legalBasis[0]", errors.Keys);
        Assert.Contains("flowCard.materials[0].sourceDepartment", errors.Keys);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void In_person_visits_are_zero_or_one(int visits) =>
        Assert.Contains("flowCard.inPersonVisits", FlowCardRules.Validate(Card() with { InPersonVisits = visits }, Codes).Keys);

    [Fact]
    public void Material_from_a_departments_data_need_not_be_submitted() =>
        Assert.True(Card().Materials.Single(m => m.Code == "SOCIAL-INSURANCE").NeedNotBeSubmitted);
}
