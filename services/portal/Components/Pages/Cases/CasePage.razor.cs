using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Cases;

/// <summary>
/// One of the person's cases: where it stands, its deadlines, its owner, every step and transition, its materials, the
/// decision; and what the API allows the applicant now (<c>allowedActions</c>): supplementing and resubmitting a case
/// returned for supplement (a new Idempotency-Key), withdrawing with a confirmation. Another person's case is 404.
/// </summary>
public partial class CasePage
{
    private const int MaxReason = 2000;

    [Inject] private IStringLocalizer<CasesStrings> T { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;
    [Inject] private ApplicationsApi Applications { get; set; } = default!;
    [Inject] private CatalogueApi Catalogue { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "resubmit", Name = "idempotencyKey")] private string? PostedKey { get; set; }

    [SupplyParameterFromForm(FormName = "resubmit", Name = "action")] private string? PostedAction { get; set; }

    [SupplyParameterFromForm(FormName = "withdraw", Name = "reason")] private string? WithdrawReason { get; set; }

    [SupplyParameterFromForm(FormName = "withdraw", Name = "confirm")] private string? WithdrawConfirm { get; set; }

    private CaseView? Current;
    private PublishedItem? Item;
    private List<CaseHistoryEntry> History = [];
    private List<WalletFile> Wallet = [];
    private WorkingDayCount Days = new();
    private DateOnly Today;
    private Func<string?, string> DepartmentName = code => code ?? "";
    private CaseForm Supplement = default!;
    private CaseForm Withdrawal = default!;
    private string Key = "";
    private bool Missing;
    private bool Failed;

    private string Title => Item is null ? Current?.ItemTitleZh ?? "" : Text.Pick(Item.Content.TitleZh, Item.Content.TitleEn);

    /// <summary>The form this request posted (its <c>_handler</c>), if any: it is rendered even if the case moved on, so its handler runs.</summary>
    private string? Posted => HttpContext?.Request is { HasFormContentType: true } request && HttpMethods.IsPost(request.Method) ? request.Form["_handler"].ToString() : null;

    private bool ShowResubmit => Posted == "resubmit" || (Current?.State == "ReturnedForSupplement" && Current.Allows("submit"));

    private bool ShowWithdraw => Posted == "withdraw" || Current?.Allows("withdraw") == true;

    /// <summary>The answers are edited only against the form of the version the case was made under.</summary>
    private bool AnswersEditable => Item is not null && Current is not null && Item.Version == Current.ItemVersion;

    private IReadOnlyList<FormField> Fields => AnswersEditable ? Item!.FlowCard.Form : [];

    private IReadOnlyList<RequiredMaterial> ToProvide => Item is null ? [] : [.. Item.FlowCard.Materials.Where(m => !m.NeedNotBeSubmitted)];

    private IReadOnlyList<(string? Target, string Message)> Summary =>
        Posted == "withdraw" ? Withdrawal.Summary([], []) : Supplement.Summary(Fields, ToProvide);

    /// <summary>What the last post-and-redirect did, said once (?done=submitted|resubmitted|saved|withdrawn).</summary>
    private string? Notice => Posted is not null || Current is null ? null : Done switch
    {
        "submitted" => T["SubmittedNotice", Current.Reference ?? ""].Value,
        "resubmitted" => T["ResubmittedNotice"].Value,
        "saved" => T["SupplementSaved"].Value,
        "withdrawn" => T["WithdrawnNotice"].Value,
        _ => null,
    };

    private string? LastNote(string action) => History.LastOrDefault(h => h.Action == action)?.Note is { Length: > 0 } note ? note : null;

