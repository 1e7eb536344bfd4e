namespace Talent.Notifications;

/// <summary>The authorization policies of the notifications API (each: the <c>notifications</c> scope and one of the roles).</summary>
public static class NotificationsPolicies
{
    /// <summary>Anyone signed in as a person (every role): their own inbox and preferences.</summary>
    public const string Person = "notifications-person";

    /// <summary>Operators: deliveries that failed for good, and sending them again.</summary>
    public const string Operator = "notifications-operator";
}
