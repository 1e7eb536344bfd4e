using System.Security.Claims;

namespace Talent.Feedback;

/// <summary>Who acts on a rectification case or a ticket: a department's staff member, an operator, or the person served.</summary>
public sealed record CaseActor(string Subject, string Name, string? Department, bool IsStaff, bool IsOperator);

public static class Actors
{
    /// <summary>The caller's subject (<c>sub</c>), empty when the token has none.</summary>
    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";

    /// <summary>The caller as the domain sees them: subject, display name (the subject when unnamed), department and roles.</summary>
    public static CaseActor ActorOf(ClaimsPrincipal user) =>
        new(SubjectOf(user), user.FindFirstValue("name") ?? SubjectOf(user), user.Department(), user.IsInRole("staff"), user.IsInRole("operator"));
}
