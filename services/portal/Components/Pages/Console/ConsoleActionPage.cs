using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// Base of the console's pages that act on a record (a case, a rectification, a ticket): each action is a form that
/// posts, is checked here for what must be filled in, then by the API; on success the page is loaded again with what
/// was done said once (post, redirect, get); otherwise each error sits beside its field and in the summary at the top,
/// a refusal of the state (409) or of the caller (403) at the top alone.
/// </summary>
public abstract class ConsoleActionPage : PortalPage
{
    [Inject] protected IStringLocalizer<ConsoleStrings> C { get; set; } = default!;

    [Inject] protected IStringLocalizer<Strings> L { get; set; } = default!;

    /// <summary>The errors of the posted form, by the id of the element they belong beside.</summary>
    protected Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    protected string? GeneralError { get; set; }

    /// <summary>What a refusal of the record's state (409) says: the record moved on.</summary>
    protected virtual string ConflictText => C["Conflict"];

    /// <summary>The record is not there, or not the person's to see (the page answers 404).</summary>
    protected bool Missing { get; private set; }

    /// <summary>The API did not answer usefully (the page says the service is unavailable).</summary>
    protected bool Failed { get; private set; }

    /// <summary>The form this request posted (its <c>_handler</c>), if any: rendered even if the record moved on, so its handler runs.</summary>
    protected string? Posted => HttpContext?.Request is { HasFormContentType: true } request && HttpMethods.IsPost(request.Method) ? request.Form["_handler"].ToString() : null;

    protected IReadOnlyList<(string? Target, string Message)> Summary =>
        [.. GeneralError is null ? [] : new[] { ((string?)null, GeneralError) }, .. Errors.Select(e => ((string?)e.Key, e.Value))];

    protected string? ErrorFor(string id) => Errors.GetValueOrDefault(id);

    /// <summary>What the action before the redirect did (<c>?done=</c>), said once; nothing while a form is being posted.</summary>
    protected string? NoticeOf(string? done) => Posted is null && done is not null && C[$"Done.{done}"] is { ResourceNotFound: false } text ? text.Value : null;

    /// <summary>True when the record was read; otherwise <see cref="Missing"/> or <see cref="Failed"/> (or off to sign in).</summary>
    protected bool Loaded<T>(ApiResult<T> found)
    {
        if (Usable(found))
        {
            return true;
        }

        (Missing, Failed) = (found.NotFound, !found.NotFound && !found.SignInRequired);
        return false;
    }

    protected bool Required(string id, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Errors[id] = C["Required"];
        return false;
    }

    /// <summary>A choice of two (<c>true</c>/<c>false</c> radio buttons), or an error beside it when none was made.</summary>
    protected bool? Chosen(string id, string? value, string unchosen)
    {
        bool? chosen = value switch { "true" => true, "false" => false, _ => null };
        if (chosen is null)
        {
            Errors[id] = unchosen;
        }

        return chosen;
    }

    /// <summary>
    /// Takes the action; true when the page moved on (done: back to <paramref name="back"/>; or the session ended: to
    /// sign in). Otherwise the API's errors beside the fields they name (<paramref name="fields"/>: the API's field to this
    /// page's element id) or its refusal at the top, and false: the page shows the record again as it is now.
    /// </summary>
    protected Task<bool> ActAsync<T>(Task<ApiResult<T>> action, string back, IReadOnlyDictionary<string, string> fields) =>
        ActAsync(action, _ => back, fields);

    /// <summary>As above, where the page to go back to depends on what the API answered (a record it created).</summary>
    protected async Task<bool> ActAsync<T>(Task<ApiResult<T>> action, Func<T, string> back, IReadOnlyDictionary<string, string> fields)
    {
        var result = await action;
        if (result.SignInRequired)
        {
            SignInAgain();
            return true;
        }

        if (result.Ok)
        {
            Navigation.NavigateTo(back(result.Value!));
            return true;
        }

        foreach (var (field, messages) in result.Errors)
        {
            if (fields.TryGetValue(field, out var id) && messages.Length > 0)
            {
                Errors[id] = CaseText.InLanguage(messages[0]);
            }
        }

        if (Errors.Count == 0)
        {
            GeneralError = result.Status == HttpStatusCode.Conflict ? ConflictText : CaseText.InLanguage(result.Title) is { Length: > 0 } title ? title : L["ServiceUnavailable"];
        }

        return false;
    }
}
