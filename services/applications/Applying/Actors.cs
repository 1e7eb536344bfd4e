using System.Security.Claims;

namespace Talent.Applications.Applying;

/// <summary>The caller of a request as the cases see them: one reading of the token for every endpoint.</summary>
public static class Actors
{
    public static CaseActor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        NameOf(user),
        user.IsInRole("applicant"),
        user.IsInRole("staff"),
        user.IsInRole("operator"),
        user.Department());

    // Recorded as the applicant's or owner's name: another provider's tokens may carry a longer one than the column holds.
    private static string NameOf(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue("nickname") ?? user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "";
        return name.Length > CaseLimits.Name ? name[..CaseLimits.Name] : name;
    }
}
