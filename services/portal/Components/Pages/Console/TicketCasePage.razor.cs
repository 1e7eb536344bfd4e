using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// A problem-feedback ticket as the department it was routed to handles it: the message, the reply, the history, and
/// taking it up (the first to take it owns it, 首问负责) and replying, offered while it is open and to its owner (or
/// anyone of the department while nobody owns it). The API enforces every rule again; a ticket routed elsewhere is 404.
/// </summary>
public partial class TicketCasePage
{
    [Inject] private IStringLocalizer<FeedbackStrings> F { get; set; } = default!;
    [Inject] private FeedbackApi Feedback { get; set; } = default!;
    [Inject] private CatalogueApi Catalogue { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "reply", Name = "reply")] private string? Reply { get; set; }

    [SupplyParameterFromForm(FormName = "transfer", Name = "department")] private string? TransferTo { get; set; }

    [SupplyParameterFromForm(FormName = "transfer", Name = "reason")] private string? TransferReason { get; set; }

    [SupplyParameterFromForm(FormName = "record", Name = "answer")] private string? Answer { get; set; }

    [SupplyParameterFromForm(FormName = "record", Name = "recordNote")] private string? RecordNote { get; set; }

    /// <summary>What a walk-in person may say about the reply: satisfied, not satisfied but done, or wanting a new reply.</summary>
    private static readonly string[] RecordAnswers = ["satisfied", "dissatisfied", "reopen"];

    private FeedbackTicket? Current;
    private List<FeedbackCategory> Categories = [];
    private List<Department> Departments = [];
    private Func<string?, string> DepartmentName = code => code ?? "";

    private string? Notice => Current is null ? null : NoticeOf(Done);

    private string? Me => HttpContext?.User.FindFirst("sub")?.Value;

    private bool Open => Current?.State == "open" && Handles;

    /// <summary>The department's staff handle its tickets; operators the platform's own (routed to <c>PLATFORM</c>).</summary>
    private bool Handles => HttpContext?.User is { } user && Current is { } ticket
        && ((user.IsInRole("staff") && user.FindFirst("department")?.Value == ticket.Department) || (user.IsInRole("operator") && ticket.Department == "PLATFORM"));

    private bool OwnedByOther => Open && Current?.OwnerId is { } owner && owner != Me;

    private bool CanTake => Posted == "take" || (Open && Current?.OwnerId is null);

    private bool CanReply => Posted == "reply" || (Open && !OwnedByOther);

    private bool IsOperator => HttpContext?.User.IsInRole("operator") == true;

    /// <summary>A ticket waiting for a reply is passed on by its owner (any of the department while nobody owns it) or an operator.</summary>
    private bool CanTransfer => Posted == "transfer" || (Current?.State == "open" && ((Handles && !OwnedByOther) || IsOperator));

    /// <summary>A walk-in person's answer to the reply is recorded by the department's staff or by whoever received them.</summary>
    private bool CanRecord => Posted == "record" || (Current is { State: "replied", Channel: not "online" } ticket
        && (Handles || (ticket.OpenedByName is not null && ticket.History.FirstOrDefault()?.ActorId == Me)));

    private string CategoryName(string code) => Categories.FirstOrDefault(c => c.Code == code) is { } c ? Text.Pick(c.NameZh, c.NameEn) : code;

    protected override async Task OnInitializedAsync()
    {
        var ct = CancellationToken.None;
        var found = await Feedback.TicketAsync(Id, ct);
        if (!Loaded(found))
        {
            return;
        }

        Current = found.Value!;
        Categories = (await Feedback.CategoriesAsync(ct)).Value ?? [];
        DepartmentName = await CaseText.DepartmentNamesAsync(Catalogue, ct, F);
        if (CanTransfer)
        {
            Departments = (await Catalogue.DepartmentsAsync(ct)).Value ?? [];
        }
    }

    private Task TransferAsync()
    {
        var chosen = Required("transfer-department", TransferTo);
        return Required("transfer-reason", TransferReason) && chosen
            ? ActAsync("transferred", Feedback.TransferTicketAsync(Id, TransferTo, TransferReason!.Trim(), CancellationToken.None),
                new() { ["department"] = "transfer-department", ["reason"] = "transfer-reason" })
            : Task.CompletedTask;
    }

    private Task RecordAsync()
    {
        if (!RecordAnswers.Contains(Answer))
        {
            Errors["record-answer"] = C["WalkInAnswerUnchosen"];
            return Task.CompletedTask;
        }

        var reopen = Answer == "reopen";
        if (reopen && !Required("record-note", RecordNote))
        {
            return Task.CompletedTask;
        }

        var note = string.IsNullOrWhiteSpace(RecordNote) ? null : RecordNote.Trim();
        return ActAsync(reopen ? "recordedReopening" : "recordedConfirmation",
            Feedback.RecordTicketAnswerAsync(Id, reopen, reopen ? null : Answer == "satisfied", note, CancellationToken.None), new() { ["note"] = "record-note" });
    }

    private Task TakeAsync() => ActAsync("taken", Feedback.TakeTicketAsync(Id, CancellationToken.None), []);

    private Task ReplyAsync() => Required("reply", Reply)
        ? ActAsync("replied", Feedback.ReplyTicketAsync(Id, Reply!.Trim(), CancellationToken.None), new() { ["reply"] = "reply" })
        : Task.CompletedTask;

    private async Task ActAsync(string done, Task<ApiResult<FeedbackTicket>> action, Dictionary<string, string> fields)
    {
        if (!await ActAsync(action, $"/console/tickets/{Id}?done={done}", fields))
        {
            Current = (await Feedback.TicketAsync(Id, CancellationToken.None)).Value ?? Current;
        }
    }
}
