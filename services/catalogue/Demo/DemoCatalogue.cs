using Talent.Catalogue.Editing;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.References;

namespace Talent.Catalogue.Demo;

/// <summary>
/// DEMONSTRATION DATA, NOT OFFICIAL INFORMATION: expands the compact <see cref="Items"/> into item content, flow cards,
/// the departmental service items they bundle and the policies they rest on.
/// </summary>
public static partial class DemoCatalogue
{
    public const string Disclaimer = "演示数据，非官方信息。Demonstration data, not official information.";

    public static ItemContent ContentOf(DemoItem item) => new()
    {
        TitleZh = item.TitleZh,
        TitleEn = item.TitleEn,
        SummaryZh = $"{item.SummaryZh}（{Disclaimer}）",
        SummaryEn = item.SummaryEn,
        Category = item.Category,
        Stages = item.Stages,
        Audience = item.Audience,
        ServiceItems = [.. ServicesOf(item).Select((_, i) => ServiceCode(item, i))],
        LeadDepartment = item.Lead,
        Keywords = item.Keywords,
    };

    public static FlowCard FlowCardOf(DemoItem item)
    {
        var lead = DemoReferenceData.DepartmentByCode(item.Lead);
        return new FlowCard
        {
            Eligibility = item.Eligibility,
            Materials = item.Materials,
            Steps = item.Steps,
            StatutoryLimitDays = item.StatutoryDays,
            CommittedLimitDays = Math.Max(1, item.Steps.Where(s => s.CountsTowardLimit).Sum(s => s.LimitDays)),
            Channels = new Channels
            {
                Online = true,
                Mobile = true,
                Windows = [new ServiceWindow($"{DemoReferenceData.Hall}，{lead.NameZh}窗口", $"{lead.NameEn} counter, Zone government service centre", DemoReferenceData.Hours)],
            },
            InPersonVisits = item.Visits,
            LegalBasis = [.. new[] { PolicyCode(item) }.Concat(item.SharedPolicies ?? []).Concat(ServicesOf(item).Select(s => s.Policy).OfType<string>()).Distinct()],
            Faq = [item.Faq],
            EnquiryPhone = lead.Phone,
            ComplaintPhone = "12345",
            Form =
            [
                .. new[]
                {
                    DemoBuilders.Text("contactName", "联系人", "Contact person"),
                    DemoBuilders.Text("contactPhone", "联系电话", "Contact phone"),
                }.Concat(item.Form).Select((field, i) => field with { Order = i + 1 }),
            ],
        };
    }

    public static IEnumerable<ServiceItem> ServiceItems() =>
        Items.SelectMany(item => ServicesOf(item).Select((service, i) => new ServiceItem
        {
            Code = ServiceCode(item, i),
            TitleZh = service.TitleZh,
            TitleEn = service.TitleEn,
            Department = service.Department,
            Type = service.Type,
            LegalBasis = service.Policy is { } policy ? [PolicyCode(item), policy] : [PolicyCode(item)],
        }));

    public static IEnumerable<Policy> Policies() =>
        Items.Select((item, i) => new Policy
        {
            Code = PolicyCode(item),
            TitleZh = $"{item.TitleZh.Replace("一件事", "", StringComparison.Ordinal)}实施细则（演示）",
            TitleEn = $"{item.TitleEn}: implementing rules (demo)",
            IssuingDepartment = item.Lead,
            DocumentNumber = $"高新{item.Lead}〔2024〕{30 + i}号（演示 demo）",
            IssuedOn = new DateOnly(2024, 6, 1),
            EffectiveFrom = new DateOnly(2024, 7, 1),
            ExpiresOn = new DateOnly(2029, 6, 30),
            Summary = Disclaimer,
            Status = PolicyStatus.Effective,
        });

    private static string ServiceCode(DemoItem item, int index) => $"SI-{item.Code}-{index + 1}";

    private static string PolicyCode(DemoItem item) => $"POL-{item.Code}-RULES";
}
