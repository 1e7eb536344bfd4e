using System.Security.Claims;

namespace Talent.Applications.Applying;

/// <summary>The caller of a request as the cases see them: one reading of the token for every endpoint.</summary>
public static class Actors
{
    public static CaseActor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.DisplayName(CaseLimits.Name),
        user.IsInRole("applicant"),
        user.IsInRole("staff"),
        user.IsInRole("operator"),
        user.Department());
}
