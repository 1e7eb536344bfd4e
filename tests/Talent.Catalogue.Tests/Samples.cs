using Talent.Catalogue.Editing;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Tests;

/// <summary>Reference data as plain sets: the rules take codes, not a database.</summary>
public sealed class KnownCodes : IReferenceCodes
{
    public HashSet<string> Departments { get; } = ["STI", "HRSS", "HOUSING"];

    public HashSet<string> Policies { get; } = ["POL-TALENT-APT-2024"];

    public HashSet<string> ServiceItems { get; } = ["SI-APT-RENT", "SI-APT-SUBSIDY"];

    public bool IsDepartment(string code) => Departments.Contains(code);

    public bool IsPolicy(string code) => Policies.Contains(code);

    public bool IsServiceItem(string code) => ServiceItems.Contains(code);
}

public static class Samples
{
    public static readonly KnownCodes Codes = new();

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly Actor Operator = new("op-1", true, null);
    public static readonly Actor HousingStaff = new("staff-housing", false, "HOUSING");
    public static readonly Actor StiStaff = new("staff-sti", false, "STI");

    public static ItemContent Content() => new()
    {
        TitleZh = "人才公寓申请",
        TitleEn = "Talent apartment",
        SummaryZh = "符合条件的人才可申请入住人才公寓。",
        Category = ItemCategory.Life,
        Audience = ["everyone"],
        ServiceItems = ["SI-APT-RENT", "SI-APT-SUBSIDY"],
        LeadDepartment = "HOUSING",
        Keywords = ["住房", "公寓"],
    };

    public static FlowCard Card() => new()
    {
        Eligibility = ["在区内全职工作的人才"],
        Materials =
        [
            new("ID", "身份证", "Identity card", null, MaterialForm.Electronic, 1, true, MaterialSource.Applicant, null),
            new("SOCIAL-INSURANCE", "社保缴纳证明", "Social insurance record", null, MaterialForm.Electronic, 0, true, MaterialSource.DepartmentData, "HRSS"),
        ],
        Steps =
        [
            new(1, "受理", "Acceptance", "HOUSING", 1, true),
            new(2, "资格审核", "Eligibility review", "HRSS", 3, true),
            new(3, "公示", "Public notice", "HOUSING", 5, false),
            new(4, "办结", "Decision", "HOUSING", 1, true),
        ],
        StatutoryLimitDays = 20,
        CommittedLimitDays = 5,
        InPersonVisits = 0,
        LegalBasis = ["POL-TALENT-APT-2024"],
        Form =
        [
            new("household", "家庭人数", "Household size", FieldType.Number, true, 1, []),
            new("district", "意向片区", "Preferred district", FieldType.SingleChoice, true, 2, [new("north", "北区", "North"), new("south", "南区", "South")]),
        ],
    };
}
