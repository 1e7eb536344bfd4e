namespace Talent.Catalogue.FlowCards;

/// <summary>
/// The flow card (事项办理流程卡) of one item version, after CPSV-AP and Chinese service guides (办事指南).
/// Immutable: a draft is edited by replacing its card; a published card never changes.
/// </summary>
public sealed record FlowCard
{
    public IReadOnlyList<string> Eligibility { get; init; } = [];

    public IReadOnlyList<RequiredMaterial> Materials { get; init; } = [];

    public IReadOnlyList<ProcedureStep> Steps { get; init; } = [];

    /// <summary>法定时限, in working days.</summary>
    public int StatutoryLimitDays { get; init; }

    /// <summary>承诺时限, in working days; never above the statutory limit.</summary>
    public int CommittedLimitDays { get; init; }

    public Channels Channels { get; init; } = new();

    /// <summary>跑动次数: 0 or 1 (the zone's goal is 0).</summary>
    public int InPersonVisits { get; init; }

    /// <summary>Fees; empty means free of charge (the default).</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];

    /// <summary>Codes of the policies that are the legal basis.</summary>
    public IReadOnlyList<string> LegalBasis { get; init; } = [];

    public IReadOnlyList<Faq> Faq { get; init; } = [];

    public string? EnquiryPhone { get; init; }

    public string? ComplaintPhone { get; init; }

    public IReadOnlyList<FormField> Form { get; init; } = [];
}

public enum MaterialForm
{
    Original,
    Copy,
    Electronic,
}

public enum MaterialSource
{
    /// <summary>The applicant provides it.</summary>
    Applicant,

    /// <summary>Obtainable from a named department's data: not to be submitted (免提交).</summary>
    DepartmentData,
}

public sealed record RequiredMaterial(
    string Code,
    string NameZh,
    string? NameEn,
    string? Description,
    MaterialForm Form,
    int Copies,
    bool Required,
    MaterialSource Source,
    string? SourceDepartment)
{
    public bool NeedNotBeSubmitted => Source == MaterialSource.DepartmentData;
}

/// <summary>A step, by its department; special procedures (expert review, public notice) do not count toward the limit.</summary>
public sealed record ProcedureStep(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit);

public sealed record Channels
{
    public bool Online { get; init; } = true;

    public bool Mobile { get; init; }

    public IReadOnlyList<ServiceWindow> Windows { get; init; } = [];
}

public sealed record ServiceWindow(string AddressZh, string? AddressEn, string Hours);

public sealed record Fee(string NameZh, decimal AmountYuan, string? Basis);

public sealed record Faq(string QuestionZh, string AnswerZh, string? QuestionEn, string? AnswerEn);

public enum FieldType
{
    Text,
    LongText,
    Number,
    Date,
    SingleChoice,
    MultipleChoice,
}

public sealed record FormField(string Code, string LabelZh, string? LabelEn, FieldType Type, bool Required, int Order, IReadOnlyList<FieldOption> Options)
{
    public bool IsChoice => Type is FieldType.SingleChoice or FieldType.MultipleChoice;
}

public sealed record FieldOption(string Value, string LabelZh, string? LabelEn);
