using System.Text.Json;
using Talent.Contracts.Catalogue;

namespace Talent.Catalogue.FlowCards;

/// <summary>The flow card as the published event carries it (contracts hold records only, so the mapping lives here).</summary>
public static class FlowCardSnapshots
{
    public static FlowCardSnapshot Of(FlowCard card) => new(
        card.Eligibility,
        [.. card.Materials.Select(m => new MaterialSnapshot(m.Code, m.NameZh, m.NameEn, Name(m.Form), m.Copies, m.Required, m.NeedNotBeSubmitted, m.SourceDepartment))],
        [.. card.Steps.OrderBy(s => s.Order).Select(s => new StepSnapshot(s.Order, s.NameZh, s.NameEn, s.Department, s.LimitDays, s.CountsTowardLimit))],
        card.StatutoryLimitDays,
        card.CommittedLimitDays,
        card.InPersonVisits,
        card.Channels.Online,
        card.Channels.Mobile,
        card.LegalBasis,
        [.. card.Form.OrderBy(f => f.Order).Select(f => new FormFieldSnapshot(
            f.Code, f.LabelZh, f.LabelEn, Name(f.Type), f.Required, f.Order, [.. f.Options.Select(o => new FormOptionSnapshot(o.Value, o.LabelZh, o.LabelEn))]))],
        card.EnquiryPhone);

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
