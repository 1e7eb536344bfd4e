namespace Talent.Notifications.Messages;

/// <summary>How messages name and link what they are about, shared by the consumers.</summary>
internal static class References
{
    /// <summary>A record known only by its id (a rectification case, a demand): people quote its first eight characters.</summary>
    public static string Short(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>The applicant's page of an application in the portal.</summary>
    public static string CaseLink(Guid applicationId) => $"/cases/{applicationId}";
}
