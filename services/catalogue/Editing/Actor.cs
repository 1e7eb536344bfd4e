using System.Security.Claims;

namespace Talent.Catalogue.Editing;

/// <summary>Who acts: operators act on every item, staff on the items their department leads.</summary>
public sealed record Actor(string Subject, bool IsOperator, string? Department)
{
    /// <summary>The caller of a request as the workflow sees them (the one place a token becomes an actor).</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue("sub") ?? "", user.IsInRole("operator"), user.IsInRole("staff") ? user.Department() : null);

    public bool ActsFor(string department) => IsOperator || string.Equals(Department, department, StringComparison.Ordinal);
}
