using System.Security.Claims;

namespace Talent.Feedback;

/// <summary>Who acts on a rectification case or a ticket: a department's staff member, an operator, or the person served.</summary>
public sealed record CaseActor(string Subject, string Name, string? Department, bool IsStaff, bool IsOperator);

public static class Actors
{
    /// <summary>The longest name a ticket or a case records (its columns).</summary>
    public const int NameMaxLength = 200;

    /// <summary>The caller's subject (<c>sub</c>), empty when the token has none.</summary>
    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";

    /// <summary>The caller as the domain sees them: subject, display name, department and roles.</summary>
    public static CaseActor ActorOf(ClaimsPrincipal user) =>
        new(SubjectOf(user), user.DisplayName(NameMaxLength), user.Department(), user.IsInRole("staff"), user.IsInRole("operator"));
}
