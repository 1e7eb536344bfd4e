namespace Talent.Notifications.Messages;

/// <summary>What a notification is about; people choose channels per kind (in-app is always on).</summary>
public static class NotificationKinds
{
    /// <summary>The applicant: the application was returned for supplement (补正).</summary>
    public const string SupplementRequested = "supplementRequested";

    /// <summary>The applicant: the application was accepted (受理), with its owner and decision deadline.</summary>
    public const string Accepted = "accepted";

    /// <summary>The applicant: the application was decided (办结), and the invitation to rate it (好差评).</summary>
    public const string Decided = "decided";

    /// <summary>The case owner: a deadline is one working day away.</summary>
    public const string DueSoon = "dueSoon";

    /// <summary>The case owner: a deadline passed.</summary>
    public const string Overdue = "overdue";

    public static readonly string[] All = [SupplementRequested, Accepted, Decided, DueSoon, Overdue];
}
