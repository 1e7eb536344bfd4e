using Microsoft.AspNetCore.Components;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Shared;

/// <summary>
/// Base of the portal's pages: the request they render for, and the two answers every page gives the same way — an API
/// that no longer knows the person (their session ended) sends them to sign in and back here; a record that is not
/// there (or not theirs) answers 404 with the page's own "not found" text.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    /// <summary>This page's address relative to the site, for coming back after signing in.</summary>
    protected string Here => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    protected void SignInAgain() => Navigation.NavigateTo($"/account/login?returnUrl={Uri.EscapeDataString(Here)}", forceLoad: true);

    /// <summary>True when the answer was usable; otherwise handles a lost session, and marks the response 404 where fitting.</summary>
    protected bool Usable<T>(ApiResult<T> result)
    {
        if (result.SignInRequired)
        {
            SignInAgain();
            return false;
        }

        if (result.NotFound && HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return result.Ok;
    }

    /// <summary>A fresh key for a form that must take effect once (double clicks, reloads): carried in a hidden field.</summary>
    protected static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");
}
