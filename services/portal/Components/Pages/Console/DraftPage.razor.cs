using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;

namespace Talent.Portal.Components.Pages.Console;

public partial class DraftPage
{
    [Inject] private CatalogueEditingApi Editing { get; set; } = default!;

    [Inject] private CatalogueApi Catalogue { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "draft", Name = "revision")] private int? PostedRevision { get; set; }

    [SupplyParameterFromForm(FormName = "draft", Name = "after")] private string? After { get; set; }

    [SupplyParameterFromForm(FormName = "return", Name = "comment")] private string? ReturnComment { get; set; }

    private DraftVersion? Version;
    private List<FieldChange>? Changes;
    private List<Department> Departments = [];
    private DraftForm Form = new();
    private int Revision;

    protected override string ConflictText => C["DraftConflict"];

    private bool IsOperator => HttpContext?.User.IsInRole("operator") == true;

    /// <summary>The form while the version is a draft (or when one was posted, so its handler runs and hears the API's answer).</summary>
    private bool ShowsForm => Version?.State == "Draft" || Posted == "draft";

    private bool ShowsReview => IsOperator && (Version?.State == "InReview" || Posted is "publish" or "return");

    protected override async Task OnInitializedAsync()
    {
        var ct = CancellationToken.None;
        var found = await Editing.DraftAsync(Id, ct);
        if (!Loaded(found))
        {
            return;
        }

        Version = found.Value!;
        var changes = await Editing.ChangesAsync(Id, ct);
        Changes = changes.Ok ? changes.Value : null;
        Departments = (await Catalogue.DepartmentsAsync(ct)).Value ?? [];

        // A post keeps what was typed (and the revision the form opened at); a visit shows the draft as saved.
        if (Posted == "draft")
        {
            Form = DraftForm.Of(await HttpContext!.Request.ReadFormAsync(ct));
            Revision = PostedRevision ?? 0;
        }
        else
        {
            Form = DraftForm.Of(Version);
            Revision = Version.Revision;
        }
    }

    private async Task SaveAsync()
    {
        if (Version is null || Form.Build(Errors, C) is not { } built)
        {
            return;
        }

        var ct = CancellationToken.None;
        var saved = await Editing.SaveAsync(Id, built.Content, built.FlowCard, Revision, ct);
        if (saved.SignInRequired)
        {
            SignInAgain();
            return;
        }

        if (!saved.Ok)
        {
            Refused(saved);
            return;
        }

        (Version, Revision) = (saved.Value!, saved.Value!.Revision);
        if (After != "submit")
        {
            Navigation.NavigateTo($"/console/catalogue/drafts/{Id}?done=draft-saved");
            return;
        }

        // Saved and now handed to review: a refusal here (the state moved on meanwhile) is said at the top, the draft saved.
        await ActAsync(Editing.SubmitAsync(Id, ct), $"/console/catalogue/drafts/{Id}?done=draft-submitted", new Dictionary<string, string>());
    }

    /// <summary>A stale save (412) keeps the typing over the revision now current; otherwise the API's errors beside the fields they name.</summary>
    private void Refused(ApiResult<DraftVersion> result)
    {
        if (result.Status == HttpStatusCode.PreconditionFailed)
        {
            // Somebody saved first: what this person typed stays in the form, over the revision now current.
            (GeneralError, Revision) = (C["StaleDraft"], Version!.Revision);
            return;
        }

        foreach (var (field, messages) in result.Errors)
        {
            var id = Form.IdForError(field);
            if (id is not null && messages.Length > 0 && !Errors.ContainsKey(id))
            {
                Errors[id] = CaseText.InLanguage(messages[0]);
            }
            else if (id is null && messages.Length > 0)
            {
                GeneralError ??= CaseText.InLanguage(messages[0]);
            }
        }

        if (Errors.Count > 0 || GeneralError is not null)
        {
            return;
        }

        GeneralError = result.Status == HttpStatusCode.Conflict ? ConflictText
            : CaseText.InLanguage(result.Title) is { Length: > 0 } title ? title : L["ServiceUnavailable"].Value;
    }

    private Task PublishAsync() =>
        ActAsync(Editing.PublishAsync(Id, CancellationToken.None), $"/console/catalogue/drafts/{Id}?done=draft-published", new Dictionary<string, string>());

    private async Task ReturnAsync()
    {
        if (Required("return-draft-comment", ReturnComment))
        {
            await ActAsync(Editing.ReturnAsync(Id, ReturnComment!.Trim(), CancellationToken.None), $"/console/catalogue/drafts/{Id}?done=draft-returned",
                new Dictionary<string, string> { ["comment"] = "return-draft-comment" });
        }
    }

    /// <summary>A changed field by its labels: its part of the form, its row, its name (the diff names content fields without <c>content.</c>).</summary>
    private string Describe(string path)
    {
        var full = path.StartsWith("flowCard", StringComparison.Ordinal) ? path : $"content.{path}";
        var section = DraftForm.Sections.Where(s => full.StartsWith(s.Path, StringComparison.Ordinal)).MaxBy(s => s.Path.Length);
        if (section is null)
        {
            return path;
        }

        var parts = new List<string> { C[$"DS.{section.Key}"] };
        var rest = full[section.Path.Length..];
        if (section.Rows && rest.StartsWith('[') && rest.IndexOf(']') is > 1 and var close && int.TryParse(rest[1..close], out var row))
        {
            parts.Add(C["RowNumber", row + 1]);
            rest = rest[(close + 1)..];
        }

        var name = rest.TrimStart('.').Split('.', '[')[0];
        if (name.Length > 0)
        {
            parts.Add(C[$"DF.{name}"] is { ResourceNotFound: false } label ? label.Value : name);
        }

        return string.Join(" › ", parts);
    }

    /// <summary>A value of the diff (JSON) as text: a string without its quotes, nothing as a dash.</summary>
    private static string Shown(string? json)
    {
        if (json is null or "null")
        {
            return "—";
        }

        try
        {
            return json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) ?? "" : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
