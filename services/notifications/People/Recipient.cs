using Talent.Contracts.People;

namespace Talent.Notifications.People;

/// <summary>
/// A person as notifications knows them (table <c>recipients</c>): where to reach them and in which language, kept from the
/// identity service's <c>PersonChanged</c> (the newest change wins), and the language they chose here, which wins over it.
/// </summary>
public sealed class Recipient
{
    public const int SubjectLength = 100;
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int PhoneLength = 20;
    public const int LanguageLength = 10;
    public const int DepartmentLength = 20;

    public string Subject { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The language given at the identity service.</summary>
    public string? Language { get; private set; }

    /// <summary>The language the person chose in their notification preferences; wins over <see cref="Language"/>.</summary>
    public string? ChosenLanguage { get; private set; }

    public bool Disabled { get; private set; }

    /// <summary>Staff of a department (role <c>staff</c>): told of their department's cases that have no owner yet.</summary>
    public bool Staff { get; private set; }

    public string? Department { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    private Recipient()
    {
    }

    /// <summary>The language messages to this person are written in.</summary>
    public string WritesIn => Languages.Of(ChosenLanguage ?? Language);

    public static Recipient From(PersonChanged changed)
    {
        var recipient = new Recipient { Subject = changed.Subject, ChangedAt = DateTimeOffset.MinValue };
        recipient.Apply(changed);
        return recipient;
    }

    /// <summary>A person heard of only through their own preferences (the identity's announcement not yet arrived).</summary>
    public static Recipient Unannounced(string subject) => new() { Subject = subject, ChangedAt = DateTimeOffset.MinValue };

    /// <summary>Takes the change unless a later one was applied; over-long values are cut (the event is a fact).</summary>
    public bool Apply(PersonChanged changed)
    {
        if (changed.OccurredAt < ChangedAt)
        {
            return false;
        }

        DisplayName = Cut(changed.DisplayName, NameLength) ?? "";
        Email = Cut(changed.Email, EmailLength);
        Phone = Cut(changed.Phone, PhoneLength);
        Language = Cut(changed.Language, LanguageLength);
        Disabled = changed.Disabled;
        Staff = changed.Roles?.Contains("staff") == true;
        Department = Cut(changed.Department, DepartmentLength);
        ChangedAt = changed.OccurredAt;
        return true;
    }

    public void Choose(string? language) => ChosenLanguage = language;

    private static string? Cut(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length > length ? value[..length] : value;
}

/// <summary>The two languages messages are written in.</summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly string[] All = [Chinese, English];

    /// <summary>English for any English tag (<c>en</c>, <c>en-GB</c>), Chinese otherwise.</summary>
    public static string Of(string? tag) =>
        tag is not null && (tag.Equals(English, StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) ? English : Chinese;
}
