namespace Talent.Contracts.Catalogue;

/// <summary>A version of a one-thing item was published in the service directory.</summary>
/// <remarks>
/// Versioned by adding fields: <see cref="LeadDepartment"/>, <see cref="Category"/>, <see cref="Stages"/> and the
/// <see cref="FlowCard"/> snapshot were added with the editing workflow; they are null on items published before.
/// Consumers keep the snapshot of the exact version they validate and time applications against.
/// </remarks>
public sealed record CatalogueItemPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Code,
    int Version,
    string TitleZh,
    string? TitleEn,
    string? LeadDepartment = null,
    string? Category = null,
    IReadOnlyList<string>? Stages = null,
    FlowCardSnapshot? FlowCard = null) : IIntegrationEvent;

/// <summary>The flow card as consumers need it: materials, steps, time limits, channels and the application form.</summary>
public sealed record FlowCardSnapshot(
    IReadOnlyList<string> Eligibility,
    IReadOnlyList<MaterialSnapshot> Materials,
    IReadOnlyList<StepSnapshot> Steps,
    int StatutoryLimitDays,
    int CommittedLimitDays,
    int InPersonVisits,
    bool Online,
    bool Mobile,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<FormFieldSnapshot> Form,
    string? EnquiryPhone = null);

/// <summary><see cref="NeedNotBeSubmitted"/>: obtainable from <see cref="SourceDepartment"/>'s data (免提交).</summary>
public sealed record MaterialSnapshot(string Code, string NameZh, string? NameEn, string Form, int Copies, bool Required, bool NeedNotBeSubmitted, string? SourceDepartment);

public sealed record StepSnapshot(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit);

/// <summary>A field of the application form; <see cref="Type"/> is text, longText, number, date, singleChoice or multipleChoice.</summary>
public sealed record FormFieldSnapshot(string Code, string LabelZh, string? LabelEn, string Type, bool Required, int Order, IReadOnlyList<FormOptionSnapshot> Options);

public sealed record FormOptionSnapshot(string Value, string LabelZh, string? LabelEn);

/// <summary>A one-thing item was taken out of the service directory.</summary>
public sealed record CatalogueItemWithdrawn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Code,
    int Version,
    string Reason) : IIntegrationEvent;