    protected override async Task OnInitializedAsync()
    {
        var ct = CancellationToken.None;
        Supplement = new CaseForm(Applications, T);
        Withdrawal = new CaseForm(Applications, T);
        var found = await Applications.CaseAsync(Id, ct);
        if (!Usable(found))
        {
            (Missing, Failed) = (found.NotFound, !found.NotFound && !found.SignInRequired);
            return;
        }

        Current = found.Value!;
        History = (await Applications.HistoryAsync(Id, ct)).Value ?? [];
        Item = (await Catalogue.ItemAsync(Current.ItemCode, ct)).Value;
        DepartmentName = await CaseText.DepartmentNamesAsync(Catalogue, ct);
        Today = WorkingDayCount.Today(Time);
        DateOnly[] days = [Today, .. new[] { Current.DueOn, Current.AcceptanceDeadline, Current.DecisionDeadline }.OfType<DateOnly>(),
            .. Current.SubmittedAt is { } at ? [DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime)] : Array.Empty<DateOnly>()];
        Days = await WorkingDayCount.LoadAsync(Applications, days.Min(), days.Max(), ct);
        Supplement.Load(Current);
        if (ShowResubmit)
        {
            Wallet = (await Applications.WalletAsync(ct)).Value ?? [];
        }

        Key = Posted == "resubmit" && !string.IsNullOrWhiteSpace(PostedKey) ? PostedKey : PortalPage.NewIdempotencyKey();
    }

    private async Task ResubmitAsync()
    {
        var ct = CancellationToken.None;
        if (Current is null)
        {
            return;
        }

        if (!Current.Allows("edit"))
        {
            // Resubmitted meanwhile (a double click, a reload of the post): the same key answers the same.
            var again = PostedAction == "submit" && (await Applications.SubmitAsync(Id, Key, ct)).Ok;
            Navigation.NavigateTo(again ? $"/cases/{Id}?done=resubmitted" : $"/cases/{Id}");
            return;
        }

        var posted = await HttpContext!.Request.ReadFormAsync(ct);
        Supplement.Read(posted, Fields, ToProvide);
        if (Fields.Count > 0)
        {
            await Supplement.SaveAnswersAsync(Id, Fields, ct);
        }

        await Supplement.AttachAsync(Id, posted, ToProvide, ct);
        Current = Supplement.Case ?? Current;
        if (Supplement.SignInRequired)
        {
            SignInAgain();
            return;
        }

        if (PostedAction != "submit")
        {
            if (!Supplement.HasErrors)
            {
                Navigation.NavigateTo($"/cases/{Id}?done=saved");
            }

            return;
        }

        Supplement.CheckComplete(Fields, ToProvide);
        if (Supplement.HasErrors)
        {
            return;
        }

        switch (await Supplement.SubmitAsync(Id, Key, Fields, ct))
        {
            case CaseForm.Outcome.Submitted:
                Navigation.NavigateTo($"/cases/{Id}?done=resubmitted");
                break;
            case CaseForm.Outcome.NotEditable:
                Navigation.NavigateTo($"/cases/{Id}");
                break;
            case CaseForm.Outcome.KeyUsed:
                Key = PortalPage.NewIdempotencyKey();
                break;
        }
    }

    private async Task WithdrawAsync()
    {
        if (Current is null)
        {
            return;
        }

        if (!Current.Allows("withdraw"))
        {
            Navigation.NavigateTo($"/cases/{Id}");
            return;
        }

        var reason = string.IsNullOrWhiteSpace(WithdrawReason) ? null : WithdrawReason.Trim();
        if (reason?.Length > MaxReason)
        {
            Withdrawal.Errors["withdraw-reason"] = T["ReasonTooLong", MaxReason];
        }

        if (WithdrawConfirm != "yes")
        {
            Withdrawal.Errors["withdraw-confirm"] = T["ConfirmWithdraw"];
        }

        if (Withdrawal.HasErrors)
        {
            return;
        }

        var withdrawn = await Applications.WithdrawAsync(Id, reason, CancellationToken.None);
        if (withdrawn.Ok)
        {
            Navigation.NavigateTo($"/cases/{Id}?done=withdrawn");
        }
        else if (withdrawn.SignInRequired)
        {
            SignInAgain();
        }
        else if (withdrawn.ErrorFor("reason") is not null)
        {
            Withdrawal.Errors["withdraw-reason"] = T["ReasonTooLong", MaxReason];
        }
        else
        {
            Withdrawal.General.Add(withdrawn.Status == System.Net.HttpStatusCode.Conflict ? T["StateChanged"] : T["ServiceUnavailable"]);
        }
    }
}
