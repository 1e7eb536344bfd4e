using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// A case as its department's staff handle it: the facts and deadlines, the applicant's form and materials (download,
/// PDFs and images previewed), the steps and history, and each action the case's state allows now (<c>allowedActions</c>)
/// that is this staff member's department's to take. The API enforces every rule again; a case of another department is
/// 404 here as there. Each action posts, then comes back here with what it did said once.
/// </summary>
public partial class ConsoleCase : ConsoleActionPage
{
    [Inject] private IStringLocalizer<CasesStrings> T { get; set; } = default!;
    [Inject] private ApplicationsApi Applications { get; set; } = default!;
    [Inject] private CatalogueApi Catalogue { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "refuse", Name = "reason")] private string? RefuseReason { get; set; }

    [SupplyParameterFromForm(FormName = "return", Name = "note")] private string? ReturnNote { get; set; }

    [SupplyParameterFromForm(FormName = "step", Name = "step")] private int? StepOrder { get; set; }

    [SupplyParameterFromForm(FormName = "decide", Name = "approved")] private string? Approved { get; set; }

    [SupplyParameterFromForm(FormName = "decide", Name = "decision")] private string? Decision { get; set; }

    [SupplyParameterFromForm(FormName = "decide", Name = "reasons")] private string? Reasons { get; set; }

    [SupplyParameterFromForm(FormName = "handover", Name = "toStaffId")] private string? HandoverTo { get; set; }

    [SupplyParameterFromForm(FormName = "handover", Name = "reason")] private string? HandoverReason { get; set; }

    private static readonly string[] Actions = ["accept", "return", "refuse", "complete-step", "decide", "handover"];

    private CaseView? Current;
    private List<PersonSummary>? Colleagues;
    private PublishedItem? Item;
    private List<CaseHistoryEntry> History = [];
    private WorkingDayCount Days = new();
    private DateOnly Today;
    private Func<string?, string> DepartmentName = code => code ?? "";

    private string Title => Item is null ? Current?.ItemTitleZh ?? "" : Text.Pick(Item.Content.TitleZh, Item.Content.TitleEn);

    /// <summary>The staff member's department (from the identity service's user info at sign-in).</summary>
    private string? Department => HttpContext?.User.FindFirst("department")?.Value;

    private bool Shows(string action) => Posted == FormOf(action) || Current?.Allows(action) == true;

    private bool AnyAction => Actions.Any(Shows);

    private CaseStep? NextStep => Current?.Steps.OrderBy(s => s.Order).FirstOrDefault(s => s.CompletedAt is null);

    private bool StepIsMine => Posted == "step" || (NextStep is { } step && step.Department == Department);

    private bool DecisionIsMine => Posted == "decide" || Current?.LeadDepartment == Department;

    private string? Notice => Current is null ? null : NoticeOf(Done);

    /// <summary>The form's answers by the labels of the item's form (the code where the item no longer has the field).</summary>
    private IEnumerable<(string Label, string Value)> Answers =>
        Current is null ? [] : Current.Answers.Select(a =>
        {
            var described = Item?.FlowCard.Form.FirstOrDefault(f => f.Code == a.Key);
            return (described is null ? a.Key : CaseText.Label(described), AnswerText(described, a.Value));
        });

    private string MaterialName(string code) =>
        Item?.FlowCard.Materials.FirstOrDefault(m => m.Code == code) is { } described ? CaseText.Name(described) : code;

    private static string StepName(CaseStep step) => Text.Pick(step.NameZh, step.NameEn);

    private static string FormOf(string action) => action == "complete-step" ? "step" : action;

    protected override async Task OnInitializedAsync()
    {
        var ct = CancellationToken.None;
        var found = await Applications.CaseAsync(Id, ct);
        if (!Loaded(found))
        {
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
        if (Shows("handover"))
        {
            Colleagues = await ColleaguesAsync(Current, ct);
        }
    }

    /// <summary>
    /// Whom the case can be handed over to: staff of the departments it involves (its lead department and each step's),
    /// this person aside; null when the people directory did not answer, found nobody else or more than 100 in a
    /// department (the page then asks for the account).
    /// </summary>
    private async Task<List<PersonSummary>?> ColleaguesAsync(CaseView current, CancellationToken ct)
    {
        var me = HttpContext?.User.FindFirst("sub")?.Value;
        var people = new List<PersonSummary>();
        foreach (var department in current.Steps.Select(s => s.Department).Prepend(current.LeadDepartment).Distinct(StringComparer.Ordinal))
        {
            var found = await Applications.PeopleAsync("staff", null, department, 100, ct);
            if (!found.Ok || found.Value!.Total > found.Value.Items.Count)
            {
                return null;
            }

            people.AddRange(found.Value.Items.Where(p => p.Subject != me));
        }

        // Nobody else to choose (or more than a list holds): the account is typed in, and the API checks it.
        return people.Count == 0 ? null : people;
    }

    private Task AcceptAsync() => ActAsync("accepted", Applications.AcceptAsync(Id, CancellationToken.None), []);

    private Task RefuseAsync() => Required("refuse-reason", RefuseReason)
        ? ActAsync("refused", Applications.RefuseAsync(Id, RefuseReason!.Trim(), CancellationToken.None), new() { ["reason"] = "refuse-reason" })
        : Task.CompletedTask;

    private Task ReturnAsync() => Required("return-note", ReturnNote)
        ? ActAsync("returned", Applications.ReturnAsync(Id, ReturnNote!.Trim(), CancellationToken.None), new() { ["note"] = "return-note" })
        : Task.CompletedTask;

    private Task CompleteStepAsync() =>
        ActAsync("step", Applications.CompleteStepAsync(Id, StepOrder ?? 0, CancellationToken.None), []);

    private Task DecideAsync()
    {
        var approved = Chosen("decide-approved", Approved, C["ChooseDecision"]);
        if (!Required("decide-decision", Decision) || approved is null)
        {
            return Task.CompletedTask;
        }

        return ActAsync("decided", Applications.DecideAsync(Id, approved, Decision!.Trim(), string.IsNullOrWhiteSpace(Reasons) ? null : Reasons.Trim(), CancellationToken.None),
            new() { ["approved"] = "decide-approved", ["decision"] = "decide-decision", ["reasons"] = "decide-reasons" });
    }

    private Task HandoverAsync()
    {
        var to = Required("handover-to", HandoverTo);
        if (!Required("handover-reason", HandoverReason) || !to)
        {
            return Task.CompletedTask;
        }

        return ActAsync("handedover", Applications.HandoverAsync(Id, HandoverTo!.Trim(), HandoverReason!.Trim(), CancellationToken.None),
            new() { ["toStaffId"] = "handover-to", ["reason"] = "handover-reason" });
    }

    /// <summary>Takes the action: back to this case with what it did, or the case as it is now with the errors.</summary>
    private async Task ActAsync(string done, Task<ApiResult<CaseView>> action, Dictionary<string, string> fields)
    {
        if (!await ActAsync(action, $"/console/cases/{Id}?done={done}", fields))
        {
            Current = (await Applications.CaseAsync(Id, CancellationToken.None)).Value ?? Current;
        }
    }

    private string AnswerText(FormField? described, JsonElement value)
    {
        string Option(string? v) => described?.Options.FirstOrDefault(o => o.Value == v) is { } option ? Text.Pick(option.LabelZh, option.LabelEn) : v ?? "";
        return value.ValueKind switch
        {
            JsonValueKind.String => Option(value.GetString()),
            JsonValueKind.Array => string.Join(C["ListSeparator"], value.EnumerateArray().Select(v => Option(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()))),
            JsonValueKind.True => C["Yes"],
            JsonValueKind.False => C["No"],
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        };
    }
}
