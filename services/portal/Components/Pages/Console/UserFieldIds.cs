namespace Talent.Portal.Components.Pages.Console;

/// <summary>The identity API's field names to the element ids of the console's person forms.</summary>
public static class UserFieldIds
{
    public static readonly IReadOnlyDictionary<string, string> All = new[] { "userName", "password", "displayName", "roles", "departmentCode", "applicantKind", "creditCode", "newPassword" }
        .ToDictionary(f => f, f => $"user-{f}", StringComparer.OrdinalIgnoreCase);
}
