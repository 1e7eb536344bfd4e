namespace Talent.Notifications.Preferences;

/// <summary>
/// Which channels a person wants for one kind of notification besides the in-app inbox, which is always on (table
/// <c>channel_preferences</c>). Without a row: e-mail on, SMS off.
/// </summary>
public sealed class ChannelPreference
{
    public string Subject { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public bool Email { get; private set; }

    public bool Sms { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    private ChannelPreference()
    {
    }

    public static bool DefaultEmail => true;

    public static bool DefaultSms => false;

    public static ChannelPreference For(string subject, string kind) => new() { Subject = subject, Kind = kind, Email = DefaultEmail, Sms = DefaultSms };

    public void Set(bool email, bool sms, DateTimeOffset now) => (Email, Sms, ChangedAt) = (email, sms, now);
}
