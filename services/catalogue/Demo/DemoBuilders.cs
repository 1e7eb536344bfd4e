using Talent.Catalogue.FlowCards;
using Talent.Catalogue.References;
using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Demo;

/// <summary>
/// A departmental service item a demonstration item bundles (its code is derived from the item's); its legal basis is the
/// item's implementing rules and, where named, a zone policy of <see cref="DemoReferenceData"/>.
/// </summary>
public sealed record DemoService(string TitleZh, string TitleEn, string Department, ServiceItemType Type, string? Policy = null);

/// <summary>One demonstration one-thing item, written compactly; <see cref="DemoCatalogue"/> expands it.</summary>
public sealed record DemoItem(
    string Code,
    string TitleZh,
    string TitleEn,
    ItemCategory Category,
    LifecycleStage[] Stages,
    string Lead,
    string SummaryZh,
    string SummaryEn,
    string[] Audience,
    string[] Keywords,
    DemoService[] Services,
    string[] Eligibility,
    RequiredMaterial[] Materials,
    ProcedureStep[] Steps,
    int StatutoryDays,
    int Visits,
    FormField[] Form,
    Faq Faq,
    string[]? SharedPolicies = null);

/// <summary>Short constructors for the demonstration data.</summary>
public static class DemoBuilders
{
    public static DemoService S(string zh, string en, string department, ServiceItemType type = ServiceItemType.PublicService, string? policy = null) =>
        new(zh, en, department, type, policy);

    public static RequiredMaterial M(string code, string zh, string en, MaterialForm form = MaterialForm.Electronic, bool required = true, string? description = null) =>
        new(code, zh, en, description, form, form == MaterialForm.Electronic ? 0 : 1, required, MaterialSource.Applicant, null);

    /// <summary>Held by a department: not to be submitted (免提交).</summary>
    public static RequiredMaterial Shared(string code, string zh, string en, string department) =>
        new(code, zh, en, $"由{department}数据共享获取，无需提交 (obtained from the department's data)", MaterialForm.Electronic, 0, true, MaterialSource.DepartmentData, department);

    public static RequiredMaterial IdCard => Shared("id-card", "居民身份证", "Resident identity card", "POLICE");

    public static RequiredMaterial Licence => Shared("business-licence", "营业执照", "Business licence", "MARKET");

    public static RequiredMaterial SocialInsurance => Shared("social-insurance", "社会保险缴纳记录", "Social insurance payment record", "HRSS");

    public static RequiredMaterial Degree => Shared("degree", "学历学位证书", "Degree certificate", "EDU");

    public static RequiredMaterial Contract => M("employment-contract", "劳动合同", "Employment contract");

    public static ProcedureStep St(int order, string zh, string en, string department, int days, bool counts = true) => new(order, zh, en, department, days, counts);

    public static FormField Text(string code, string zh, string en, bool required = true) => new(code, zh, en, FieldType.Text, required, 0, []);

    public static FormField Long(string code, string zh, string en, bool required = true) => new(code, zh, en, FieldType.LongText, required, 0, []);

    public static FormField Number(string code, string zh, string en, bool required = true) => new(code, zh, en, FieldType.Number, required, 0, []);

    public static FormField Date(string code, string zh, string en, bool required = true) => new(code, zh, en, FieldType.Date, required, 0, []);

    public static FormField One(string code, string zh, string en, params (string Value, string Zh, string En)[] options) =>
        new(code, zh, en, FieldType.SingleChoice, true, 0, [.. options.Select(o => new FieldOption(o.Value, o.Zh, o.En))]);

    public static FormField Many(string code, string zh, string en, params (string Value, string Zh, string En)[] options) =>
        new(code, zh, en, FieldType.MultipleChoice, false, 0, [.. options.Select(o => new FieldOption(o.Value, o.Zh, o.En))]);

    public static Faq Q(string question, string answer) => new(question, answer, null, null);

    public static readonly LifecycleStage[] Life = [];
}
