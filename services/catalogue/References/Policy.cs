namespace Talent.Catalogue.References;

public enum PolicyStatus
{
    Effective,
    Expired,
    Repealed,
}

/// <summary>A policy document (政策文件), the legal basis of service items.</summary>
public sealed class Policy
{
    public string Code { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string? TitleEn { get; set; }

    public string IssuingDepartment { get; set; } = "";

    /// <summary>文号, e.g. 杭高新〔2024〕12号.</summary>
    public string? DocumentNumber { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? Summary { get; set; }

    public string? SourceUrl { get; set; }

    public PolicyStatus Status { get; set; }

    /// <summary>3 to 40 capital letters, digits or hyphens (e.g. <c>POL-TALENT-APT-2024</c>).</summary>
    public static bool IsValidCode(string code) =>
        code.Length is >= 3 and <= 40 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
