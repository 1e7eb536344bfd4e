namespace Talent.Catalogue.References;

public sealed record StageView(string Code, string NameZh, string NameEn);

public sealed record DepartmentInput(string? NameZh, string? NameEn, string? Phone, string? Address, string? OpeningHours);

public sealed record PolicyInput(string? TitleZh, string? TitleEn, string? IssuingDepartment, string? DocumentNumber, DateOnly? IssuedOn, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, string? Summary, string? SourceUrl, PolicyStatus? Status);

