using Talent.Notifications.Inbox;
using Talent.Notifications.People;

namespace Talent.Notifications.Deliveries;

/// <summary>The plain-text body of a notification's e-mail: what happened, what to do next, by when, and where.</summary>
public static class EmailText
{
    public static string Of(Notification notification, Uri? portal)
    {
        var english = notification.Language == Languages.English;
        var lines = new List<string> { notification.Body, "", notification.NextStep };
        if (notification.DueOn is { } due)
        {
            lines.Add(english ? $"Due by: {due:yyyy-MM-dd}" : $"截止日期：{due:yyyy-MM-dd}");
        }

        if (portal is not null && notification.Link is { } link)
        {
            lines.Add("");
            lines.Add((english ? "Open in the portal: " : "在门户中查看：") + new Uri(portal, link.TrimStart('/')));
        }

        lines.Add("");
        lines.Add(english
            ? "Talent service platform. Choose which messages reach you by e-mail under Notifications in the portal."
            : "人才服务平台。可在门户“消息通知”中设置哪些消息通过电子邮件发送。");
        return string.Join("\n", lines);
    }
}
