using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// A bad review's rectification case as its department's staff handle it (verify → rectify → return visit → closed, or
/// appeal the review) and as operators see it (and decide an appeal). Each action is offered when the case allows it
/// (<c>allowedActions</c>) and the person's role takes it: the steps and the appeal are the department's staff's, the
/// appeal decision an operator's. The API enforces every rule again; another department's case is 404 here as there.
/// </summary>
public partial class RectificationCasePage
{
    [Inject] private IStringLocalizer<FeedbackStrings> F { get; set; } = default!;
    [Inject] private FeedbackApi Feedback { get; set; } = default!;
    [Inject] private CatalogueApi Catalogue { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "verify", Name = "findings")] private string? Findings { get; set; }

    [SupplyParameterFromForm(FormName = "rectify", Name = "changes")] private string? Changes { get; set; }

    [SupplyParameterFromForm(FormName = "return-visit", Name = "satisfied")] private string? Satisfied { get; set; }

    [SupplyParameterFromForm(FormName = "return-visit", Name = "note")] private string? VisitNote { get; set; }

    [SupplyParameterFromForm(FormName = "appeal", Name = "reason")] private string? AppealReason { get; set; }

    [SupplyParameterFromForm(FormName = "appeal-decision", Name = "remove")] private string? Remove { get; set; }

    [SupplyParameterFromForm(FormName = "appeal-decision", Name = "note")] private string? DecisionNote { get; set; }

    /// <summary>The steps and the appeal are the department's staff's; the decision on an appeal is an operator's.</summary>
    private static readonly string[] StaffActions = ["start-verification", "verify", "rectify", "return-visit", "appeal"];

    private Rectification? Current;
    private Func<string?, string> DepartmentName = code => code ?? "";

    private string? Notice => Current is null ? null : NoticeOf(Done);

    private bool AnyAction => StaffActions.Append("appeal-decision").Any(Shows);

    /// <summary>What the department found, changed and heard back, and the appeal with its decision, as far as recorded.</summary>
    private IEnumerable<(string Label, string Text)> Record =>
        Current is not { } c ? [] : new (string, string?)[]
        {
            (C["Findings"], c.Findings),
            (C["Changes"], c.Changes),
            (C["ReturnVisit"], c.SatisfiedAfterVisit is { } satisfied ? $"{(satisfied ? C["SatisfiedYes"] : C["SatisfiedNo"])}{(c.ReturnVisitNote is { } note ? $"：{note}" : "")}" : null),
            (C["AppealReason"], c.AppealReason),
            (C["AppealDecisionNote"], c.AppealDecisionNote),
        }.Where(r => !string.IsNullOrWhiteSpace(r.Item2)).Select(r => (r.Item1, r.Item2!));

    private bool Shows(string action)
    {
        if (Posted == action)
        {
            return true; // the posted form runs its handler even if the case moved on meanwhile
        }

        var user = HttpContext?.User;
        var mine = action == "appeal-decision" ? user?.IsInRole("operator") == true : user?.IsInRole("staff") == true;
        return mine && Current?.Allows(action) == true;
    }

    protected override async Task OnInitializedAsync()
    {
        var ct = CancellationToken.None;
        var found = await Feedback.RectificationAsync(Id, ct);
        if (!Loaded(found))
        {
            return;
        }

        Current = found.Value!;
        DepartmentName = await CaseText.DepartmentNamesAsync(Catalogue, ct);
    }

    private Task StartVerificationAsync() => StepAsync("verification-started", "start-verification", null, []);

    private Task VerifyAsync() => Required("findings", Findings)
        ? StepAsync("verified", "verify", new { findings = Findings!.Trim() }, new() { ["findings"] = "findings" })
        : Task.CompletedTask;

    private Task RectifyAsync() => Required("changes", Changes)
        ? StepAsync("rectified", "rectify", new { changes = Changes!.Trim() }, new() { ["changes"] = "changes" })
        : Task.CompletedTask;

    private Task ReturnVisitAsync() => Chosen("satisfied", Satisfied, C["ChooseSatisfied"]) is { } satisfied
        ? StepAsync("visited", "return-visit", new { satisfied, note = string.IsNullOrWhiteSpace(VisitNote) ? null : VisitNote.Trim() },
            new() { ["satisfied"] = "satisfied", ["note"] = "visit-note" })
        : Task.CompletedTask;

    private Task AppealAsync() => Required("appeal-reason", AppealReason)
        ? StepAsync("appealed", "appeal", new { reason = AppealReason!.Trim() }, new() { ["reason"] = "appeal-reason" })
        : Task.CompletedTask;

    private Task DecideAppealAsync()
    {
        var remove = Chosen("remove", Remove, C["ChooseAppealDecision"]);
        return Required("decision-note", DecisionNote) && remove is not null
            ? StepAsync("appeal-decided", "appeal-decision", new { remove, note = DecisionNote!.Trim() }, new() { ["remove"] = "remove", ["note"] = "decision-note" })
            : Task.CompletedTask;
    }

    private async Task StepAsync(string done, string action, object? body, Dictionary<string, string> fields)
    {
        if (!await ActAsync(Feedback.RectificationStepAsync(Id, action, body, CancellationToken.None), $"/console/rectifications/{Id}?done={done}", fields))
        {
            Current = (await Feedback.RectificationAsync(Id, CancellationToken.None)).Value ?? Current;
        }
    }
}
