using System.Security.Claims;

namespace Talent.Matching;

/// <summary>Who is calling, as every matching endpoint reads it from the access token.</summary>
public static class Actors
{
    /// <summary>The caller's subject: a person's demands and engagements, and a provider's profile, are keyed by it.</summary>
    public static string ActorOf(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";

    /// <summary>Commissioners and operators see every demand's candidates, not only their own.</summary>
    public static bool Coordinates(ClaimsPrincipal user) => user.IsInRole("operator") || user.IsInRole("commissioner");
}
