using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Analysis;
using Talent.Feedback.Applications;
using Talent.Feedback.Data;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.ReadModels;
using Talent.WorkingDays;
using static Talent.Feedback.Tickets.TicketContracts;

namespace Talent.Feedback.Tickets;

/// <summary>
/// Opening a ticket: whether the request is complete and the person may open one more, which of the person's
/// applications or which item it is about, the department it goes to (the application's, else the item's lead
/// department, else the category's), its number.
/// </summary>
public static partial class TicketOpening
{
    /// <summary>The database sequence ticket numbers are drawn from.</summary>
    public const string NumberSequence = "feedback_ticket_number";

    public const int MaxOpenPerPerson = 20;

    /// <summary>The application (one of the person's) and the item the ticket is about, as far as it names them.</summary>
    public sealed record Target(ApplicationCopy? Application, string? ItemCode, CatalogueItemCopy? Item);

    /// <summary>What the ticket is about, and the field-named errors of the request (none when it may be opened).</summary>
    public static async Task<(Target Target, Dictionary<string, string[]> Errors)> CheckAsync(OpenRequest request, string requester, FeedbackDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors["kind"] = ["question, complaint, suggestion or demand. 请选择类型：咨询、投诉、建议或诉求。"];
        }

        if (request.Category is null || !TicketRouting.Defaults.ContainsKey(request.Category))
        {
            errors["category"] = [$"One of {string.Join(", ", TicketRouting.Defaults.Keys)}. 请选择问题分类。"];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > FeedbackTicket.TitleMaxLength)
        {
            errors["title"] = [$"1 to {FeedbackTicket.TitleMaxLength} characters. 标题须为 1 至 {FeedbackTicket.TitleMaxLength} 字。"];
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > FeedbackTicket.BodyMaxLength)
        {
            errors["body"] = [$"1 to {FeedbackTicket.BodyMaxLength} characters. 内容须为 1 至 {FeedbackTicket.BodyMaxLength} 字。"];
        }

        ApplicationCopy? application = null;
        if (request.ApplicationId is { } applicationId)
        {
            application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.ApplicantId == requester, ct);
            if (application is null)
            {
                errors["applicationId"] = ["Not one of your submitted applications. 不是您已提交的办件。"];
            }
        }

        var itemCode = application?.ItemCode ?? (string.IsNullOrWhiteSpace(request.ItemCode) ? null : request.ItemCode.Trim());
        var item = itemCode is null ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == itemCode, ct);
        if (itemCode is not null && item is null && application is null)
        {
            errors["itemCode"] = ["No such item in the directory. 服务目录中没有该事项。"];
        }

        return (new Target(application, itemCode, item), errors);
    }

    /// <summary>A walk-in person as staff recorded them, or field-named errors added to <paramref name="errors"/>.</summary>
    public static (string Channel, string Name, string Phone) CheckWalkIn(WalkInRequest request, Dictionary<string, string[]> errors)
    {
        if (request.Channel is not ("window" or "phone"))
        {
            errors["channel"] = ["window (at a service point) or phone. 渠道须为 window（窗口）或 phone（电话）。"];
        }

        var name = request.PersonName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors["personName"] = ["The person's name, 1 to 100 characters. 请填写反馈人姓名（1 至 100 字）。"];
        }

        var phone = request.PersonPhone?.Trim() ?? "";
        if (!PhonePattern().IsMatch(phone))
        {
            errors["personPhone"] = ["A telephone number to reach them with the reply (digits, spaces, +, -; 5 to 20). 请填写联系电话，以便告知答复。"];
        }

        return (request.Channel ?? "", name, phone);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,18}[0-9]$")]
    private static partial Regex PhonePattern();

    /// <summary>409 when the person has <see cref="MaxOpenPerPerson"/> tickets not closed yet.</summary>
    public static async Task<Refusal?> RefuseAsync(string requester, FeedbackDbContext db, CancellationToken ct) =>
        await db.Tickets.CountAsync(t => t.RequesterId == requester && t.State != TicketState.Closed, ct) >= MaxOpenPerPerson
            ? Refusal.Conflict($"At most {MaxOpenPerPerson} open tickets per person; confirm the answered ones first. 每人最多 {MaxOpenPerPerson} 个未关闭工单。")
            : null;

    /// <summary>
    /// Opens the checked request's ticket, numbered and routed, due in <see cref="FeedbackOptions.TicketReplyDays"/>, with its
    /// text for demand analysis and <c>FeedbackTicketOpened</c>. Saved by the caller.
    /// </summary>
    public static async Task<FeedbackTicket> OpenAsync(FeedbackDbContext db, OpenRequest request, Target target, string requester, string requesterName, FeedbackOptions options, DateTimeOffset now, CancellationToken ct,
        FeedbackTicket.WalkIn? walkIn = null)
    {
        var (department, routedBy) = Route(target, request.Category!, options.TicketRouting);
        var number = await NextNumberAsync(db, now, ct);
        var calendar = await CalendarCopy.CalendarAsync(db, ct);
        var ticket = FeedbackTicket.Open(number, request.Kind!.Value, request.Category!, request.Title!.Trim(), request.Body!.Trim(), target.ItemCode, target.Application?.Id,
            requester, requesterName, department, routedBy, calendar, options.TicketReplyDays, now, walkIn);
        db.Tickets.Add(ticket);
        if (FeedbackText.Of(FeedbackText.Ticket, ticket.Id, now, department, target.ItemCode, ticket.Category, target.Item?.Stages, ticket.Title, ticket.Body) is { } text)
        {
            db.Texts.Add(text);
        }

        db.RecordEvent(TicketEvents.Opened(ticket, now));
        return ticket;
    }

    /// <summary>The department and how it was chosen: <c>application</c>, <c>item</c> or <c>category</c>.</summary>
    private static (string Department, string RoutedBy) Route(Target target, string category, IReadOnlyDictionary<string, string> overrides) =>
        target.Application is { } application ? (application.LeadDepartment, "application")
        : target.Item?.LeadDepartment is { Length: > 0 } lead ? (lead, "item")
        : (TicketRouting.DepartmentOf(category, overrides)!, "category");

    /// <summary>The next number, <c>FK-{year}-{n:D6}</c>, the year in the zone's calendar.</summary>
    private static async Task<string> NextNumberAsync(FeedbackDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // The sequence's name is NumberSequence: written out, as nextval needs a name, not a parameter.
        var next = (await db.Database.SqlQuery<long>($"""SELECT nextval('feedback_ticket_number') AS "Value" """).ToListAsync(ct)).Single();
        return $"FK-{WorkingCalendar.Today(now).Year}-{next:D6}";
    }
}
