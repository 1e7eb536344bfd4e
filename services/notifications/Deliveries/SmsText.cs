using Talent.Notifications.Inbox;
using Talent.Notifications.People;

namespace Talent.Notifications.Deliveries;

/// <summary>A notification as a text message: the title, the next step and the date, signed; at most 300 characters.</summary>
public static class SmsText
{
    public const int MaxLength = 300;

    public static string Of(Notification notification)
    {
        var english = notification.Language == Languages.English;
        var due = notification.DueOn is { } d ? (english ? $" By {d:yyyy-MM-dd}." : $"截止 {d:yyyy-MM-dd}。") : "";
        var text = english
            ? $"[Talent] {notification.Title}. {notification.NextStep}{due}"
            : $"【人才服务平台】{notification.Title}。{notification.NextStep}{due}";
        return text.Length > MaxLength ? text[..(MaxLength - 1)] + "…" : text;
    }
}
