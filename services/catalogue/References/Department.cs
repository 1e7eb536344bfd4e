namespace Talent.Catalogue.References;

/// <summary>A competent authority (主管部门).</summary>
public sealed class Department
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string? NameEn { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>2 to 20 capital letters or digits, starting with a letter (e.g. <c>HOUSING</c>).</summary>
    public static bool IsValidCode(string code) =>
        code.Length is >= 2 and <= 20 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
