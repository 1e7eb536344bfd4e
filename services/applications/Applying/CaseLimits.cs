namespace Talent.Applications.Applying;

/// <summary>
/// The longest value each free text of a case may have: its column's length, or for notes kept in the history (jsonb,
/// unbounded by itself) a deliberate maximum. Endpoints check them and answer a 400 naming the field before anything
/// is written; the mappings use the same numbers.
/// </summary>
public static class CaseLimits
{
    /// <summary>A token subject: applicant, filer, owner, staff member.</summary>
    public const int Subject = 100;

    /// <summary>A person's name: the applicant's, the owner's.</summary>
    public const int Name = 200;

    public const int Department = 20;

    /// <summary>Reasons and notes: refusal, return, withdrawal, hand-over, visit.</summary>
    public const int Note = 2000;

    public const int Decision = 2000;

    public const int DecisionReasons = 4000;

    /// <summary>An uploaded file's name (without its folder).</summary>
    public const int FileName = 255;

    /// <summary>The Idempotency-Key header of a submission.</summary>
    public const int IdempotencyKey = 100;

    public const string NoNul = "No NUL (U+0000) characters. 不能包含空字符（U+0000）。";

    /// <summary>A message for a text over its limit, in English and Chinese.</summary>
    public static string TooLong(int limit) => $"At most {limit:N0} characters. 不超过 {limit} 个字符。";

    /// <summary>What is wrong with a free text (null when nothing is): a NUL character, which PostgreSQL stores in no text or jsonb, or its length.</summary>
    public static string? Check(string? value, int limit) =>
        value is null ? null
        : value.Contains('\0', StringComparison.Ordinal) ? NoNul
        : value.Length > limit ? TooLong(limit)
        : null;

    /// <summary>A value with a NUL character matches nothing stored (and PostgreSQL refuses it even in a query).</summary>
    public static bool HasNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;
}
