namespace Talent.Portal;

/// <summary>The text of the notifications page, in Resources/NotificationsStrings.resx (Chinese, neutral) and NotificationsStrings.en.resx.</summary>
public sealed class NotificationsStrings;
