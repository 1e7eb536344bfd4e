using System.Net.Mail;

namespace Talent.Identity.Users;

/// <summary>Where a person is told things (e-mail, mobile phone) and in which language: checked as field errors.</summary>
public static class UserContacts
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;

    public static readonly string[] Languages = [Chinese, English];

    /// <summary>Adds an error per invalid field; null means "not given", an empty e-mail or phone clears it.</summary>
    public static void Check(string? email, string? phone, string? language, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrEmpty(email) && !IsEmail(email))
        {
            errors["email"] = [$"An e-mail address such as name@example.org, at most {EmailMaxLength} characters. 电子邮箱格式不正确（不超过 {EmailMaxLength} 个字符）。"];
        }

        if (!string.IsNullOrEmpty(phone) && !IsPhone(phone))
        {
            errors["phone"] = [$"A phone number of 5 to {PhoneMaxLength} digits, with an optional leading + and hyphens. 电话号码须为 5 至 {PhoneMaxLength} 位数字，可含开头的 + 和连字符。"];
        }

        if (language is not null && !Languages.Contains(language))
        {
            errors["language"] = [$"One of: {string.Join(", ", Languages)}. 语言须为 zh-CN 或 en。"];
        }
    }

    /// <summary>An empty value clears the field; null leaves it as it was.</summary>
    public static string? Changed(string? given, string? current) => given is null ? current : given.Length == 0 ? null : given.Trim();

    private static bool IsEmail(string value) =>
        value.Length <= EmailMaxLength
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.');

    private static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return value.Length <= PhoneMaxLength
            && digits >= 5
            && value.Select((c, i) => char.IsAsciiDigit(c) || c == '-' || (c == '+' && i == 0)).All(ok => ok);
    }
}
